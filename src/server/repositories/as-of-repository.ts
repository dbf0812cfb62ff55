import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../db/client.ts";
import { textArray, uuidArray } from "./sql-arrays.ts";

/**
 * The dated reads behind "as of" (docs/as-of.md). Definitions are the latest full audit
 * snapshot at or before the instant; facts are the rows known then: created by then and
 * not yet superseded. Each read is one statement whatever the organisation's size.
 */

/** Everyone on a team now, for the team's audit snapshot. */
export async function teamMemberIds(q: Queryable, organizationId: string, teamId: string) {
  const rows = rowsOf<{ userId: string }>(
    await q.execute(sql`select user_id as "userId" from team_members
      where organization_id = ${organizationId} and team_id = ${teamId} order by user_id`),
  );
  return rows.map((r) => r.userId);
}

export type DatedSnapshot = { entityId: string; action: string; at: Date; id: number; after: unknown };

/**
 * Per entity of these types, the latest audit event among `actions` at or before `at`
 * (with its `after`): the entity as it was then. The entity index serves it.
 */
export async function latestSnapshots(
  q: Queryable,
  organizationId: string,
  entityType: string,
  actions: readonly string[],
  at: Date,
  entityIds?: readonly string[],
): Promise<DatedSnapshot[]> {
  const rows = rowsOf<{
    entityId: string;
    action: string;
    at: string | Date;
    id: number | string;
    after: unknown;
  }>(
    await q.execute(sql`select distinct on (entity_id) entity_id as "entityId", action, at, id, after
      from audit_events
      where organization_id = ${organizationId} and entity_type = ${entityType}
        and action = any(${textArray(actions)}) and at <= ${at.toISOString()}::timestamptz
        and ${entityIds ? sql`entity_id = any(${textArray(entityIds)})` : sql`true`}
      order by entity_id, at desc, id desc`),
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at), id: Number(r.id) }));
}

export type KnownCheckIn = {
  keyResultId: string;
  value: number | null;
  done: boolean | null;
  confidence: number;
  createdAt: Date;
};

/**
 * Per KR, the newest check-in as known at `at`: written by then (an edit is written when
 * the version it replaces was superseded) and not superseded by then.
 */
export async function checkInsKnownAt(
  q: Queryable,
  organizationId: string,
  keyResultIds: readonly string[],
  at: Date,
): Promise<Map<string, KnownCheckIn>> {
  const result = new Map<string, KnownCheckIn>();
  if (keyResultIds.length === 0) return result;
  const instant = at.toISOString();
  const rows = rowsOf<{
    keyResultId: string;
    value: number | string | null;
    done: boolean | null;
    confidence: number | string;
    createdAt: string | Date;
  }>(
    await q.execute(sql`select distinct on (c.key_result_id) c.key_result_id as "keyResultId", c.value,
        c.done, c.confidence, c.created_at as "createdAt"
      from check_ins c
      left join check_ins r on r.organization_id = c.organization_id and r.id = c.supersedes_id
      where c.organization_id = ${organizationId} and c.key_result_id = any(${uuidArray(keyResultIds)})
        and c.created_at <= ${instant}::timestamptz
        and (c.supersedes_id is null or r.superseded_at <= ${instant}::timestamptz)
        and (c.superseded_at is null or c.superseded_at > ${instant}::timestamptz)
      order by c.key_result_id, c.created_at desc, c.id desc`),
  );
  for (const r of rows) {
    result.set(r.keyResultId, {
      keyResultId: r.keyResultId,
      value: r.value === null ? null : Number(r.value),
      done: r.done,
      confidence: Number(r.confidence),
      createdAt: new Date(r.createdAt),
    });
  }
  return result;
}

/**
 * Per KPI, its newest `points` values as known at `at`, oldest first: the value of each
 * period recorded by then and not yet corrected by then (current rows and superseded ones
 * alike), of periods begun by `day`.
 */
export async function kpiPointsKnownAt(
  q: Queryable,
  organizationId: string,
  kpiIds: readonly string[],
  at: Date,
  day: string,
  points: number,
): Promise<Map<string, Array<{ periodStart: string; value: number }>>> {
  const result = new Map<string, Array<{ periodStart: string; value: number }>>();
  if (kpiIds.length === 0) return result;
  const instant = at.toISOString();
  const rows = rowsOf<{ kpiId: string; periodStart: string | Date; value: number | string }>(
    await q.execute(sql`select kpi_id as "kpiId", period_start::text as "periodStart", value from (
        select v.*, row_number() over (partition by v.kpi_id order by v.period_start desc) as n from (
          select kpi_id, period_start, value from kpi_measurements
            where organization_id = ${organizationId} and kpi_id = any(${uuidArray(kpiIds)})
              and recorded_at <= ${instant}::timestamptz and period_start <= ${day}::date
          union all
          select kpi_id, period_start, value from kpi_measurement_history
            where organization_id = ${organizationId} and kpi_id = any(${uuidArray(kpiIds)})
              and recorded_at <= ${instant}::timestamptz and superseded_at > ${instant}::timestamptz
              and period_start <= ${day}::date
        ) v
      ) w where n <= ${points}
      order by kpi_id, period_start`),
  );
  for (const r of rows) {
    const list = result.get(r.kpiId) ?? [];
    list.push({ periodStart: String(r.periodStart).slice(0, 10), value: Number(r.value) });
    result.set(r.kpiId, list);
  }
  return result;
}

/** The escalations of these KPIs unresolved at `at`, with their state then. */
export async function escalationsOpenAt(
  q: Queryable,
  organizationId: string,
  kpiIds: readonly string[],
  at: Date,
) {
  if (kpiIds.length === 0) return [];
  const instant = at.toISOString();
  const rows = rowsOf<{
    id: string;
    kpiId: string;
    reason: "red" | "floor";
    openedAt: string | Date;
    acknowledgedAt: string | Date | null;
    acknowledgedByName: string | null;
  }>(
    await q.execute(sql`select e.id, e.kpi_id as "kpiId", e.reason, e.opened_at as "openedAt",
        e.acknowledged_at as "acknowledgedAt", u.name as "acknowledgedByName"
      from escalations e left join users u on u.id = e.acknowledged_by_user_id
      where e.organization_id = ${organizationId} and e.kpi_id = any(${uuidArray(kpiIds)})
        and e.opened_at <= ${instant}::timestamptz
        and (e.resolved_at is null or e.resolved_at > ${instant}::timestamptz)
      order by e.opened_at desc, e.id desc`),
  );
  return rows.map((r) => {
    const acknowledged = r.acknowledgedAt !== null && new Date(r.acknowledgedAt) <= at;
    return {
      id: r.id,
      kpiId: r.kpiId,
      reason: r.reason,
      state: (acknowledged ? "acknowledged" : "open") as "open" | "acknowledged",
      openedAt: new Date(r.openedAt),
      acknowledgedByName: acknowledged ? r.acknowledgedByName : null,
    };
  });
}

/** When the organisation was created: "as of" before it is refused. */
export async function organizationCreatedAt(q: Queryable, organizationId: string) {
  const rows = rowsOf<{ createdAt: string | Date }>(
    await q.execute(sql`select created_at as "createdAt" from organizations where id = ${organizationId}`),
  );
  return rows[0] ? new Date(rows[0].createdAt) : null;
}

/** Flags on these KRs raised by `at` and not closed by then, newest first. */
export async function flagsOpenAt(
  q: Queryable,
  organizationId: string,
  keyResultIds: readonly string[],
  at: Date,
) {
  if (keyResultIds.length === 0) return [];
  const instant = at.toISOString();
  return rowsOf<{ flagId: string; keyResultId: string; raisedAt: string }>(
    await q.execute(sql`select f.id as "flagId", f.key_result_id as "keyResultId", f.created_at as "raisedAt"
      from key_result_flags f
      where f.organization_id = ${organizationId} and f.key_result_id = any(${uuidArray(keyResultIds)})
        and f.created_at <= ${instant}::timestamptz
        and (f.closed_at is null or f.closed_at > ${instant}::timestamptz)
      order by f.created_at desc, f.id desc`),
  );
}

/** The organisation's KPIs created by `at` (as rows today, for those with no dated history). */
export async function kpisCreatedBy(q: Queryable, organizationId: string, at: Date) {
  const rows = rowsOf<{ id: string; createdAt: string | Date }>(
    await q.execute(sql`select id, created_at as "createdAt" from kpis
      where organization_id = ${organizationId} and created_at <= ${at.toISOString()}::timestamptz`),
  );
  return rows.map((r) => r.id);
}

/**
 * Per entity, the latest audit event among `actions` at or before `at` whose snapshot
 * names one of these values at `field` (an Objective's cycle, a KR's Objective).
 */
export async function latestSnapshotsWhere(
  q: Queryable,
  organizationId: string,
  entityType: string,
  actions: readonly string[],
  at: Date,
  field: string,
  values: readonly string[],
): Promise<DatedSnapshot[]> {
  if (values.length === 0) return [];
  const rows = rowsOf<{
    entityId: string;
    action: string;
    at: string | Date;
    id: number | string;
    after: unknown;
  }>(
    await q.execute(sql`select distinct on (entity_id) entity_id as "entityId", action, at, id, after
      from audit_events
      where organization_id = ${organizationId} and entity_type = ${entityType}
        and action = any(${textArray(actions)}) and at <= ${at.toISOString()}::timestamptz
        and after ->> ${field} = any(${textArray(values)})
      order by entity_id, at desc, id desc`),
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at), id: Number(r.id) }));
}

/** When these KRs were created (a row's creation never changes). */
export async function keyResultsCreatedAt(q: Queryable, organizationId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, Date>();
  const rows = rowsOf<{ id: string; createdAt: string | Date }>(
    await q.execute(sql`select id, created_at as "createdAt" from key_results
      where organization_id = ${organizationId} and id = any(${uuidArray(ids)})`),
  );
  return new Map(rows.map((r) => [r.id, new Date(r.createdAt)]));
}
