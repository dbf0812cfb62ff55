import { sql } from "drizzle-orm";
import { rowsOf } from "../../src/db/client.ts";
import { backgroundWorkOf } from "../../src/server/lib/background-work.ts";
import { processRecomputeQueue } from "../../src/server/services/kpi/recompute-service.ts";
import type { Harness } from "./harness.ts";

/**
 * Works off an organisation's KPI recompute queue until it is empty. Bulk loads answer
 * before their recompute is done: that recompute is waited for first. The background
 * job may still hold entries for a moment (they are claimed with skip locked), so one
 * further call is not enough on PostgreSQL.
 */
export async function recomputeSettled(h: Harness, organizationId: string): Promise<void> {
  await backgroundWorkOf(h.db).drain();
  for (let i = 0; i < 200; i++) {
    await processRecomputeQueue(h.deps, organizationId);
    const [row] = rowsOf<{ n: number }>(
      await h.db.execute(
        sql`select count(*)::int as n from kpi_recompute_queue where organization_id = ${organizationId}`,
      ),
    );
    if (Number(row?.n) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the KPI recompute queue did not drain");
}
