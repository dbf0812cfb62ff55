import { todayIn } from "../../../domain/dates.ts";
import { periodStartOf } from "../../../domain/kpi/periods.ts";
import type { Frequency } from "../../../domain/kpi/types.ts";
import { AppError } from "../../../shared/errors.ts";
import { CONNECTOR_RUN_INTERVAL_MS, type ConnectorRun } from "../../../shared/schemas/connectors.ts";
import type { Deps } from "../../context.ts";
import {
  type ConnectorRow,
  findConnector,
  recordRunOutcome,
} from "../../repositories/connector-repository.ts";
import { findKpi, periodOptionsOf } from "../../repositories/kpi-repository.ts";
import { lockKpiForWrite } from "../../repositories/kpi-write-lock-repository.ts";
import { writeMeasurementBatch } from "../../repositories/measurement-repository.ts";
import { openCredentials, presentConnector, UNREADABLE } from "./connector-credentials.ts";
import { ConnectorRunError, fetchHttpJsonValue } from "./connector-runners/http-json.ts";
import { queryPostgresValue } from "./connector-runners/postgres-sql.ts";
import { targetPolicyOf } from "./connector-runners/target-guard.ts";
import { processRecomputeQueue } from "./recompute-service.ts";

/** How often a connector runs, by its KPI's frequency (shared with the web app's form). */
export const RUN_INTERVAL_MS = CONNECTOR_RUN_INTERVAL_MS;

const FIRST_RETRY_MS = 5 * 60_000;
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_ERROR_LENGTH = 300;

/** After `failures` failed runs in a row: 5 minutes, doubling, never longer than the normal interval. */
export function retryDelayMs(frequency: Frequency, failures: number): number {
  const doubled = FIRST_RETRY_MS * 2 ** Math.min(Math.max(failures - 1, 0), 20);
  return Math.min(doubled, RUN_INTERVAL_MS[frequency]);
}

/** Reads the value from the source; a ConnectorRunError's message says why it could not. */
async function readValue(deps: Deps, row: ConnectorRow): Promise<number> {
  const opened = openCredentials(deps, row);
  if (!opened.ok) throw new ConnectorRunError(UNREADABLE);
  const timeoutMs = deps.config.connectorTimeoutMs;
  // Checked on every run, not only when saved: DNS answers and the setting change.
  const policy = targetPolicyOf(deps.config);
  if (row.kind === "http_json") {
    return fetchHttpJsonValue(
      { url: row.url ?? "", jsonPath: row.jsonPath ?? "$", headers: opened.credentials.headers ?? {} },
      policy,
      { timeoutMs, maxBytes: MAX_BODY_BYTES },
    );
  }
  return queryPostgresValue(
    { connectionString: opened.credentials.connectionString ?? "", query: row.query ?? "" },
    policy,
    { statementTimeoutMs: timeoutMs, connectTimeoutMs: Math.min(5_000, timeoutMs) },
  );
}

const shorten = (text: string) =>
  text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;

/**
 * One run: reads the value (outside any transaction: it may take seconds), then writes it
 * for the current period and stores the outcome in one transaction. A failed run writes
 * no value, so the old ones stay, and is retried with backoff. Returns undefined when the
 * connector was removed, changed while it ran (its result belongs to the old settings; the
 * new ones run at once), or its KPI can no longer take values.
 */
export async function runConnector(
  deps: Deps,
  organizationId: string,
  kpiId: string,
): Promise<ConnectorRun | undefined> {
  const row = await findConnector(deps.db, organizationId, kpiId);
  const kpi = await findKpi(deps.db, organizationId, kpiId);
  if (!row || !kpi || kpi.formula || kpi.state !== "active") return undefined;
  const options = await periodOptionsOf(deps.db, organizationId);
  const startedAt = deps.now();
  const periodStart = periodStartOf(todayIn(options.timeZone, startedAt), kpi.frequency, options);

  let read: { ok: true; value: number } | { ok: false; error: string };
  try {
    read = { ok: true, value: await readValue(deps, row) };
  } catch (err) {
    if (!(err instanceof ConnectorRunError)) {
      deps.logger.error({ err, organizationId, kpiId }, "connector run failed unexpectedly");
    }
    read = {
      ok: false,
      error: err instanceof ConnectorRunError ? err.message : "internal error; it is logged",
    };
  }

  const finish = (outcome: typeof read) =>
    deps.db.transaction(async (tx) => {
      const current = await findConnector(tx, organizationId, kpiId, true);
      if (!current || current.version !== row.version) return undefined;
      // Archived (or given a formula) while the source was read: it takes no value now.
      // Locked from this check to the write, which takes no lock of its own.
      const still = await lockKpiForWrite(tx, organizationId, kpiId);
      if (!still || still.formula || still.state !== "active") return undefined;
      const now = deps.now();
      if (outcome.ok) {
        const w = await writeMeasurementBatch(
          tx,
          { organizationId, authorUserId: null, tokenId: null, source: "connector" },
          [{ kpiId, periodStart, value: outcome.value, note: "" }],
        );
        const written = w.created > 0 ? "created" : w.corrected > 0 ? "corrected" : "unchanged";
        const saved = await recordRunOutcome(tx, organizationId, kpiId, {
          lastRunAt: now,
          lastOutcome: "succeeded",
          lastError: null,
          lastValue: outcome.value,
          consecutiveFailures: 0,
          nextRunAt: new Date(now.getTime() + RUN_INTERVAL_MS[kpi.frequency]),
        });
        return { saved: saved!, written: written as ConnectorRun["written"] };
      }
      const failures = current.consecutiveFailures + 1;
      const saved = await recordRunOutcome(tx, organizationId, kpiId, {
        lastRunAt: now,
        lastOutcome: "failed",
        lastError: shorten(outcome.error),
        consecutiveFailures: failures,
        nextRunAt: new Date(now.getTime() + retryDelayMs(kpi.frequency, failures)),
      });
      return { saved: saved!, written: null };
    });

  let done: Awaited<ReturnType<typeof finish>>;
  try {
    done = await finish(read);
  } catch (err) {
    // Storing the value failed (the KPI was archived a moment ago, a database error):
    // the run counts as failed, so it shows on the KPI and is retried.
    if (!read.ok) throw err;
    deps.logger.error({ err, organizationId, kpiId }, "storing a connector's value failed");
    read = {
      ok: false,
      error: `the value could not be stored: ${err instanceof AppError ? err.message : "internal error; it is logged"}`,
    };
    done = await finish(read);
  }
  if (!done) return undefined;
  if (done.written === "created" || done.written === "corrected") {
    // The value is committed; formulas and escalations follow now so the page shows them.
    // If this fails the background drain of the queue catches up.
    await processRecomputeQueue(deps, organizationId).catch((err: unknown) => {
      deps.logger.error({ err, organizationId }, "recompute after a connector run failed");
    });
  }
  deps.logger.info(
    {
      organizationId,
      kpiId,
      kind: row.kind,
      outcome: read.ok ? "succeeded" : "failed",
      written: done.written,
    },
    read.ok ? "connector run succeeded" : `connector run failed: ${read.error}`,
  );
  return {
    outcome: read.ok ? "succeeded" : "failed",
    value: read.ok ? read.value : null,
    periodStart: read.ok ? periodStart : null,
    written: done.written,
    error: read.ok ? null : shorten(read.error),
    connector: presentConnector(deps, done.saved),
  };
}
