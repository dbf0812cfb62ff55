import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../db/client.ts";
import { uuidArray } from "./sql-arrays.ts";

/**
 * Stored judgements (src/db/schema-judgements.ts): which rows need judging, writing them
 * over the generation they were judged from, and the set-wise reads the whole-organisation
 * views make of them. Rows travel as one JSON parameter, whatever their number.
 */

/** Serialises re-judging one cycle's statuses (or its findings) across connections. */
export async function lockJudging(q: Queryable, what: "statuses" | "findings", cycleId: string) {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext(${`keel:judgements:${what}:${cycleId}`}))`);
}

/**
 * The cycle's live Objectives whose stored status is missing, stale or judged for another
 * day, with the generation to write over. Missing rows are created first (stale), so a
 * change committed while they are judged marks them like any other.
 */
export async function objectivesToJudge(
  q: Queryable,
  organizationId: string,
  cycleId: string,
  today: string,
): Promise<Array<{ id: string; generation: number }>> {
  await q.execute(sql`insert into objective_judgements (organization_id, objective_id)
    select o.organization_id, o.id from objectives o
    where o.organization_id = ${organizationId} and o.cycle_id = ${cycleId} and o.archived_at is null
      and not exists (select 1 from objective_judgements j
                      where j.organization_id = o.organization_id and j.objective_id = o.id)
    on conflict do nothing`);
  return rowsOf<{ id: string; generation: number }>(
    await q.execute(sql`select o.id, j.generation from objectives o
      join objective_judgements j on j.organization_id = o.organization_id and j.objective_id = o.id
      where o.organization_id = ${organizationId} and o.cycle_id = ${cycleId} and o.archived_at is null
        and (j.stale or j.judged_on is distinct from ${today}::date or j.cycle_id is distinct from o.cycle_id)`),
  );
}

export type ObjectiveJudgementWrite = {
  id: string;
  generation: number;
  status: string;
  progress: number | null;
  expectedProgress: number;
  checkInsExpected: number;
  checkInsDone: number;
  checkInsOverdue: number;
};

export type KeyResultJudgementWrite = {
  id: string;
  objectiveId: string;
  status: string;
  progress: number | null;
  checkInDue: boolean | null;
  checkInOverdue: boolean | null;
  daysSinceLastCheckIn: number | null;
};

/**
 * Writes Objectives' judgements and their KRs', each only over the generation it was judged
 * from (a change since leaves the row stale for the next reader). Returns how many were written.
 */
export async function writeJudgements(
  q: Queryable,
  organizationId: string,
  cycleId: string,
  today: string,
  objectives: ObjectiveJudgementWrite[],
  keyResults: KeyResultJudgementWrite[],
): Promise<number> {
  if (objectives.length === 0) return 0;
  const written = rowsOf<{ id: string }>(
    await q.execute(sql`update objective_judgements j set cycle_id = ${cycleId}, status = v.status,
        progress = v.progress, expected_progress = v.expected_progress,
        check_ins_expected = v.check_ins_expected, check_ins_done = v.check_ins_done,
        check_ins_overdue = v.check_ins_overdue, judged_on = ${today}::date, stale = false
      from jsonb_to_recordset(${JSON.stringify(
        objectives.map((o) => ({
          id: o.id,
          generation: o.generation,
          status: o.status,
          progress: o.progress,
          expected_progress: o.expectedProgress,
          check_ins_expected: o.checkInsExpected,
          check_ins_done: o.checkInsDone,
          check_ins_overdue: o.checkInsOverdue,
        })),
      )}::jsonb) as v(id uuid, generation int, status text, progress float8, expected_progress float8,
        check_ins_expected int, check_ins_done int, check_ins_overdue int)
      where j.organization_id = ${organizationId} and j.objective_id = v.id and j.generation = v.generation
      returning j.objective_id as id`),
  ).map((r) => r.id);
  if (written.length === 0) return 0;
  await q.execute(sql`delete from key_result_judgements
    where organization_id = ${organizationId} and objective_id = any(${uuidArray(written)})`);
  const kept = new Set(written);
  const krs = keyResults.filter((k) => kept.has(k.objectiveId));
  if (krs.length > 0)
    await q.execute(sql`insert into key_result_judgements (organization_id, key_result_id, objective_id,
        status, progress, check_in_due, check_in_overdue, days_since_last_check_in)
      select ${organizationId}, v.id, v.objective_id, v.status, v.progress, v.check_in_due,
        v.check_in_overdue, v.days_since_last_check_in
      from jsonb_to_recordset(${JSON.stringify(
        krs.map((k) => ({
          id: k.id,
          objective_id: k.objectiveId,
          status: k.status,
          progress: k.progress,
          check_in_due: k.checkInDue,
          check_in_overdue: k.checkInOverdue,
          days_since_last_check_in: k.daysSinceLastCheckIn,
        })),
      )}::jsonb) as v(id uuid, objective_id uuid, status text, progress float8, check_in_due boolean,
        check_in_overdue boolean, days_since_last_check_in int)`);
  return written.length;
}

export type JudgedObjectiveRow = {
  id: string;
  title: string;
  teamId: string | null;
  teamName: string | null;
  themeId: string | null;
  ownerUserId: string | null;
  visibility: "organization" | "team";
  state: "draft" | "active" | "closed";
  status: string;
  progress: number | null;
  expectedProgress: number;
  checkInsExpected: number;
  checkInsDone: number;
  checkInsOverdue: number;
};

/** The cycle's live Objectives with their stored judgements (callers refresh them first). */
export async function judgedObjectivesOfCycle(
  q: Queryable,
  organizationId: string,
  cycleId: string,
  options: { themedOnly?: boolean } = {},
): Promise<JudgedObjectiveRow[]> {
  const rows = rowsOf<JudgedObjectiveRow>(
    await q.execute(sql`select o.id, o.title, o.team_id as "teamId", t.name as "teamName",
        o.theme_id as "themeId", o.owner_user_id as "ownerUserId", o.visibility, o.state,
        j.status, j.progress, j.expected_progress as "expectedProgress",
        j.check_ins_expected as "checkInsExpected", j.check_ins_done as "checkInsDone",
        j.check_ins_overdue as "checkInsOverdue"
      from objectives o
      join objective_judgements j on j.organization_id = o.organization_id and j.objective_id = o.id
      left join teams t on t.organization_id = o.organization_id and t.id = o.team_id
      where o.organization_id = ${organizationId} and o.cycle_id = ${cycleId} and o.archived_at is null
        ${options.themedOnly ? sql`and o.theme_id is not null` : sql``}
      order by o.position, o.created_at, o.id`),
  );
  return rows.map((r) => ({
    ...r,
    progress: r.progress === null ? null : Number(r.progress),
    expectedProgress: Number(r.expectedProgress),
  }));
}

/** The stored status and progress of the cycle's live Objectives, by id. */
export async function storedStatusesOf(q: Queryable, organizationId: string, cycleId: string) {
  const rows = rowsOf<{ id: string; status: string; progress: number | null }>(
    await q.execute(sql`select j.objective_id as id, j.status, j.progress
      from objective_judgements j
      join objectives o on o.organization_id = j.organization_id and o.id = j.objective_id
      where j.organization_id = ${organizationId} and o.cycle_id = ${cycleId} and o.archived_at is null`),
  );
  return new Map(
    rows.map((r) => [r.id, { status: r.status, progress: r.progress === null ? null : Number(r.progress) }]),
  );
}

/** Each of these Objectives' state (what its KRs are judged under). */
export async function objectiveStatesOf(q: Queryable, organizationId: string, objectiveIds: string[]) {
  if (objectiveIds.length === 0) return [];
  return rowsOf<{ id: string; state: "draft" | "active" | "closed" }>(
    await q.execute(sql`select id, state from objectives
      where organization_id = ${organizationId} and id = any(${uuidArray(objectiveIds)})`),
  );
}

/** Null: every live Objective of the cycle (an admin's whole organisation), without sending their ids. */
function amongObjectives(column: ReturnType<typeof sql.raw>, objectiveIds: readonly string[] | null) {
  return objectiveIds === null ? sql`` : sql`and ${column} = any(${uuidArray(objectiveIds)})`;
}

/** The stored KR judgements of these Objectives (tests compare them with a recompute). */
export async function keyResultJudgementsOf(q: Queryable, organizationId: string, objectiveIds: string[]) {
  if (objectiveIds.length === 0) return [];
  return rowsOf<KeyResultJudgementWrite>(
    await q.execute(sql`select key_result_id as id, objective_id as "objectiveId", status, progress,
        check_in_due as "checkInDue", check_in_overdue as "checkInOverdue",
        days_since_last_check_in as "daysSinceLastCheckIn"
      from key_result_judgements
      where organization_id = ${organizationId} and objective_id = any(${uuidArray(objectiveIds)})`),
  );
}

/** Live KRs of these Objectives silent for more than 7 days, with what the overdue list shows. */
export async function overdueKeyResultsOf(
  q: Queryable,
  organizationId: string,
  cycleId: string,
  objectiveIds: readonly string[] | null,
) {
  if (objectiveIds?.length === 0) return [];
  const rows = rowsOf<{
    id: string;
    objectiveId: string;
    title: string;
    ownerName: string | null;
    lastCheckInAt: string | Date | null;
    daysSinceLastCheckIn: number | null;
  }>(
    await q.execute(sql`select k.id, k.objective_id as "objectiveId", k.title, u.name as "ownerName",
        k.last_check_in_at as "lastCheckInAt", kj.days_since_last_check_in as "daysSinceLastCheckIn"
      from key_result_judgements kj
      join key_results k on k.organization_id = kj.organization_id and k.id = kj.key_result_id
      join objectives o on o.organization_id = kj.organization_id and o.id = kj.objective_id
      left join users u on u.id = k.owner_user_id
      where kj.organization_id = ${organizationId} and o.cycle_id = ${cycleId} and o.archived_at is null
        ${amongObjectives(sql.raw("kj.objective_id"), objectiveIds)}
        and kj.check_in_overdue and k.archived_at is null`),
  );
  return rows.map((r) => ({
    ...r,
    lastCheckInAt: r.lastCheckInAt === null ? null : new Date(r.lastCheckInAt),
  }));
}

/** Title and owner of these live KRs. */
export async function keyResultLabels(q: Queryable, organizationId: string, keyResultIds: string[]) {
  if (keyResultIds.length === 0) return [];
  return rowsOf<{ id: string; objectiveId: string; title: string; ownerName: string | null }>(
    await q.execute(sql`select k.id, k.objective_id as "objectiveId", k.title, u.name as "ownerName"
      from key_results k left join users u on u.id = k.owner_user_id
      where k.organization_id = ${organizationId} and k.id = any(${uuidArray(keyResultIds)})
        and k.archived_at is null`),
  );
}

/** The cycle's stored findings: current, or the generation to write over. */
export async function lintCycleToJudge(
  q: Queryable,
  organizationId: string,
  cycleId: string,
  today: string,
): Promise<{ generation: number } | null> {
  await q.execute(sql`insert into lint_cycle_judgements (organization_id, cycle_id)
    values (${organizationId}, ${cycleId}) on conflict do nothing`);
  const rows = rowsOf<{ generation: number; current: boolean }>(
    await q.execute(sql`select generation, (not stale and linted_on = ${today}::date) as current
      from lint_cycle_judgements where organization_id = ${organizationId} and cycle_id = ${cycleId}`),
  );
  const row = rows[0];
  return !row || row.current ? null : { generation: row.generation };
}

export type StoredFindingWrite = {
  objectiveId: string;
  position: number;
  keyResultId: string | null;
  rule: string;
  severity: string;
  message: string;
};

/** Replaces the cycle's findings, unless something changed since they were computed. */
export async function writeLintFindings(
  q: Queryable,
  organizationId: string,
  cycleId: string,
  today: string,
  generation: number,
  objectiveIds: string[],
  findings: StoredFindingWrite[],
): Promise<boolean> {
  const updated = rowsOf<{ cycleId: string }>(
    await q.execute(sql`update lint_cycle_judgements set stale = false, linted_on = ${today}::date
      where organization_id = ${organizationId} and cycle_id = ${cycleId} and generation = ${generation}
      returning cycle_id as "cycleId"`),
  );
  if (updated.length === 0) return false;
  await q.execute(sql`delete from lint_findings where organization_id = ${organizationId}
    and (cycle_id = ${cycleId} or objective_id = any(${uuidArray(objectiveIds)}))`);
  if (findings.length > 0)
    await q.execute(sql`insert into lint_findings (organization_id, objective_id, position, cycle_id,
        key_result_id, rule, severity, message)
      select ${organizationId}, v.objective_id, v.position, ${cycleId}, v.key_result_id, v.rule, v.severity, v.message
      from jsonb_to_recordset(${JSON.stringify(
        findings.map((f) => ({
          objective_id: f.objectiveId,
          position: f.position,
          key_result_id: f.keyResultId,
          rule: f.rule,
          severity: f.severity,
          message: f.message,
        })),
      )}::jsonb) as v(objective_id uuid, position int, key_result_id uuid, rule text, severity text, message text)`);
  return true;
}

/** Stored findings not dismissed, on these Objectives of the cycle, in the health check's order. */
function openFindingsWhere(organizationId: string, cycleId: string, objectiveIds: readonly string[] | null) {
  return sql`from lint_findings f
    join objectives o on o.organization_id = f.organization_id and o.id = f.objective_id
    where f.organization_id = ${organizationId} and f.cycle_id = ${cycleId}
      and o.cycle_id = ${cycleId} and o.archived_at is null
      ${amongObjectives(sql.raw("f.objective_id"), objectiveIds)}
      and not exists (select 1 from lint_dismissals d
        where d.organization_id = f.organization_id and d.objective_id = f.objective_id and d.rule = f.rule
          and d.subject = coalesce(f.key_result_id::text, 'objective'))`;
}

export async function openStoredFindings(
  q: Queryable,
  organizationId: string,
  cycleId: string,
  objectiveIds: readonly string[] | null,
) {
  if (objectiveIds?.length === 0) return [];
  return rowsOf<{
    objectiveId: string;
    objectiveTitle: string;
    teamId: string | null;
    keyResultId: string | null;
    rule: string;
    severity: string;
    message: string;
  }>(
    await q.execute(sql`select f.objective_id as "objectiveId", o.title as "objectiveTitle", o.team_id as "teamId",
        f.key_result_id as "keyResultId", f.rule, f.severity, f.message
      ${openFindingsWhere(organizationId, cycleId, objectiveIds)}
      order by o.position, o.created_at, o.id, f.position`),
  );
}

export async function countOpenStoredFindings(
  q: Queryable,
  organizationId: string,
  cycleId: string,
  objectiveIds: readonly string[] | null,
): Promise<number> {
  if (objectiveIds?.length === 0) return 0;
  const rows = rowsOf<{ n: number | string }>(
    await q.execute(sql`select count(*) as n ${openFindingsWhere(organizationId, cycleId, objectiveIds)}`),
  );
  return Number(rows[0]?.n ?? 0);
}
