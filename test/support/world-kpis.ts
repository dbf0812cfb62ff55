import { todayIn } from "../../src/domain/dates.ts";
import type { Harness, OrgRef, SessionClient } from "./harness.ts";
import type { World, WorldNames } from "./world.ts";

/**
 * The KPI part of a world: a weekly KPI with bands, a red value last week (which opens
 * an escalation), and a floor for the active quarter. The key carries the team's name.
 */
export async function buildKpis(
  h: Harness,
  w: {
    org: OrgRef;
    owner: SessionClient;
    personId: string;
    teamId: string;
    names: WorldNames;
    cycleId: string;
  },
): Promise<Pick<World, "kpi" | "escalation" | "floor">> {
  const base = `/api/orgs/${w.org.slug}`;
  const key = `${w.names.team
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")}_on_time_rate`;
  const name = `${w.names.team} on-time rate`;
  const kpi = await h.ok(
    "POST",
    `${base}/kpis`,
    {
      as: w.owner,
      body: {
        key,
        name,
        ownerUserId: w.personId,
        teamId: w.teamId,
        unit: "percent",
        direction: "higher_is_better",
        frequency: "weekly",
        aggregation: "average",
        bands: [{ effectiveFrom: "2020-01-01", target: 95, greenMin: 92, redMin: 85 }],
      },
    },
    201,
  );
  const settings = await h.ok("GET", base, { as: w.owner });
  const lastWeek = new Date(h.clock.now().getTime() - 7 * 86_400_000);
  const written = await h.ok(
    "POST",
    `${base}/kpis/${kpi.id}/measurements`,
    { as: w.owner, body: { date: todayIn(settings.timeZone ?? "Europe/Amsterdam", lastWeek), value: 71 } },
    201,
  );
  const read = await h.ok("GET", `${base}/kpis/${kpi.id}`, { as: w.owner });
  if (!read.openEscalation) throw new Error("the world's red KPI opened no escalation");
  const floor = await h.ok(
    "POST",
    `${base}/kpi-floors`,
    {
      as: w.owner,
      body: { teamId: w.teamId, cycleId: w.cycleId, kpiId: kpi.id, ownerUserId: w.personId, threshold: 80 },
    },
    201,
  );
  return {
    kpi: { id: kpi.id, key, name, periodStart: written.measurement.periodStart },
    escalation: { id: read.openEscalation.id },
    floor: { id: floor.id },
  };
}
