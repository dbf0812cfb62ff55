import { and, eq, isNotNull } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { keyResults } from "../../db/schema.ts";

/** The KPIs an Objective's Key Results read (archived KRs included: they read it during the cycle). */
export async function kpiIdsReadByObjective(q: Queryable, organizationId: string, objectiveId: string) {
  const rows = await q
    .selectDistinct({ kpiId: keyResults.kpiId })
    .from(keyResults)
    .where(
      and(
        eq(keyResults.organizationId, organizationId),
        eq(keyResults.objectiveId, objectiveId),
        isNotNull(keyResults.kpiId),
      ),
    );
  return rows.map((r) => r.kpiId as string);
}
