import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Queryable, rowsOf } from "../../db/client.ts";
import type { KeyResultFlagRow } from "../../db/row-types.ts";
import { checkIns, cycles, keyResultFlags, keyResults, objectives, teams, users } from "../../db/schema.ts";
import type { TeamScope } from "../../shared/schemas/common.ts";
import { cycleOfObjective, objectiveOfKeyResult } from "./okr-joins.ts";
import { uuidArray } from "./sql-arrays.ts";
import { subtreeTeamIds, withTeamAncestors } from "./team-repository.ts";

/** Risk flags on Key Results (key_result_flags) and what raising one reads; scoped by organisation. */

/** The KR's newest current check-ins (an edit stands for what it replaced), newest first. */
export function recentCheckIns(q: Queryable, organizationId: string, keyResultId: string, limit: number) {
  return q
    .select({
      id: checkIns.id,
      createdAt: checkIns.createdAt,
      confidence: checkIns.confidence,
      note: checkIns.note,
      noteSignals: checkIns.noteSignals,
    })
    .from(checkIns)
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

/**
 * The KR's open flag (locked, so a resolution and a check-in clearing it at once take
 * turns), whether the check-in that raised it is still current, and where in the history
 * the check-in that raised the KR's latest flag of any status stands.
 */
export async function flagStateOf(q: Queryable, organizationId: string, keyResultId: string) {
  const [open] = await q
    .select()
    .from(keyResultFlags)
    .where(
      and(
        eq(keyResultFlags.organizationId, organizationId),
        eq(keyResultFlags.keyResultId, keyResultId),
        eq(keyResultFlags.status, "open"),
      ),
    )
    .for("update");
  const [last] = rowsOf<{ raisedAt: string | Date | null; raisedByCurrent: boolean | null }>(
    await q.execute(sql`
      select c.created_at as "raisedAt", c.superseded_at is null as "raisedByCurrent"
      from ${keyResultFlags} f
      join ${checkIns} c on c.organization_id = f.organization_id and c.id = f.raised_by_check_in_id
      where f.organization_id = ${organizationId} and f.key_result_id = ${keyResultId}
      order by (f.status = 'open') desc, c.created_at desc
      limit 1`),
  );
  return {
    open: open ?? null,
    raisedByCurrent: last?.raisedByCurrent ?? true,
    lastRaisedAt: last?.raisedAt ? new Date(last.raisedAt).getTime() : null,
  };
}

export async function insertFlag(
  q: Queryable,
  row: Omit<typeof keyResultFlags.$inferInsert, "id" | "status">,
): Promise<KeyResultFlagRow | undefined> {
  // A check-in racing another on the same KR may find the flag raised already: one open flag per KR.
  const [created] = await q.insert(keyResultFlags).values(row).onConflictDoNothing().returning();
  return created;
}

/** Changes the open flag; undefined when it is no longer open. */
export async function updateOpenFlag(
  q: Queryable,
  organizationId: string,
  id: string,
  set: Partial<
    Pick<
      KeyResultFlagRow,
      | "status"
      | "closedAt"
      | "confidenceNow"
      | "resolvedByUserId"
      | "resolutionNote"
      | "raisedByCheckInId"
      | "quoteCheckInId"
      | "quote"
      | "cue"
      | "confidenceBefore"
    >
  >,
): Promise<KeyResultFlagRow | undefined> {
  const [row] = await q
    .update(keyResultFlags)
    .set(set)
    .where(
      and(
        eq(keyResultFlags.organizationId, organizationId),
        eq(keyResultFlags.id, id),
        eq(keyResultFlags.status, "open"),
      ),
    )
    .returning();
  return row;
}

const resolver = alias(users, "resolver");

/** The open flags of these KRs, with the name of whoever resolved them (none yet). */
export function openFlagsOf(q: Queryable, organizationId: string, keyResultIds: string[]) {
  if (keyResultIds.length === 0) return Promise.resolve([]);
  return q
    .select({ flag: keyResultFlags, resolvedByName: resolver.name })
    .from(keyResultFlags)
    .leftJoin(resolver, eq(resolver.id, keyResultFlags.resolvedByUserId))
    .where(
      and(
        eq(keyResultFlags.organizationId, organizationId),
        sql`${keyResultFlags.keyResultId} = any(${uuidArray(keyResultIds)})`,
        eq(keyResultFlags.status, "open"),
      ),
    );
}

/**
 * Who may resolve a flag on a KR, besides admins: the owner's manager (an active member),
 * and the lead of the Objective's team, or of the nearest team above when the owner leads
 * it themselves.
 */
export async function flagResolversOf(
  q: Queryable,
  organizationId: string,
  ownerUserId: string | null,
  teamId: string | null,
): Promise<{ managerUserId: string | null; teamLeadUserId: string | null }> {
  const manager = sql`(select m.manager_user_id from memberships m
      join memberships boss on boss.organization_id = m.organization_id and boss.user_id = m.manager_user_id
        and boss.status = 'active'
      where m.organization_id = ${organizationId} and m.user_id = ${ownerUserId} and m.status = 'active')`;
  const query = teamId
    ? sql`${withTeamAncestors(organizationId, teamId)}
      select ${manager} as "managerUserId",
        (select lead_user_id from up where lead_user_id is not null
          and lead_user_id is distinct from ${ownerUserId} order by depth limit 1) as "teamLeadUserId"`
    : sql`select ${manager} as "managerUserId", null::uuid as "teamLeadUserId"`;
  const [row] = rowsOf<{ managerUserId: string | null; teamLeadUserId: string | null }>(
    await q.execute(query),
  );
  return { managerUserId: row?.managerUserId ?? null, teamLeadUserId: row?.teamLeadUserId ?? null };
}

const owner = alias(users, "owner");

/**
 * Open flags on live KRs of live Objectives in cycles not closed, of the team (and, by
 * default, the teams below it): a closed cycle's flags are history, kept on their KRs.
 */
export function openFlagsOfTeam(q: Queryable, organizationId: string, teamId: string, scope: TeamScope) {
  return q
    .select({
      flag: keyResultFlags,
      keyResult: {
        id: keyResults.id,
        title: keyResults.title,
        ownerUserId: keyResults.ownerUserId,
        lastConfidence: keyResults.lastConfidence,
      },
      ownerName: owner.name,
      objective: {
        id: objectives.id,
        title: objectives.title,
        teamId: objectives.teamId,
        ownerUserId: objectives.ownerUserId,
        visibility: objectives.visibility,
      },
      teamName: teams.name,
    })
    .from(keyResultFlags)
    .innerJoin(
      keyResults,
      and(
        eq(keyResults.organizationId, keyResultFlags.organizationId),
        eq(keyResults.id, keyResultFlags.keyResultId),
      ),
    )
    .innerJoin(objectives, objectiveOfKeyResult)
    .innerJoin(cycles, cycleOfObjective)
    .leftJoin(
      teams,
      and(eq(teams.organizationId, objectives.organizationId), eq(teams.id, objectives.teamId)),
    )
    .leftJoin(owner, eq(owner.id, keyResults.ownerUserId))
    .where(
      and(
        eq(keyResultFlags.organizationId, organizationId),
        eq(keyResultFlags.status, "open"),
        isNull(keyResults.archivedAt),
        isNull(objectives.archivedAt),
        ne(cycles.state, "closed"),
        scope === "team"
          ? eq(objectives.teamId, teamId)
          : sql`${objectives.teamId} in ${subtreeTeamIds(organizationId, teamId)}`,
      ),
    )
    .orderBy(desc(keyResultFlags.createdAt), desc(keyResultFlags.id));
}
