/**
 * Every list route, found in the OpenAPI document by its `cursor` parameter, pages through
 * its items exactly once and in the same order as one big page.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCycle, buildInvitation, buildTeam, buildTheme } from "./support/factories.ts";
import { expectError, type Harness, startHarness } from "./support/harness.ts";
import { recomputeSettled } from "./support/kpi.ts";
import { fillPath, loadOpenApiDocument, operationsOf } from "./support/openapi.ts";
import { buildWorld, pathValues, vanDerBergWorld, type World } from "./support/world.ts";

const doc = await loadOpenApiDocument();
const listOperations = operationsOf(doc).filter(
  (op) => op.method === "GET" && op.queryParams.some((p) => p.name === "cursor"),
);

let h: Harness;
let w: World;

beforeAll(async () => {
  h = await startHarness();
  w = await buildWorld(h, vanDerBergWorld);
  const base = `/api/orgs/${w.org.slug}`;
  for (const name of [
    "Cold Chain",
    "Customs Desk",
    "Driver Academy",
    "Fleet Maintenance",
    "Route Planning",
  ]) {
    await h.ok("POST", `${base}/teams`, { as: w.owner, body: buildTeam({ name }) });
  }
  for (const name of ["Daan Bakker", "Milan Jansen", "Tess Mulder", "Finn de Boer"]) {
    const p = await h.addPerson(w.owner, w.org, "member", { name });
    await h.ok("POST", `${base}/teams/${w.team.id}/members`, { as: w.owner, body: { userId: p.id } });
  }
  for (const name of ["Winter readiness", "Tender season", "Spring clean-up"]) {
    await h.ok("POST", `${base}/cycles`, { as: w.owner, body: buildCycle({ name }) });
  }
  for (const name of ["Safety first", "Digital freight"]) {
    await h.ok("POST", `${base}/themes`, { as: w.owner, body: buildTheme({ name }) });
  }
  for (const title of ["Zero damaged pallets", "Faster customs", "Greener routes", "Happier drivers"]) {
    await h.ok("POST", `${base}/objectives`, { as: w.owner, body: { cycleId: w.okrCycle.id, title } }, 201);
  }
  for (let i = 0; i < 5; i++) {
    await h.ok("POST", `${base}/invitations`, { as: w.owner, body: buildInvitation() });
    await h.createToken(w.owner, w.org, { name: `Depot scanner ${i + 1}`, role: "viewer" });
  }
  // Five more KPIs, each red (an escalation each), and weeks of values for the world's KPI.
  const today = h.clock.now();
  const daysAgo = (n: number) => new Date(today.getTime() - n * 86_400_000).toISOString().slice(0, 10);
  for (const name of [
    "Dock utilisation",
    "Damaged parcels",
    "Fuel per 100 km",
    "Idle trucks",
    "Claims open",
  ]) {
    const key = name.toLowerCase().replace(/[^a-z0-9]+/g, "_");
    await h.ok(
      "POST",
      `${base}/kpis`,
      {
        as: w.owner,
        body: {
          key,
          name,
          ownerUserId: w.person.id,
          teamId: w.team.id,
          unit: "number",
          direction: "higher_is_better",
          frequency: "weekly",
          aggregation: "average",
          bands: [{ effectiveFrom: "2020-01-01", greenMin: 90, redMin: 80 }],
        },
      },
      201,
    );
    await h.ok("POST", `${base}/measurements/bulk`, {
      as: w.owner,
      body: { measurements: [{ kpi: key, date: daysAgo(7), value: 50 }] },
    });
  }
  await h.ok("POST", `${base}/measurements/bulk`, {
    as: w.owner,
    body: {
      measurements: [14, 21, 28, 35, 42].map((d) => ({ kpi: w.kpi.key, date: daysAgo(d), value: 90 })),
    },
  });
  // Five KPIs of the owner whose last value jumps off a steady level: a notification each.
  for (const name of ["Pallets wrapped", "Cranes in service", "Yard moves", "Seals checked", "Gate passes"]) {
    const key = name.toLowerCase().replace(/[^a-z0-9]+/g, "_");
    const body = { key, name, ownerUserId: w.owner.userId, teamId: w.team.id, unit: "count" };
    await h.ok(
      "POST",
      `${base}/kpis`,
      {
        as: w.owner,
        body: { ...body, direction: "higher_is_better", frequency: "weekly", aggregation: "sum" },
      },
      201,
    );
    const values = [...Array.from({ length: 10 }, () => 40), 400];
    await h.ok("POST", `${base}/measurements/bulk`, {
      as: w.owner,
      body: { measurements: values.map((value, i) => ({ kpi: key, date: daysAgo(7 * (11 - i)), value })) },
    });
  }
  await recomputeSettled(h, w.org.id);
});
afterAll(() => h?.close());

async function pageThrough(path: string, limit: number) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const query: string = `${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const page = await h.ok("GET", `${path}${query}`, { as: w.owner });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(
      ...page.items.map((item: Record<string, unknown>) =>
        String(item.id ?? item.userId ?? item.periodStart),
      ),
    );
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return ids;
}

describe("pagination of every list", () => {
  it("finds the list routes in the document", () => {
    expect(listOperations.length).toBeGreaterThanOrEqual(8);
    expect(listOperations.map((op) => op.label)).toContain("GET /api/orgs/{org}/objectives");
  });

  it.each(listOperations.map((op) => [op.label, op] as const))("%s", async (_label, op) => {
    const path = fillPath(op.path, pathValues(w, op));
    const all = await pageThrough(path, 200);
    expect(all.length, `${op.label} has too few items to test paging`).toBeGreaterThanOrEqual(5);
    const paged = await pageThrough(path, 2);
    expect(paged).toEqual(all);
    expect(new Set(paged).size).toBe(paged.length);
  });
});

describe("lists ordered by creation time", () => {
  it("page correctly through items created within the same millisecond", async () => {
    // Three tokens, invitations and Objectives whose creation times differ by microseconds only.
    const tokens = await h.ok("GET", `/api/orgs/${w.org.slug}/tokens?limit=3`, { as: w.owner });
    const objectives = await h.ok("GET", `/api/orgs/${w.org.slug}/objectives?limit=3`, { as: w.owner });
    const invitations = await h.ok("GET", `/api/orgs/${w.org.slug}/invitations?limit=3`, { as: w.owner });
    const stamps = [
      "2031-01-01 12:00:00.123100+00",
      "2031-01-01 12:00:00.123500+00",
      "2031-01-01 12:00:00.123900+00",
    ];
    for (const [i, token] of tokens.items.entries()) {
      await h.db.execute(
        sql`update api_tokens set created_at = ${stamps[i]}::timestamptz where id = ${token.id}::uuid`,
      );
    }
    for (const [i, inv] of invitations.items.entries()) {
      await h.db.execute(
        sql`update invitations set created_at = ${stamps[i]}::timestamptz where id = ${inv.id}::uuid`,
      );
    }
    for (const [i, objective] of objectives.items.entries()) {
      await h.db.execute(
        sql`update objectives set created_at = ${stamps[i]}::timestamptz where id = ${objective.id}::uuid`,
      );
    }
    for (const list of ["tokens", "invitations", "objectives"]) {
      const path = `/api/orgs/${w.org.slug}/${list}`;
      expect(await pageThrough(path, 1), list).toEqual(await pageThrough(path, 200));
    }
  });
});

describe("cursors from elsewhere", () => {
  const forged = (k: string, id: string) => Buffer.from(JSON.stringify({ k, id })).toString("base64url");
  const someId = "6f1c1d5e-6b55-4c49-9d63-0d5f0d8e0b9a";

  it.each(listOperations.map((op) => [op.label, op] as const))(
    "%s refuses a forged cursor, naming cursor",
    async (_label, op) => {
      const path = fillPath(op.path, pathValues(w, op));
      const at = (cursor: string) =>
        h.request("GET", `${path}?cursor=${encodeURIComponent(cursor)}`, { as: w.owner });
      // Never a cursor of any list: not base64 JSON, or an id that is no uuid.
      for (const cursor of [
        "not-a-cursor",
        forged("Hub", "-".repeat(36)),
        forged("2026-01-01", "f".repeat(36)),
      ]) {
        expectError(await at(cursor), 400, "validation_failed", "cursor");
      }
      // Well-formed but with keys of another type: a position in a name-ordered list, refused
      // by lists ordered by date, time or number; never a failure of the database.
      for (const k of ["2026-13-45", "yesterday", "12:00"]) {
        const reply = await at(forged(k, someId));
        if (reply.status !== 200) expectError(reply, 400, "validation_failed", "cursor");
      }
    },
  );
});
