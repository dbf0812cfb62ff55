import { longStatements } from "../../../db/pg-pool.ts";
import type { Actor, Deps } from "../../context.ts";
import type { Logger } from "../../lib/logger.ts";
import { writeMeasurementBatch } from "../../repositories/measurement-repository.ts";
import { type BatchRow, resolveBatch } from "./measurement-batch.ts";
import { calendarOf, sourceOf, throwRowIssues } from "./measurement-service.ts";
import { recomputeSoon } from "./recompute-service.ts";

/**
 * The bulk endpoint: up to 10,000 values in one request, all written or none. The rows
 * go in as one statement; status, escalations and formulas are queued in the same
 * transaction and worked off right after, so a large load is not slowed down by them.
 * Sending the same request again writes nothing (idempotent on KPI and period).
 */
export async function ingestMeasurements(
  deps: Deps,
  actor: Actor,
  logger: Logger,
  input: { measurements: BatchRow[] },
) {
  const calendar = await calendarOf(deps, actor);
  const outcome = await deps.db.transaction(async (tx) => {
    // Up to the body limit of values in one statement: a bulk load gets the long limit.
    await longStatements(tx, deps.engine, deps.config.longStatementTimeoutMs);
    const { rows, issues } = await resolveBatch(
      tx,
      actor,
      input.measurements,
      calendar,
      (i, f) => `measurements[${i}].${f}`,
    );
    if (issues.length > 0) throwRowIssues(issues, issues.length, "row");
    const outcome = await writeMeasurementBatch(
      tx,
      {
        organizationId: actor.organizationId,
        authorUserId: actor.userId,
        tokenId: actor.tokenId,
        source: sourceOf(actor),
      },
      rows,
    );
    return { ...outcome, kpiIds: [...new Set(rows.map((r) => r.kpiId))] };
  });
  const { kpiIds, ...counts } = outcome;
  if (counts.created + counts.corrected > 0) recomputeSoon(deps, actor.organizationId, kpiIds, logger);
  return { received: input.measurements.length, ...counts };
}
