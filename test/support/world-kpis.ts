import { addDays, todayIn } from "../../src/domain/dates.ts";
import { backgroundWorkOf } from "../../src/server/lib/background-work.ts";
import type { Harness, OrgRef, SessionClient } from "./harness.ts";
import type { World, WorldNames } from "./world.ts";

/**
 * The KPI part of a world: a weekly KPI with bands, ten steady green weeks and then a red
 * value last week (which opens an escalation and, being far off its level, tells the
 * KPI's owner it is unusual), and a floor for the active quarter. The key carries the
 * team's name.
 */
export async function buildKpis(
  h: Harness,
  w: {
    org: OrgRef;
    owner: SessionClient;
    personId: string;
    personClient: SessionClient;
    teamId: string;
    names: WorldNames;
    cycleId: string;
  },
): Promise<Pick<World, "kpi" | "escalation" | "floor" | "notification">> {
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
  const lastWeekDay = todayIn(settings.timeZone ?? "Europe/Amsterdam", lastWeek);
  const steady = [93, 94, 93.5, 92.8, 93.9, 93.2, 94.1, 93.6, 92.9, 93.4];
  await h.ok("POST", `${base}/measurements/bulk`, {
    as: w.owner,
    body: {
      measurements: steady.map((value, i) => ({
        kpi: key,
        date: addDays(lastWeekDay, -7 * (10 - i)),
        value,
      })),
    },
  });
  // The bulk load's recompute runs in the background; the red value must be judged after it.
  await backgroundWorkOf(h.db).drain();
  const written = await h.ok(
    "POST",
    `${base}/kpis/${kpi.id}/measurements`,
    { as: w.owner, body: { date: lastWeekDay, value: 71 } },
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
  const [notification] = (await h.ok("GET", `${base}/my/notifications`, { as: w.personClient })).items;
  if (!notification) throw new Error("the world's unusual KPI value told its owner nothing");
  return {
    notification: { id: notification.id },
    kpi: { id: kpi.id, key, name, periodStart: written.measurement.periodStart },
    escalation: { id: read.openEscalation.id },
    floor: { id: floor.id },
  };
}
