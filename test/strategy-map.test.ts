/**
 * The strategy map and the strategy board through the API: the map's lanes, Objectives and
 * edges; adding, relabelling and removing edges with every refusal; who may edit; another
 * organisation's nodes; the board's groups and counts; the cycle both open on.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMetricKeyResult, buildObjective, buildTeam, cycleAround } from "./support/factories.ts";
import { tenantFingerprint } from "./support/fingerprint.ts";
import {
  expectError,
  type Harness,
  type Json,
  type Member,
  type OrgRef,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";
import { okrApi } from "./support/okr-api.ts";
import { pinToNoon } from "./support/world.ts";

let h: Harness;
let owner: SessionClient;
let org: OrgRef;
let okr: ReturnType<typeof okrApi>;
let admin: Member;
let member: Member;
let viewer: Member;
let base: string;
let themes: Json[];
let quarter: Json;
let year: Json;
let revenue: Json;
let secret: Json;
let unthemed: Json;
let archived: Json;
let yearly: Json;
let otherTheme: Json;
let sales: Json;

const byName = (name: string) => themes.find((t) => t.name === name);
const themeRef = (name: string) => ({ kind: "theme", id: byName(name).id });
const objectiveRef = (o: Json) => ({ kind: "objective", id: o.id });
const addEdge = (as: SessionClient, body: unknown) =>
  h.request("POST", `${base}/strategy-map/edges`, { as, body });
const fingerprint = () => tenantFingerprint(h.db, org.id);

beforeAll(async () => {
  h = await startHarness();
  const today = pinToNoon(h);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Femke Dijkstra" },
    org: { name: "Zuid Cargo" },
  }));
  base = `/api/orgs/${org.slug}`;
  okr = okrApi(h, org);
  admin = await h.addPerson(owner, org, "admin", { name: "Bram Mulder" });
  member = await h.addPerson(owner, org, "member", { name: "Noor Bos" });
  viewer = await h.addPerson(owner, org, "viewer", { name: "Lars Vos" });
  sales = await h.ok("POST", `${base}/teams`, { as: owner, body: buildTeam({ name: "Key Accounts" }) });
  themes = (await h.ok("GET", `${base}/themes`, { as: owner })).items;
  const cycles = (await h.ok("GET", `${base}/cycles`, { as: owner })).items;
  quarter = cycles.find((c: Json) => c.state === "active");
  year = await okr.createCycle(owner, {
    name: "Strategy year",
    ...cycleAround(today, { elapsedDays: 200, lengthDays: 365 }),
  });
  const objective = async (title: string, themeId: string | null, extra: Record<string, unknown> = {}) => {
    const created = await okr.createObjective(
      owner,
      buildObjective({
        cycleId: quarter.id,
        teamId: sales.id,
        ownerUserId: admin.id,
        title,
        themeId,
        keyResults: [buildMetricKeyResult({ ownerUserId: admin.id })],
        ...extra,
      }),
    );
    return okr.activate(owner, created.id);
  };
  revenue = await objective("Grow revenue from key accounts", byName("Financial").id);
  secret = await objective("Win back the Rotterdam port account", byName("Customer").id, {
    visibility: "team",
  });
  unthemed = await objective("Tidy the shared drive", null);
  archived = await objective("Open a depot in Antwerp", byName("Internal process").id);
  await okr.updateObjective(owner, archived.id, { archived: true });
  yearly = await objective("Be the greenest carrier in the region", byName("Learning & growth").id, {
    cycleId: year.id,
  });
  const other = await h.createOwnerWithOrg({
    person: { name: "Otto Keller" },
    org: { name: "Alpen Transit" },
  });
  otherTheme = (await h.ok("GET", `/api/orgs/${other.org.slug}/themes`, { as: other.owner })).items[0];
});
afterAll(() => h?.close());

describe("the strategy map", () => {
  it("opens on the shortest active cycle containing today, with the active themes as lanes", async () => {
    const map = await h.ok("GET", `${base}/strategy-map`, { as: viewer.client });
    expect(map.cycle.id).toBe(quarter.id);
    expect(map.themes.map((t: Json) => t.name)).toEqual(themes.map((t) => t.name));
    // Themed, live Objectives of the cycle only; the team-visible one without its text.
    expect(map.objectives.map((o: Json) => o.id).sort()).toEqual([revenue.id, secret.id].sort());
    expect(map.objectives.find((o: Json) => o.id === secret.id)).toMatchObject({ restricted: true });
    expect(map.objectives.find((o: Json) => o.id === secret.id).title).not.toContain("Rotterdam");
    expect(map.can).toEqual({ edit: false });
    expect((await h.ok("GET", `${base}/strategy-map`, { as: admin.client })).can).toEqual({ edit: true });
  });

  it("shows a team-visible Objective's text to its team and the lead above it", async () => {
    const mate = await h.addPerson(owner, org, "member", { name: "Sara Peeters" });
    const lead = await h.addPerson(owner, org, "member", { name: "Koen Jacobs" });
    await h.ok("POST", `${base}/teams/${sales.id}/members`, { as: owner, body: { userId: mate.id } });
    const commercial = await h.ok("POST", `${base}/teams`, {
      as: owner,
      body: buildTeam({ name: "Commercial", leadUserId: lead.id }),
    });
    const current = await h.ok("GET", `${base}/teams/${sales.id}`, { as: owner });
    await h.ok("PATCH", `${base}/teams/${sales.id}`, {
      as: owner,
      body: { version: current.version, parentId: commercial.id },
    });
    for (const reader of [mate, lead]) {
      const map = await h.ok("GET", `${base}/strategy-map`, { as: reader.client });
      expect(map.objectives.find((o: Json) => o.id === secret.id)).toMatchObject({
        restricted: false,
        title: "Win back the Rotterdam port account",
      });
    }
  });

  it("shows another cycle when asked, and refuses a cycle that is not the organisation's", async () => {
    const map = await h.ok("GET", `${base}/strategy-map?cycleId=${year.id}`, { as: member.client });
    expect(map.objectives.map((o: Json) => o.id)).toEqual([yearly.id]);
    expectError(
      await h.request("GET", `${base}/strategy-map?cycleId=${otherTheme.id}`, { as: member.client }),
      404,
      "not_found",
    );
  });
});

describe("edges", () => {
  it("are added, relabelled and removed by admins, each change audited with before and after", async () => {
    const edge = await h.ok(
      "POST",
      `${base}/strategy-map/edges`,
      {
        as: admin.client,
        body: { from: themeRef("Customer"), to: themeRef("Financial"), label: "Loyal customers buy more" },
      },
      201,
    );
    expect(edge).toMatchObject({
      from: themeRef("Customer"),
      to: themeRef("Financial"),
      label: "Loyal customers buy more",
    });
    const toObjective = await h.ok(
      "POST",
      `${base}/strategy-map/edges`,
      { as: owner, body: { from: themeRef("Internal process"), to: objectiveRef(revenue) } },
      201,
    );
    let map = await h.ok("GET", `${base}/strategy-map`, { as: member.client });
    expect(map.edges.map((e: Json) => e.id).sort()).toEqual([edge.id, toObjective.id].sort());
    // An edge to another cycle's Objective is kept but drawn only on that cycle's map.
    const toYearly = await h.ok(
      "POST",
      `${base}/strategy-map/edges`,
      { as: owner, body: { from: objectiveRef(yearly), to: themeRef("Customer") } },
      201,
    );
    expect((await h.ok("GET", `${base}/strategy-map`, { as: member.client })).edges).toHaveLength(2);
    expect(
      (await h.ok("GET", `${base}/strategy-map?cycleId=${year.id}`, { as: member.client })).edges.map(
        (e: Json) => e.id,
      ),
    ).toContain(toYearly.id);

    const relabelled = await h.ok("PATCH", `${base}/strategy-map/edges/${edge.id}`, {
      as: admin.client,
      body: { label: "Retention drives revenue" },
    });
    expect(relabelled.label).toBe("Retention drives revenue");
    await h.ok("DELETE", `${base}/strategy-map/edges/${toObjective.id}`, { as: admin.client });
    map = await h.ok("GET", `${base}/strategy-map`, { as: member.client });
    expect(map.edges.map((e: Json) => e.id)).toEqual([edge.id]);

    const audit = (await h.ok("GET", `${base}/audit?entityType=strategy_edge`, { as: owner })).items;
    const actions = audit.map((a: Json) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["strategy_edge.created", "strategy_edge.updated", "strategy_edge.deleted"]),
    );
    const update = audit.find((a: Json) => a.action === "strategy_edge.updated");
    expect(update.before.label).toBe("Loyal customers buy more");
    expect(update.after.label).toBe("Retention drives revenue");
    expect(audit.find((a: Json) => a.action === "strategy_edge.deleted").before.id).toBe(toObjective.id);
  });

  it("allow feedback loops through other nodes", async () => {
    await h.ok(
      "POST",
      `${base}/strategy-map/edges`,
      { as: owner, body: { from: themeRef("Financial"), to: themeRef("Learning & growth") } },
      201,
    );
    await h.ok(
      "POST",
      `${base}/strategy-map/edges`,
      { as: owner, body: { from: themeRef("Learning & growth"), to: themeRef("Customer") } },
      201,
    );
  });

  it("refuse bad input and write nothing", async () => {
    const before = await fingerprint();
    expectError(
      await addEdge(owner, { from: themeRef("Customer"), to: themeRef("Customer") }),
      400,
      "validation_failed",
      "to",
    );
    expectError(
      await addEdge(owner, { from: themeRef("Customer"), to: themeRef("Financial") }),
      409,
      "conflict",
      "to",
    );
    const missing = { kind: "objective", id: "00000000-0000-4000-8000-000000000000" };
    expectError(
      await addEdge(owner, { from: missing, to: themeRef("Financial") }),
      404,
      "not_found",
      "from.id",
    );
    expectError(
      await addEdge(owner, { from: themeRef("Financial"), to: { kind: "theme", id: otherTheme.id } }),
      404,
      "not_found",
      "to.id",
    );
    expectError(
      await addEdge(owner, { from: objectiveRef(archived), to: themeRef("Financial") }),
      409,
      "conflict",
      "from.id",
    );
    expectError(
      await addEdge(owner, { from: themeRef("Financial"), to: objectiveRef(unthemed) }),
      409,
      "conflict",
      "to.id",
    );
    expectError(
      await addEdge(owner, { from: themeRef("Financial"), to: themeRef("Customer"), colour: "red" }),
      400,
      "validation_failed",
    );
    expectError(
      await h.request("DELETE", `${base}/strategy-map/edges/${missing.id}`, { as: owner }),
      404,
      "not_found",
    );
    expect(await fingerprint()).toEqual(before);
  });

  it("refuse an archived theme as an end", async () => {
    const theme = await h.ok(
      "POST",
      `${base}/themes`,
      { as: owner, body: { name: "Sustainability", description: "" } },
      201,
    );
    await h.ok("PATCH", `${base}/themes/${theme.id}`, {
      as: owner,
      body: { version: theme.version, archived: true },
    });
    const reply = await addEdge(owner, { from: { kind: "theme", id: theme.id }, to: themeRef("Financial") });
    expectError(reply, 409, "conflict", "from.id");
    expect(reply.body.error.message).toContain("from");
  });

  it("are read by members and viewers but changed only by admins and owners", async () => {
    const body = { from: themeRef("Internal process"), to: themeRef("Customer") };
    const before = await fingerprint();
    for (const who of [member, viewer]) {
      expectError(await addEdge(who.client, body), 403, "forbidden");
      expectError(
        await addEdge(who.client, { from: themeRef("Customer"), to: themeRef("Customer") }),
        403,
        "forbidden",
      );
    }
    const [edge] = (await h.ok("GET", `${base}/strategy-map`, { as: viewer.client })).edges;
    expectError(
      await h.request("PATCH", `${base}/strategy-map/edges/${edge.id}`, {
        as: member.client,
        body: { label: "x" },
      }),
      403,
      "forbidden",
    );
    expectError(
      await h.request("DELETE", `${base}/strategy-map/edges/${edge.id}`, { as: viewer.client }),
      403,
      "forbidden",
    );
    expect(await fingerprint()).toEqual(before);
  });
});

describe("the strategy board", () => {
  it("groups KPIs and Objectives by theme, then those without one, every count equal to its rows", async () => {
    await h.ok(
      "POST",
      `${base}/kpis`,
      {
        as: owner,
        body: {
          key: "revenue_key_accounts",
          name: "Revenue from key accounts",
          ownerUserId: admin.id,
          teamId: sales.id,
          unit: "currency",
          currency: "EUR",
          direction: "higher_is_better",
          frequency: "monthly",
          aggregation: "sum",
          themeId: byName("Financial").id,
          bands: [{ effectiveFrom: "2026-01-01", target: 100, greenMin: 90, redMin: 70 }],
        },
      },
      201,
    );
    const board = await h.ok("GET", `${base}/strategy-board`, { as: member.client });
    expect(board.cycle.id).toBe(quarter.id);
    expect(board.groups.map((g: Json) => g.theme?.name ?? null)).toEqual([
      ...themes.map((t) => t.name),
      null,
    ]);
    const financial = board.groups[0];
    expect(financial.kpis.map((k: Json) => k.key)).toEqual(["revenue_key_accounts"]);
    expect(financial.kpis[0]).toMatchObject({
      status: "no_data",
      target: 100,
      unit: "currency",
      currency: "EUR",
    });
    expect(financial.objectives.map((o: Json) => o.id)).toEqual([revenue.id]);
    expect(board.groups.at(-1).objectives.map((o: Json) => o.id)).toEqual([unthemed.id]);
    const customer = board.groups.find((g: Json) => g.theme?.name === "Customer");
    expect(customer.objectives).toEqual([expect.objectContaining({ id: secret.id, restricted: true })]);
    const objectiveWords = {
      onTrack: "on_track",
      atRisk: "at_risk",
      offTrack: "off_track",
      stale: "stale",
      notStarted: "not_started",
      draft: "draft",
    } as const;
    const kpiWords = {
      green: "green",
      amber: "amber",
      red: "red",
      noData: "no_data",
      noTarget: null,
    } as const;
    for (const group of board.groups) {
      for (const [count, word] of Object.entries(objectiveWords))
        expect(group.counts.objectives[count]).toBe(
          group.objectives.filter((o: Json) => o.status === word).length,
        );
      for (const [count, word] of Object.entries(kpiWords))
        expect(group.counts.kpis[count]).toBe(group.kpis.filter((k: Json) => k.status === word).length);
    }
    expect(financial.counts.kpis.noData).toBe(1);
    const everything = board.groups.flatMap((g: Json) => g.objectives.map((o: Json) => o.id));
    expect(everything.sort()).toEqual([revenue.id, secret.id, unthemed.id].sort());
  });

  it("shows a chosen cycle, and another organisation's cycle is not found", async () => {
    const board = await h.ok("GET", `${base}/strategy-board?cycleId=${year.id}`, { as: viewer.client });
    expect(board.groups.flatMap((g: Json) => g.objectives.map((o: Json) => o.id))).toEqual([yearly.id]);
    expectError(
      await h.request("GET", `${base}/strategy-board?cycleId=${otherTheme.id}`, { as: viewer.client }),
      404,
      "not_found",
    );
  });
});
