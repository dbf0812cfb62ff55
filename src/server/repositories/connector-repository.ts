import { and, eq, sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../db/client.ts";
import { kpiConnectors } from "../../db/schema.ts";
import { updateAtVersion } from "./versioned-update.ts";

export type ConnectorRow = typeof kpiConnectors.$inferSelect;

/** The configuration a person sets; the run state (last_*, next_run_at) is Keel's. */
export type ConnectorConfig = {
  kind: "http_json" | "postgres_sql";
  url: string | null;
  jsonPath: string | null;
  query: string | null;
  secretCiphertext: string | null;
  enabled: boolean;
};

/** The KPI's connector; `forUpdate` holds it until the transaction ends (replace, run outcome). */
export function findConnector(q: Queryable, organizationId: string, kpiId: string, forUpdate = false) {
  const query = q
    .select()
    .from(kpiConnectors)
    .where(and(eq(kpiConnectors.organizationId, organizationId), eq(kpiConnectors.kpiId, kpiId)));
  return (forUpdate ? query.for("update") : query).then((r) => r[0]);
}

export async function insertConnector(
  q: Queryable,
  v: ConnectorConfig & { organizationId: string; kpiId: string; nextRunAt: Date },
): Promise<ConnectorRow> {
  const [row] = await q.insert(kpiConnectors).values(v).returning();
  return row!;
}

/**
 * Replaces the configuration if the version is still `version`; undefined otherwise.
 * A changed configuration runs at once (`nextRunAt`) with a clean failure count.
 */
export async function replaceConnector(
  q: Queryable,
  organizationId: string,
  kpiId: string,
  version: number,
  v: ConnectorConfig & { nextRunAt: Date; now: Date },
): Promise<ConnectorRow | undefined> {
  const { now, ...config } = v;
  const key = [eq(kpiConnectors.organizationId, organizationId), eq(kpiConnectors.kpiId, kpiId)];
  const [row] = await updateAtVersion(q, kpiConnectors, key, version, {
    ...config,
    consecutiveFailures: 0,
    updatedAt: now,
  }).returning();
  return row;
}

export async function deleteConnector(q: Queryable, organizationId: string, kpiId: string): Promise<void> {
  await q
    .delete(kpiConnectors)
    .where(and(eq(kpiConnectors.organizationId, organizationId), eq(kpiConnectors.kpiId, kpiId)));
}

/**
 * Stores a run's outcome. It leaves `version` alone: the version guards the configuration
 * people edit, and a run finishing must not make their open edit form stale.
 */
export async function recordRunOutcome(
  q: Queryable,
  organizationId: string,
  kpiId: string,
  v: {
    lastRunAt: Date;
    lastOutcome: "succeeded" | "failed";
    lastError: string | null;
    lastValue?: number;
    consecutiveFailures: number;
    nextRunAt: Date;
  },
): Promise<ConnectorRow | undefined> {
  const [row] = await q
    .update(kpiConnectors)
    .set(v)
    .where(and(eq(kpiConnectors.organizationId, organizationId), eq(kpiConnectors.kpiId, kpiId)))
    .returning();
  return row;
}

/**
 * Claims up to `limit` due connectors across all organisations, in one statement: their
 * next_run_at moves `leaseMs` ahead, so another instance (or this one's next tick) does
 * not take them while they run; the run then sets the real next time. SKIP LOCKED lets
 * instances claiming at the same moment take different connectors instead of queueing.
 * Connectors of archived or formula KPIs are not taken (they cannot write a value).
 */
export async function claimDueConnectors(
  q: Queryable,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<Array<{ organizationId: string; kpiId: string }>> {
  const at = now.toISOString();
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  const result = await q.execute(sql`
    update kpi_connectors set next_run_at = ${leaseUntil}::timestamptz
    where (organization_id, kpi_id) in (
      select c.organization_id, c.kpi_id
      from kpi_connectors c
      join kpis k on k.organization_id = c.organization_id and k.id = c.kpi_id
      where c.enabled and c.next_run_at <= ${at}::timestamptz and k.state = 'active' and k.formula is null
      order by c.next_run_at
      limit ${limit}
      for update of c skip locked
    )
    returning organization_id, kpi_id`);
  return rowsOf<{ organization_id: string; kpi_id: string }>(result).map((r) => ({
    organizationId: r.organization_id,
    kpiId: r.kpi_id,
  }));
}
