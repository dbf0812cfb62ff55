import { and, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/client.ts";
import type { CheckInRow } from "../../db/row-types.ts";
import { checkIns, cycles, keyResultContributors, keyResults, objectives, users } from "../../db/schema.ts";
import { cycleOfObjective, objectiveOfKeyResult } from "./okr-joins.ts";

/** Check-ins (append-only facts) and the KR's denormalised latest values; scoped by organisation. */

/** The denormalised latest check-in on a KR; a fact, so the KR's version does not change. */
export async function setKeyResultLatest(
  q: Queryable,
  organizationId: string,
  id: string,
  latest: {
    currentValue: number | null;
    done: boolean;
    lastConfidence: number | null;
    lastCheckInAt: Date | null;
  },
) {
  await q
    .update(keyResults)
    .set(latest)
    .where(and(eq(keyResults.organizationId, organizationId), eq(keyResults.id, id)));
}

/**
 * A KR with what a check-in on it needs to know, in one query: its Objective's team,
 * owner, state and archiving, its cycle's state, and its contributors.
 */
export function findKeyResultForCheckIn(q: Queryable, organizationId: string, id: string) {
  return q
    .select({
      keyResult: keyResults,
      objective: {
        teamId: objectives.teamId,
        ownerUserId: objectives.ownerUserId,
        state: objectives.state,
        archivedAt: objectives.archivedAt,
      },
      cycleState: cycles.state,
      contributorUserIds: sql<string[]>`array(
        select c.user_id from ${keyResultContributors} c
        where c.organization_id = ${keyResults.organizationId} and c.key_result_id = ${keyResults.id}
        order by c.user_id)`,
    })
    .from(keyResults)
    .innerJoin(objectives, objectiveOfKeyResult)
    .innerJoin(cycles, cycleOfObjective)
    .where(and(eq(keyResults.organizationId, organizationId), eq(keyResults.id, id)))
    .then((r) => r[0]);
}

/**
 * Inserts a new check-in and, in the same statement, makes it the KR's latest values
 * (current value, done, confidence, time) when it is the KR's newest current check-in,
 * newest meaning the order of the history (created_at, then id). Nothing is read back:
 * a new check-in is the newest unless clocks disagree (several servers) or two arrive
 * in the same millisecond. The time comparison is on the KR row, which the update
 * locks and re-reads after a concurrent check-in commits; the history comparison settles
 * ties. Returns the inserted check-in.
 */
export async function insertCheckInAsLatest(
  q: Queryable,
  row: {
    organizationId: string;
    keyResultId: string;
    authorUserId: string | null;
    value: number | null;
    done: boolean | null;
    confidence: number;
    note: string;
    noteSignals: unknown;
    createdAt: Date;
  },
) {
  const inserted = q.$with("inserted").as(q.insert(checkIns).values(row).returning());
  const latest = q.$with("latest").as(
    q
      .update(keyResults)
      .set({
        currentValue: row.value,
        done: row.done ?? false,
        lastConfidence: row.confidence,
        lastCheckInAt: row.createdAt,
      })
      .from(inserted)
      .where(
        and(
          eq(keyResults.organizationId, inserted.organizationId),
          eq(keyResults.id, inserted.keyResultId),
          sql`(${keyResults.lastCheckInAt} is null or ${keyResults.lastCheckInAt} <= ${inserted.createdAt})`,
          // The statement does not see its own insert, only the history before it.
          sql`not exists (
            select 1 from ${checkIns} c
            where c.organization_id = ${inserted.organizationId} and c.key_result_id = ${inserted.keyResultId}
              and c.superseded_at is null and (c.created_at, c.id) > (${inserted.createdAt}, ${inserted.id}))`,
        ),
      )
      .returning({ id: keyResults.id }),
  );
  const [created] = await q.with(inserted, latest).select().from(inserted);
  return created!;
}

export function listCheckIns(q: Queryable, organizationId: string, keyResultId: string, limit: number) {
  const author = alias(users, "author");
  // For an edit, the version it replaced: its supersededAt is when the edit was made.
  const replaced = alias(checkIns, "replaced");
  return q
    .select({ checkIn: checkIns, authorName: author.name, editedAt: replaced.supersededAt })
    .from(checkIns)
    .leftJoin(author, eq(author.id, checkIns.authorUserId))
    .leftJoin(
      replaced,
      and(eq(replaced.organizationId, checkIns.organizationId), eq(replaced.id, checkIns.supersedesId)),
    )
    .where(
      and(
        eq(checkIns.organizationId, organizationId),
        eq(checkIns.keyResultId, keyResultId),
        isNull(checkIns.supersededAt),
      ),
    )
    .orderBy(desc(checkIns.createdAt), desc(checkIns.id))
    .limit(limit);
}

export function findCheckIn(q: Queryable, organizationId: string, id: string) {
  return q
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.organizationId, organizationId), eq(checkIns.id, id)))
    .then((r) => r[0]);
}

/** The newest check-in of a KR that has not been replaced by an edit. */
export function latestCheckIn(q: Queryable, organizationId: string, keyResultId: string) {
  return q
    .select()
    .from(checkIns)
    .where(
      and(
        eq(checkIns.organizationId, organizationId),
        eq(checkIns.keyResultId, keyResultId),
        isNull(checkIns.supersededAt),
      ),
    )
    .orderBy(desc(checkIns.createdAt), desc(checkIns.id))
    .limit(1)
    .then((r) => r[0]);
}

/**
 * Marks a check-in as replaced by an edit, unless another edit replaced it first: false
 * then (the row is claimed with `superseded_at is null`, so two edits cannot both win).
 */
export async function supersedeCheckIn(q: Queryable, organizationId: string, id: string, at: Date) {
  const claimed = await q
    .update(checkIns)
    .set({ supersededAt: at })
    .where(
      and(eq(checkIns.organizationId, organizationId), eq(checkIns.id, id), isNull(checkIns.supersededAt)),
    )
    .returning({ id: checkIns.id });
  return claimed.length > 0;
}

/** Inserts a check-in as given (an edit's new version); returns it. */
export async function insertCheckIn(q: Queryable, row: typeof checkIns.$inferInsert): Promise<CheckInRow> {
  const [created] = await q.insert(checkIns).values(row).returning();
  return created!;
}

/**
 * The Objectives in running cycles (active or grading) with a live KR that the person
 * owns or contributes to: what their "my check-ins" form covers.
 */
export async function objectiveIdsWithKeyResultsOf(
  q: Queryable,
  organizationId: string,
  userId: string,
): Promise<string[]> {
  const rows = await q
    .selectDistinct({ objectiveId: keyResults.objectiveId })
    .from(keyResults)
    .innerJoin(objectives, objectiveOfKeyResult)
    .innerJoin(cycles, cycleOfObjective)
    .leftJoin(
      keyResultContributors,
      and(
        eq(keyResultContributors.organizationId, keyResults.organizationId),
        eq(keyResultContributors.keyResultId, keyResults.id),
        eq(keyResultContributors.userId, userId),
      ),
    )
    .where(
      and(
        eq(keyResults.organizationId, organizationId),
        isNull(keyResults.archivedAt),
        isNull(objectives.archivedAt),
        inArray(cycles.state, ["active", "grading"]),
        or(eq(keyResults.ownerUserId, userId), sql`${keyResultContributors.userId} is not null`),
      ),
    );
  return rows.map((r) => r.objectiveId);
}
