/** What turning a Key Result into a KPI reads of its history. */
import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { checkIns } from "../../db/schema.ts";

/** The KR's check-ins in force (edits replace the versions they correct) that carry a value, oldest first. */
export async function checkInValuesOf(
  q: Queryable,
  organizationId: string,
  keyResultId: string,
): Promise<Array<{ at: Date; value: number }>> {
  const rows = await q
    .select({ at: checkIns.createdAt, value: checkIns.value })
    .from(checkIns)
    .where(
      and(
        eq(checkIns.organizationId, organizationId),
        eq(checkIns.keyResultId, keyResultId),
        isNull(checkIns.supersededAt),
        isNotNull(checkIns.value),
      ),
    )
    .orderBy(asc(checkIns.createdAt), asc(checkIns.id));
  return rows.map((r) => ({ at: r.at, value: r.value as number }));
}
