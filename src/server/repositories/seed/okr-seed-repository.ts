/**
 * Objectives, Key Results and their history for a seeded organisation, written in bulk:
 * one INSERT per table (in batches), where the API writes one Objective or check-in at a
 * time, and the outcome of the check-ins and of grading set afterwards in one UPDATE each.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client.ts";
import {
  checkIns,
  keyResultContributors,
  keyResults,
  objectiveAlignments,
  objectives,
} from "../../../db/schema.ts";
import { type ObjectiveRow, selectObjectives } from "../okr-repository.ts";
import { inBatches } from "./seed-batches.ts";

/** Rows as stored; the seed chooses ids and creation dates. */
export type SeededObjectiveRow = typeof objectives.$inferInsert & { id: string; createdAt: Date };
export type SeededKeyResultRow = typeof keyResults.$inferInsert & { id: string; createdAt: Date };
export type SeededAlignmentRow = typeof objectiveAlignments.$inferInsert;
export type SeededContributorRow = typeof keyResultContributors.$inferInsert;
export type SeededCheckInRow = typeof checkIns.$inferInsert & { createdAt: Date };

export async function insertObjectives(q: Queryable, rows: SeededObjectiveRow[]): Promise<void> {
  await inBatches(rows, (batch) => q.insert(objectives).values(batch));
}

export async function insertKeyResults(q: Queryable, rows: SeededKeyResultRow[]): Promise<void> {
  await inBatches(rows, (batch) => q.insert(keyResults).values(batch));
}

export async function insertContributors(q: Queryable, rows: SeededContributorRow[]): Promise<void> {
  await inBatches(rows, (batch) => q.insert(keyResultContributors).values(batch));
}

export async function insertAlignments(q: Queryable, rows: SeededAlignmentRow[]): Promise<void> {
  await inBatches(rows, (batch) => q.insert(objectiveAlignments).values(batch));
}

/**
 * Writes check-ins as facts only: the KRs' denormalised latest values are set afterwards,
 * once for each KR (setKeyResultOutcomes), not once per check-in.
 */
export async function insertCheckIns(q: Queryable, rows: SeededCheckInRow[]): Promise<void> {
  await inBatches(rows, (batch) => q.insert(checkIns).values(batch));
}

/** What a KR ends up with after its check-ins and, last quarter, its grading. */
export type KeyResultOutcome = {
  id: string;
  currentValue: number | null;
  done: boolean;
  lastConfidence: number | null;
  lastCheckInAt: Date | null;
  finalScore: number | null;
  scoreComment: string | null;
  version: number;
  updatedAt: Date;
};

/** Sets every KR's latest check-in (denormalised) and final score in one statement. */
export async function setKeyResultOutcomes(
  q: Queryable,
  organizationId: string,
  outcomes: readonly KeyResultOutcome[],
): Promise<void> {
  if (outcomes.length === 0) return;
  const values = outcomes.map(
    (o) => sql`(${o.id}::uuid, ${o.currentValue}::float8, ${o.done}::boolean, ${o.lastConfidence}::smallint,
      ${o.lastCheckInAt?.toISOString() ?? null}::timestamptz, ${o.finalScore}::float8,
      ${o.scoreComment}::text, ${o.version}::int, ${o.updatedAt.toISOString()}::timestamptz)`,
  );
  await q.execute(sql`
    update key_results k set current_value = v.current_value, done = v.done,
      last_confidence = v.last_confidence, last_check_in_at = v.last_check_in_at,
      final_score = v.final_score, score_comment = v.score_comment, version = v.version,
      updated_at = v.updated_at
    from (values ${sql.join(values, sql`, `)})
      as v(id, current_value, done, last_confidence, last_check_in_at, final_score, score_comment, version, updated_at)
    where k.organization_id = ${organizationId} and k.id = v.id`);
}

/** An Objective's grading at the close of its cycle. */
export type ObjectiveGrade = {
  id: string;
  grade: number | null;
  outcome: string;
  retrospective: string | null;
};

/**
 * Grades Objectives and closes them in one statement, as grading and then closing the
 * cycle would: two changes, so two versions.
 */
export async function gradeAndCloseObjectives(
  q: Queryable,
  organizationId: string,
  grades: readonly ObjectiveGrade[],
  closedAt: Date,
): Promise<void> {
  if (grades.length === 0) return;
  const values = grades.map(
    (g) => sql`(${g.id}::uuid, ${g.grade}::float8, ${g.outcome}::text, ${g.retrospective}::text)`,
  );
  await q.execute(sql`
    update objectives o set grade = v.grade, outcome = v.outcome, retrospective = v.retrospective,
      state = 'closed', version = o.version + 2, updated_at = ${closedAt.toISOString()}::timestamptz
    from (values ${sql.join(values, sql`, `)}) as v(id, grade, outcome, retrospective)
    where o.organization_id = ${organizationId} and o.id = v.id`);
}

/** A cycle's Objectives (only `ids` when given), as the OKR presenter reads them. */
export async function objectivesOfCycle(
  q: Queryable,
  organizationId: string,
  cycleId: string,
  ids?: readonly string[],
): Promise<ObjectiveRow[]> {
  return selectObjectives(q, organizationId, { cycleId, ...(ids ? { ids: [...ids] } : {}) });
}
