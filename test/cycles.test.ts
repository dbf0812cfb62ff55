import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCycle } from "./support/factories.ts";
import {
  expectError,
  type Harness,
  type OrgRef,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";

type Cycle = {
  id: string;
  name: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  state: string;
  version: number;
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // A fixed day, so the generated cycles are known: Thursday 14 May 2026.
  h.clock.set("2026-05-14T10:00:00Z");
});
afterAll(() => h?.close());

const listCycles = async (owner: SessionClient, org: OrgRef): Promise<Cycle[]> =>
  (await h.ok("GET", `/api/orgs/${org.slug}/cycles`, { as: owner })).items;

/** Cycles as comparable tuples, independent of the list's tie order. */
const summary = (cycles: Cycle[]) =>
  cycles.map((c) => `${c.kind} ${c.name} ${c.startsOn}…${c.endsOn} ${c.state}`).sort();

describe("cycles generated with the organisation", () => {
  it("the running year and quarter are active and the next quarter in planning; nothing past, newest first", async () => {
    const { owner, org } = await h.createOwnerWithOrg({ org: { name: "Van der Berg Logistics" } });
    const cycles = await listCycles(owner, org);
    expect(summary(cycles)).toEqual(
      [
        "year FY2026 2026-01-01…2026-12-31 active",
        "quarter Q2 2026 2026-04-01…2026-06-30 active",
        "quarter Q3 2026 2026-07-01…2026-09-30 planning",
      ].sort(),
    );
    const starts = cycles.map((c) => c.startsOn);
    expect(starts).toEqual([...starts].sort().reverse());
  });

  it("a fiscal year starting in April is named after both calendar years", async () => {
    const { owner, org } = await h.createOwnerWithOrg({
      org: { name: "Noordzee Freight", fiscalYearStartMonth: 4 },
    });
    expect(summary(await listCycles(owner, org))).toEqual(
      [
        "year FY2026/27 2026-04-01…2027-03-31 active",
        "quarter Q1 FY2026/27 2026-04-01…2026-06-30 active",
        "quarter Q2 FY2026/27 2026-07-01…2026-09-30 planning",
      ].sort(),
    );
  });

  it("which fiscal year is current depends on the organisation's time zone", async () => {
    h.clock.set("2026-12-31T23:30:00Z"); // already 1 January 2027 in Auckland
    try {
      const auckland = await h.createOwnerWithOrg({
        org: { name: "Tasman Freight", timeZone: "Pacific/Auckland" },
      });
      const lisbon = await h.createOwnerWithOrg({ org: { name: "Tejo Cargo", timeZone: "Europe/Lisbon" } });
      const years = async (o: { owner: SessionClient; org: OrgRef }) =>
        (await listCycles(o.owner, o.org))
          .filter((c) => c.kind === "year")
          .map((c) => `${c.name} ${c.state}`);
      expect(await years(auckland)).toEqual(["FY2027 active"]);
      // Its last quarter: next year comes with the next quarter, in planning.
      expect(await years(lisbon)).toEqual(["FY2027 planning", "FY2026 active"]);
    } finally {
      h.clock.set("2026-05-14T10:00:00Z");
    }
  });
});

describe("first run", () => {
  it("on 7 December a newcomer's activated Objective can be checked in on at once", async () => {
    h.clock.set("2026-12-07T10:00:00Z");
    try {
      const { owner, org } = await h.createOwnerWithOrg({ org: { name: "Schelde Shipping" } });
      const base = `/api/orgs/${org.slug}`;
      const cycles = await listCycles(owner, org);
      expect(summary(cycles)).toEqual(
        [
          "year FY2026 2026-01-01…2026-12-31 active",
          "quarter Q4 2026 2026-10-01…2026-12-31 active",
          "year FY2027 2027-01-01…2027-12-31 planning",
          "quarter Q1 2027 2027-01-01…2027-03-31 planning",
        ].sort(),
      );
      const [company] = (await h.ok("GET", `${base}/teams`, { as: owner })).items;
      const objective = (cycleId: string, title: string) =>
        h.ok(
          "POST",
          `${base}/objectives`,
          {
            as: owner,
            body: {
              cycleId,
              teamId: company.id,
              ownerUserId: owner.userId,
              title,
              keyResults: [{ title: "Ship the first order", kind: "milestone", ownerUserId: owner.userId }],
            },
          },
          201,
        );
      const q4 = cycles.find((c) => c.name === "Q4 2026")!;
      const now = await objective(q4.id, "Win our first five customers");
      expect(now).toMatchObject({ cycleName: "Q4 2026", cycleState: "active", cycleStarted: true });
      await h.ok("PATCH", `${base}/objectives/${now.id}`, {
        as: owner,
        body: { version: now.version, state: "active", acknowledgeFindings: true },
      });
      const mine = await h.ok("GET", `${base}/my/check-ins`, { as: owner });
      expect(mine.items.map((i: { keyResult: { title: string } }) => i.keyResult.title)).toEqual([
        "Ship the first order",
      ]);

      // Next quarter's Objective says its cycle has not started yet.
      const next = await objective(cycles.find((c) => c.name === "Q1 2027")!.id, "Open the Antwerp office");
      expect(next).toMatchObject({ cycleName: "Q1 2027", cycleState: "planning", cycleStarted: false });
    } finally {
      h.clock.set("2026-05-14T10:00:00Z");
    }
  });
});

describe("working with cycles", () => {
  let owner: SessionClient;
  let org: OrgRef;
  beforeAll(async () => {
    ({ owner, org } = await h.createOwnerWithOrg({ org: { name: "Maas Cargo" } }));
  });

  const patch = (id: string, body: Record<string, unknown>) =>
    h.request("PATCH", `/api/orgs/${org.slug}/cycles/${id}`, { as: owner, body });

  it("generates another fiscal year, and generating it again creates nothing", async () => {
    const before = (await listCycles(owner, org)).length;
    const first = await h.request("POST", `/api/orgs/${org.slug}/cycles/generate`, {
      as: owner,
      body: { fiscalYear: 2027 },
    });
    expect(first.status, first.text).toBe(201);
    expect(first.body.items.map((c: Cycle) => c.name).sort()).toEqual([
      "FY2027",
      "Q1 2027",
      "Q2 2027",
      "Q3 2027",
      "Q4 2027",
    ]);
    const again = await h.request("POST", `/api/orgs/${org.slug}/cycles/generate`, {
      as: owner,
      body: { fiscalYear: 2027 },
    });
    expect(again.status).toBe(201);
    expect(again.body.items).toEqual([]);
    // This year: only what is missing and not over yet (Q1 2026 ended in March).
    const current = await h.ok("POST", `/api/orgs/${org.slug}/cycles/generate`, {
      as: owner,
      body: { fiscalYear: 2026 },
    });
    expect(current.items.map((c: Cycle) => `${c.name} ${c.state}`)).toEqual(["Q4 2026 planning"]);
    const past = await h.ok("POST", `/api/orgs/${org.slug}/cycles/generate`, {
      as: owner,
      body: { fiscalYear: 2026, includePast: true },
    });
    expect(past.items.map((c: Cycle) => c.name)).toEqual(["Q1 2026"]);
    expect((await listCycles(owner, org)).length).toBe(before + 7);

    expectError(
      await h.request("POST", `/api/orgs/${org.slug}/cycles/generate`, {
        as: owner,
        body: { fiscalYear: 1999 },
      }),
      400,
      "validation_failed",
      "fiscalYear",
    );
  });

  it("creates a custom cycle", async () => {
    const reply = await h.request("POST", `/api/orgs/${org.slug}/cycles`, {
      as: owner,
      body: buildCycle({ name: "Peak season 2026", startsOn: "2026-10-01", endsOn: "2026-12-31" }),
    });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({
      name: "Peak season 2026",
      kind: "custom",
      state: "planning",
      version: 1,
    });
    expect((await listCycles(owner, org)).map((c) => c.id)).toContain(reply.body.id);
  });

  it("refuses impossible dates, naming the field", async () => {
    const post = (body: Record<string, unknown>) =>
      h.request("POST", `/api/orgs/${org.slug}/cycles`, { as: owner, body: buildCycle(body) });
    expectError(
      await post({ startsOn: "2026-12-31", endsOn: "2026-10-01" }),
      400,
      "validation_failed",
      "endsOn",
    );
    expectError(await post({ startsOn: "2026-02-30" }), 400, "validation_failed", "startsOn");
    expectError(await post({ endsOn: "31-12-2026" }), 400, "validation_failed", "endsOn");
    expectError(
      await post({ startsOn: "2026-01-01", endsOn: "2029-12-31" }),
      400,
      "validation_failed",
      "endsOn",
    );
    expectError(await post({ name: "" }), 400, "validation_failed", "name");
  });

  it("refuses dates PostgreSQL cannot store (year 0) as a validation error", async () => {
    const reply = await h.request("POST", `/api/orgs/${org.slug}/cycles`, {
      as: owner,
      body: buildCycle({ startsOn: "0000-01-01", endsOn: "0000-03-31" }),
    });
    expectError(reply, 400, "validation_failed", "startsOn");
  });

  it("moves planning → active → grading → closed, auditing each step", async () => {
    let cycle: Cycle = await h.ok("POST", `/api/orgs/${org.slug}/cycles`, {
      as: owner,
      body: buildCycle({ name: "Winter readiness", startsOn: "2026-11-01", endsOn: "2027-02-28" }),
    });
    for (const [state, action] of [
      ["active", "cycle.activated"],
      ["grading", "cycle.moved_to_grading"],
      ["closed", "cycle.closed"],
    ] as const) {
      const reply = await patch(cycle.id, { version: cycle.version, state });
      expect(reply.status, reply.text).toBe(200);
      expect(reply.body.state).toBe(state);
      const [event] = (
        await h.ok("GET", `/api/orgs/${org.slug}/audit?entityId=${cycle.id}&limit=1`, { as: owner })
      ).items;
      expect(event).toMatchObject({ action, before: { state: cycle.state }, after: { state } });
      cycle = reply.body;
    }
  });

  it("refuses skipping states, naming state", async () => {
    const cycle: Cycle = await h.ok("POST", `/api/orgs/${org.slug}/cycles`, {
      as: owner,
      body: buildCycle({ name: "Tender season" }),
    });
    expectError(
      await patch(cycle.id, { version: cycle.version, state: "closed" }),
      400,
      "validation_failed",
      "state",
    );
    expectError(
      await patch(cycle.id, { version: cycle.version, state: "grading" }),
      400,
      "validation_failed",
      "state",
    );
    expectError(
      await patch(cycle.id, { version: cycle.version, state: "paused" }),
      400,
      "validation_failed",
      "state",
    );
    const active = await patch(cycle.id, {
      version: cycle.version,
      state: "active",
      acknowledgeFindings: true,
    });
    const back = await patch(cycle.id, { version: active.body.version, state: "planning" });
    expect(back.status, back.text).toBe(200);
    expect(back.body.state).toBe("planning");
  });

  it("a closed cycle is frozen; reopening needs a reason and is audited as cycle.reopened", async () => {
    let cycle: Cycle = await h.ok("POST", `/api/orgs/${org.slug}/cycles`, {
      as: owner,
      body: buildCycle({ name: "Q3 fleet renewal", startsOn: "2026-07-01", endsOn: "2026-09-30" }),
    });
    for (const state of ["active", "grading", "closed"]) {
      cycle = (await patch(cycle.id, { version: cycle.version, state })).body;
    }
    expectError(
      await patch(cycle.id, { version: cycle.version, name: "Renamed afterwards" }),
      409,
      "conflict",
    );
    expectError(
      await patch(cycle.id, { version: cycle.version, state: "grading" }),
      400,
      "validation_failed",
      "reason",
    );
    expectError(
      await patch(cycle.id, { version: cycle.version, state: "grading", reason: "   " }),
      400,
      "validation_failed",
      "reason",
    );
    expect((await h.ok("GET", `/api/orgs/${org.slug}/cycles/${cycle.id}`, { as: owner })).state).toBe(
      "closed",
    );

    const reopened = await patch(cycle.id, {
      version: cycle.version,
      state: "grading",
      reason: "Hub Rotterdam's final scores were entered against the wrong KR.",
    });
    expect(reopened.status, reopened.text).toBe(200);
    expect(reopened.body.state).toBe("grading");
    const [event] = (
      await h.ok("GET", `/api/orgs/${org.slug}/audit?entityId=${cycle.id}&limit=1`, { as: owner })
    ).items;
    expect(event).toMatchObject({
      action: "cycle.reopened",
      reason: "Hub Rotterdam's final scores were entered against the wrong KR.",
      actorUserId: owner.userId,
      before: { state: "closed" },
      after: { state: "grading" },
    });
  });

  it("re-dating checks the dates against the ones it keeps, and a stale version is refused", async () => {
    const cycle: Cycle = await h.ok("POST", `/api/orgs/${org.slug}/cycles`, {
      as: owner,
      body: buildCycle({ name: "Spring clean-up", startsOn: "2026-03-01", endsOn: "2026-05-31" }),
    });
    expectError(
      await patch(cycle.id, { version: cycle.version, endsOn: "2026-02-01" }),
      400,
      "validation_failed",
      "endsOn",
    );
    const moved = await patch(cycle.id, { version: cycle.version, startsOn: "2026-03-15" });
    expect(moved.body).toMatchObject({ startsOn: "2026-03-15", endsOn: "2026-05-31", version: 2 });
    const stale = await patch(cycle.id, { version: cycle.version, name: "Spring" });
    expectError(stale, 409, "version_conflict");
    expect((await h.ok("GET", `/api/orgs/${org.slug}/cycles/${cycle.id}`, { as: owner })).name).toBe(
      "Spring clean-up",
    );
  });

  it("an unknown cycle is 404", async () => {
    expectError(
      await h.request("GET", `/api/orgs/${org.slug}/cycles/00000000-0000-4000-8000-000000000000`, {
        as: owner,
      }),
      404,
      "not_found",
    );
  });
});
