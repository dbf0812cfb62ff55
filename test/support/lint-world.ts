/**
 * The organisation the OKR linter's API tests share (okr-lint*.test.ts), on top of
 * support/kpi-team.ts: Hub Hamburg with the Night Shift below it, an on-time KPI with twelve
 * weeks of values between 91 % and 95 %, last quarter with a KR of the hub, this quarter in
 * planning; and another organisation (Fjord Parcel) with a KPI, a cycle and an Objective
 * whose ids must teach the first one nothing.
 */
import { addDays } from "../../src/domain/dates.ts";
import { buildTeam, cycleAround } from "./factories.ts";
import { type KpiTeam, startKpiTeam } from "./kpi-team.ts";
import { okrApi } from "./okr-api.ts";

export type LintWorld = Awaited<ReturnType<typeof startLintWorld>>;

export async function startLintWorld() {
  const world = await startKpiTeam();
  const { h, owner, base, lead, hub } = world;
  const okr = okrApi(h, world.org);
  const nightShift = await h.ok("POST", `${base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Hamburg Night Shift", parentId: hub.id, leadUserId: lead.id }),
  });
  // Twelve weeks of on-time delivery between 91 % and 95 %: P10 ≈ 91.1, P90 ≈ 94.9.
  const onTime = await world.createKpi(world.kpiBody());
  const values = [91, 92, 93, 94, 95, 93, 92, 94, 93, 91, 95, 92];
  for (const [i, value] of values.entries()) {
    await world.enter(onTime.id, { date: addDays(world.today, -7 * (12 - i)), value }, owner);
  }
  const now = cycleAround(world.today, { elapsedDays: 10 });
  const lastQuarter = await okr.createCycle(
    owner,
    { name: "Last quarter", startsOn: addDays(now.startsOn, -91), endsOn: addDays(now.startsOn, -1) },
    "planning",
  );
  const quarter = await okr.createCycle(owner, { name: "This quarter", ...now }, "planning");
  await okr.createObjective(lead.client, {
    cycleId: lastQuarter.id,
    teamId: hub.id,
    ownerUserId: lead.id,
    title: "Become the hub customers set their watch by",
    keyResults: [
      { title: "Cut late pick-ups at the Altona depot", kind: "metric", startValue: 40, targetValue: 10 },
    ],
  });

  const elsewhere = await h.createOwnerWithOrg({
    person: { name: "Mara Olsen" },
    org: { name: "Fjord Parcel" },
  });
  const otherBase = `/api/orgs/${elsewhere.org.slug}`;
  const otherOkr = okrApi(h, elsewhere.org);
  const otherTeam = await h.ok("POST", `${otherBase}/teams`, {
    as: elsewhere.owner,
    body: buildTeam({ name: "Bergen" }),
  });
  const otherKpi = await h.ok(
    "POST",
    `${otherBase}/kpis`,
    {
      as: elsewhere.owner,
      body: { ...world.kpiBody({ teamId: otherTeam.id, ownerUserId: elsewhere.owner.userId }) },
    },
    201,
  );
  for (const [i, value] of values.entries()) {
    await h.ok(
      "POST",
      `${otherBase}/kpis/${otherKpi.id}/measurements`,
      { as: elsewhere.owner, body: { date: addDays(world.today, -7 * (12 - i)), value } },
      201,
    );
  }
  const otherCycle = await otherOkr.createCycle(
    elsewhere.owner,
    { name: "Their quarter", ...now },
    "planning",
  );
  const otherObjective = await otherOkr.createObjective(elsewhere.owner, {
    cycleId: otherCycle.id,
    teamId: otherTeam.id,
    title: "Win the fjord towns' trust",
    keyResults: [
      { title: "Parcels delivered next day in Bergen", kind: "metric", startValue: 60, targetValue: 90 },
    ],
  });
  const other = {
    owner: elsewhere.owner,
    base: otherBase,
    kpi: otherKpi,
    cycle: otherCycle,
    objective: otherObjective,
  };
  return { world: world as KpiTeam, okr, nightShift, onTime, lastQuarter, quarter, other };
}
