/**
 * "As of" a past day (docs/as-of.md) is a query over dated history: every definition's
 * audit snapshot is whole, so the latest one at or before an instant is the entity as the
 * API showed it then; check-ins and KPI values are read as known then, so a correction
 * made later is left out. Kustwacht Logistics keeps a quote-speed Objective and a revenue
 * KPI; its history up to yesterday evening is dated there, today brings corrections.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endOfDayIn } from "../src/domain/as-of.ts";
import { addDays } from "../src/domain/dates.ts";
import type { Actor } from "../src/server/context.ts";
import { latestSnapshots } from "../src/server/repositories/as-of-repository.ts";
import { OBJECTIVE_SNAPSHOTS, objectivesAsOf } from "../src/server/services/as-of/as-of-definitions.ts";
import { buildMetricKeyResult, buildObjective, cycleAround } from "./support/factories.ts";
import {
  expectError,
  type Harness,
  type Json,
  MINUTE,
  type SessionClient,
  startHarnessWith,
} from "./support/harness.ts";
import { okrApi } from "./support/okr-api.ts";
import { pinToNoon } from "./support/world.ts";

const ZONE = "Europe/Amsterdam";

let h: Harness;
let owner: SessionClient;
let base: string;
let org: { id: string; slug: string; name: string };
let today: string;
let company: Json;
let cycle: Json;
let okr: ReturnType<typeof okrApi>;

beforeAll(async () => {
  h = await startHarnessWith(async (harness) => {
    today = pinToNoon(harness, ZONE);
    const made = await harness.createOwnerWithOrg({
      person: { name: "Fenna de Boer" },
      org: { name: "Kustwacht Logistics", timeZone: ZONE },
    });
    owner = made.owner;
    org = made.org;
    return harness;
  });
  base = `/api/orgs/${org.slug}`;
  okr = okrApi(h, org);
  company = ((await h.ok("GET", `${base}/teams/tree`, { as: owner })).roots as Json[])[0] as Json;
  cycle = await okr.createCycle(owner, { name: "Winter quarter", ...cycleAround(today) });
});
afterAll(() => h?.close());

/** Only organisationId matters to the dated reads. */
const reader = (): Actor => ({ organizationId: org.id }) as Actor;

/** The definition fields a snapshot must carry as the API showed them. */
function definitionOf(kr: Json) {
  return {
    id: kr.id,
    objectiveId: kr.objectiveId,
    title: kr.title,
    ownerName: kr.ownerName,
    kind: kr.kind,
    startValue: kr.startValue,
    targetValue: kr.targetValue,
    currentValue: kr.currentValue,
    lastConfidence: kr.lastConfidence,
    lastCheckInAt: kr.lastCheckInAt,
    activeFrom: kr.activeFrom,
    weight: kr.weight,
    commitment: kr.commitment,
  };
}

describe("the audit trail rebuilds definitions", () => {
  it("gives back, at each moment of a sequence of edits, the Objective and KRs the API answered then", async () => {
    const seen: Array<{ at: Date; objective: Json }> = [];
    const step = async (objective: Json) => {
      seen.push({ at: h.clock.now(), objective: await okr.getObjective(owner, objective.id) });
      h.clock.advance(MINUTE);
    };
    const parent = await okr.createObjective(
      owner,
      buildObjective({ cycleId: cycle.id, teamId: company.id, title: "Be the fastest carrier to quote" }),
    );
    let objective = await okr.createObjective(
      owner,
      buildObjective({
        cycleId: cycle.id,
        teamId: company.id,
        ownerUserId: owner.userId,
        title: "Answer every quote within the hour",
        keyResults: [
          buildMetricKeyResult({
            ownerUserId: owner.userId,
            title: "Quotes answered within the hour",
            startValue: 20,
            targetValue: 90,
          }),
        ],
      }),
    );
    await step(objective);
    objective = await okr.activate(owner, objective.id);
    await step(objective);
    const kr = objective.keyResults[0];
    const checkIn = await okr.checkIn(owner, kr.id, { value: 35, confidence: 7, note: "Night desk helps" });
    await step(objective);
    await h.ok("PATCH", `${base}/check-ins/${checkIn.id}`, { as: owner, body: { value: 38 } });
    await step(objective);
    objective = await h.ok("PUT", `${base}/objectives/${objective.id}/parents`, {
      as: owner,
      body: {
        version: (await okr.getObjective(owner, objective.id)).version,
        parents: [{ objectiveId: parent.id, weight: 0.5 }],
      },
    });
    await step(objective);
    objective = await okr.updateKeyResult(owner, objective.id, kr.id, { targetValue: 80, weight: 2 });
    await step(objective);
    objective = await h.ok(
      "POST",
      `${base}/objectives/${objective.id}/key-results`,
      {
        as: owner,
        body: buildMetricKeyResult({
          ownerUserId: owner.userId,
          title: "Quote templates per lane",
          startValue: 0,
          targetValue: 12,
        }),
      },
      201,
    );
    await step(objective);
    const second = objective.keyResults.find((k: Json) => k.title === "Quote templates per lane");
    await okr.updateKeyResult(owner, objective.id, second.id, { archived: true });
    await step(objective);
    await okr.updateObjective(owner, objective.id, {
      title: "Answer every quote within the hour, every day",
    });
    await step(objective);

    for (const { at, objective: then } of seen) {
      const rebuilt = (await objectivesAsOf(h.deps, reader(), cycle.id, at)).find((o) => o.id === then.id);
      expect(rebuilt, at.toISOString()).toMatchObject({
        title: then.title,
        state: then.state,
        teamId: then.teamId,
        visibility: then.visibility,
      });
      const [snapshot] = await latestSnapshots(h.db, org.id, "objective", OBJECTIVE_SNAPSHOTS, at, [then.id]);
      expect((snapshot?.after as Json | undefined)?.parents, at.toISOString()).toEqual(then.parents);
      const live = (then.keyResults as Json[]).filter((k) => !k.archived);
      expect(
        rebuilt!.keyResults.map((k) => ({ ...k, lastCheckInAt: k.lastCheckInAt?.toISOString() ?? null })),
        at.toISOString(),
      ).toEqual(live.map((k) => expect.objectContaining(definitionOf(k))));
    }
    // Before it was made, it did not exist.
    const before = await objectivesAsOf(h.deps, reader(), cycle.id, new Date(seen[0]!.at.getTime() - MINUTE));
    expect(before.find((o) => o.id === seen[0]!.objective.id)).toBeUndefined();
  });
});

describe("as of yesterday, after today's corrections", () => {
  let objective: Json;
  let kpi: Json;
  let checkIn: Json;
  const yesterday = () => addDays(today, -1);

  beforeAll(async () => {
    objective = await okr.createObjective(
      owner,
      buildObjective({
        cycleId: cycle.id,
        teamId: company.id,
        ownerUserId: owner.userId,
        title: "Win the Rotterdam reefer trade",
        keyResults: [
          buildMetricKeyResult({
            ownerUserId: owner.userId,
            title: "Reefer loads a week",
            startValue: 0,
            targetValue: 100,
          }),
        ],
      }),
    );
    objective = await okr.activate(owner, objective.id);
    checkIn = await okr.checkIn(owner, objective.keyResults[0].id, { value: 30, confidence: 7, note: "" });
    kpi = await h.ok(
      "POST",
      `${base}/kpis`,
      {
        as: owner,
        body: {
          key: "weekly_revenue",
          name: "Weekly revenue",
          ownerUserId: owner.userId,
          teamId: company.id,
          unit: "number",
          decimals: 0,
          direction: "higher_is_better",
          frequency: "weekly",
          aggregation: "sum",
          bands: [{ effectiveFrom: "2020-01-01", target: 100, greenMin: 90, redMin: 60 }],
        },
      },
      201,
    );
    await h.ok(
      "POST",
      `${base}/kpis/${kpi.id}/measurements`,
      {
        as: owner,
        body: { date: yesterday(), value: 95 },
      },
      201,
    );
    await settleHistoryAt(h, org.id, new Date(endOfDayIn(ZONE, yesterday()).getTime() - 10 * MINUTE));

    // Today: the check-in is corrected, the target raised, a KR added, the KPI value corrected.
    await h.ok("PATCH", `${base}/check-ins/${checkIn.id}`, { as: owner, body: { value: 45 } });
    await okr.updateKeyResult(owner, objective.id, objective.keyResults[0].id, { targetValue: 150 });
    await h.ok(
      "POST",
      `${base}/objectives/${objective.id}/key-results`,
      {
        as: owner,
        body: buildMetricKeyResult({
          ownerUserId: owner.userId,
          title: "Reefer plugs at the terminal",
          startValue: 0,
          targetValue: 40,
        }),
      },
      201,
    );
    await h.ok(
      "POST",
      `${base}/kpis/${kpi.id}/measurements`,
      {
        as: owner,
        body: { date: yesterday(), value: 55, note: "Credit notes booked late" },
      },
      201,
    );
  });

  const teamRow = (home: Json) => (home.teams as Json[]).find((t) => t.teamId === company.id);
  const reefer = () => [objective.id];

  it("shows the check-in and target known then, not the KR added since, on the leadership home", async () => {
    const then = await h.ok("GET", `${base}/leadership-home?asOf=${yesterday()}&cycleId=${cycle.id}`, {
      as: owner,
    });
    const now = await h.ok("GET", `${base}/leadership-home?cycleId=${cycle.id}`, { as: owner });
    const at = endOfDayIn(ZONE, yesterday());
    const rebuilt = (await objectivesAsOf(h.deps, reader(), cycle.id, at)).find((o) =>
      reefer().includes(o.id),
    )!;
    expect(rebuilt.keyResults).toEqual([
      expect.objectContaining({ title: "Reefer loads a week", targetValue: 100, currentValue: 30 }),
    ]);
    const today = (await okr.getObjective(owner, objective.id)).keyResults as Json[];
    expect(today.map((k) => [k.title, k.targetValue, k.currentValue])).toEqual([
      ["Reefer loads a week", 150, 45],
      ["Reefer plugs at the terminal", 40, 0],
    ]);
    expect(teamRow(then)?.objectives).toBeLessThanOrEqual(teamRow(now)?.objectives);
  });

  it("shows the KPI value known then on the strip and the board, not the later correction", async () => {
    const then = await h.ok("GET", `${base}/leadership-home?asOf=${yesterday()}`, { as: owner });
    const now = await h.ok("GET", `${base}/leadership-home`, { as: owner });
    const card = (home: Json) => (home.kpis.items as Json[]).find((k) => k.id === kpi.id);
    expect(card(then)?.current).toMatchObject({ value: 95, status: "green" });
    expect(card(now)?.current).toMatchObject({ value: 55, status: "red" });
    const board = await h.ok("GET", `${base}/teams/${company.id}/kpi-board?asOf=${yesterday()}`, {
      as: owner,
    });
    expect(board.kpis.find((k: Json) => k.id === kpi.id)?.current).toMatchObject({ value: 95 });
    expect(board.team.can.manageKpis).toBe(false);
    const boardNow = await h.ok("GET", `${base}/teams/${company.id}/kpi-board`, { as: owner });
    expect(boardNow.kpis.find((k: Json) => k.id === kpi.id)?.current).toMatchObject({ value: 55 });
  });

  it("knows nothing of a KPI before it was defined", async () => {
    const reply = await h.request("GET", `${base}/teams/${company.id}/kpi-board?asOf=${addDays(today, -2)}`, {
      as: owner,
    });
    // The organisation itself was made yesterday evening: two days ago it did not exist.
    await expectError(reply, 400, "validation_failed", "asOf");
  });

  it("refuses a date in the future, before the organisation existed, or not a date, naming asOf", async () => {
    for (const asOf of [addDays(today, 1), addDays(today, -30), "2026-02-30", "yesterday"]) {
      const reply = await h.request("GET", `${base}/leadership-home?asOf=${asOf}`, { as: owner });
      await expectError(reply, 400, "validation_failed", "asOf");
    }
    const board = await h.request("GET", `${base}/teams/${company.id}/kpi-board?asOf=${addDays(today, 1)}`, {
      as: owner,
    });
    await expectError(board, 400, "validation_failed", "asOf");
  });

  it("answers today's view for today's date", async () => {
    const then = await h.ok("GET", `${base}/leadership-home?asOf=${today}`, { as: owner });
    const card = (then.kpis.items as Json[]).find((k) => k.id === kpi.id);
    expect(card?.current).toMatchObject({ value: 55 });
  });
});

/**
 * Everything the organisation did so far happened at `at` (yesterday evening): its rows'
 * creation times, its audit events, its check-ins and its KPI values.
 */
async function settleHistoryAt(harness: Harness, organizationId: string, at: Date) {
  const t = at.toISOString();
  for (const table of ["teams", "cycles", "objectives", "key_results", "kpis"]) {
    await harness.db.execute(
      sql`update ${sql.raw(table)} set created_at = ${t}::timestamptz where organization_id = ${organizationId}`,
    );
  }
  await harness.db.execute(
    sql`update organizations set created_at = ${t}::timestamptz where id = ${organizationId}`,
  );
  await harness.db.execute(
    sql`update audit_events set at = ${t}::timestamptz where organization_id = ${organizationId}`,
  );
  await harness.db.execute(
    sql`update check_ins set created_at = ${t}::timestamptz where organization_id = ${organizationId}`,
  );
  await harness.db.execute(
    sql`update key_results set last_check_in_at = ${t}::timestamptz
      where organization_id = ${organizationId} and last_check_in_at is not null`,
  );
  await harness.db.execute(
    sql`update kpi_measurements set recorded_at = ${t}::timestamptz where organization_id = ${organizationId}`,
  );
}
