import type { Queryable } from "../../../db/client.ts";
import type { KpiPermissions } from "../../../shared/schemas/kpis.ts";
import type { Actor } from "../../context.ts";
import { kpiRightsOf } from "./kpi-access.ts";

export type KpiPermissionJudge = {
  /** What the actor may do with one KPI. */
  forKpi: (kpi: { teamId: string; ownerUserId: string }) => KpiPermissions;
  /** Whether the actor may define the team's KPIs and floors. */
  managesTeam: (teamId: string) => boolean;
};

/**
 * The KPI policies, asked once per answer: the teams a member leads are read once (one
 * query, none for admins and viewers), so a
 * board of a whole subtree costs the same as one KPI. The web app shows actions by these
 * answers rather than repeating the rules.
 */
export async function kpiPermissions(q: Queryable, actor: Actor): Promise<KpiPermissionJudge> {
  const { managesTeam: manages, writesValues: writes } = await kpiRightsOf(q, actor);
  return {
    forKpi: (kpi) => {
      const manage = manages(kpi.teamId);
      return { edit: manage, archive: manage, manageConnector: manage, enterValues: writes(kpi) };
    },
    managesTeam: manages,
  };
}
