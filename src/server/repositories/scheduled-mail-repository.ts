import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../db/client.ts";
import type { WeekStart } from "../../domain/okr/check-in-due.ts";
import { uuidArray } from "./sql-arrays.ts";

export type ScheduledMailOrganization = {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  weekStart: WeekStart;
  reminderHour: number;
};

/**
 * Every organisation with what its mail schedule needs (a few hundred rows at most). Demo
 * organisations are left out: their people's addresses are made up.
 */
export async function organizationsForScheduledMail(q: Queryable): Promise<ScheduledMailOrganization[]> {
  const result = await q.execute(sql`
    select id, slug, name, time_zone, week_start, reminder_hour from organizations
    where not is_demo order by id`);
  return rowsOf<{
    id: string;
    slug: string;
    name: string;
    time_zone: string;
    week_start: number;
    reminder_hour: number;
  }>(result).map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    timeZone: r.time_zone,
    weekStart: r.week_start as WeekStart,
    reminderHour: r.reminder_hour,
  }));
}

/** One KR an active member owns or contributes to, in an active Objective of a running cycle. */
export type PersonKeyResult = {
  userId: string;
  name: string;
  email: string;
  weeklyDigest: boolean;
  keyResultId: string;
  keyResultTitle: string;
  objectiveTitle: string;
  cycleStartsOn: string;
  /** Day the KR became active (its pace starts there), or null. */
  activeFrom: string | null;
  createdAt: Date;
  lastCheckInAt: Date | null;
};

/**
 * The KRs whose weekly check-ins people of an organisation owe, as on "my check-ins":
 * owners and contributors, active members only, live KRs of active Objectives in active
 * cycles. Whether each is due is the caller's rule (domain/okr/check-in-due.ts).
 */
export async function keyResultsOwedByPeople(
  q: Queryable,
  organizationId: string,
): Promise<PersonKeyResult[]> {
  const result = await q.execute(sql`
    with owed as (
      select kr.organization_id, kr.id as key_result_id, kr.owner_user_id as user_id
      from key_results kr where kr.organization_id = ${organizationId} and kr.owner_user_id is not null
      union
      select c.organization_id, c.key_result_id, c.user_id
      from key_result_contributors c where c.organization_id = ${organizationId}
    )
    select m.user_id, u.name, u.email, m.weekly_digest, kr.id as key_result_id, kr.title as key_result_title,
      o.title as objective_title, cy.starts_on::text as cycle_starts_on, kr.active_from::text as active_from,
      kr.created_at, kr.last_check_in_at
    from owed
    join key_results kr on kr.organization_id = owed.organization_id and kr.id = owed.key_result_id
    join objectives o on o.organization_id = kr.organization_id and o.id = kr.objective_id
    join cycles cy on cy.organization_id = o.organization_id and cy.id = o.cycle_id
    join memberships m on m.organization_id = owed.organization_id and m.user_id = owed.user_id
    join users u on u.id = m.user_id
    where kr.archived_at is null and o.archived_at is null and o.state = 'active' and cy.state = 'active'
      and m.status = 'active'
    order by m.user_id, o.title, kr.position, kr.id`);
  return rowsOf<{
    user_id: string;
    name: string;
    email: string;
    weekly_digest: boolean;
    key_result_id: string;
    key_result_title: string;
    objective_title: string;
    cycle_starts_on: string;
    active_from: string | null;
    created_at: string | Date;
    last_check_in_at: string | Date | null;
  }>(result).map((r) => ({
    userId: r.user_id,
    name: r.name,
    email: r.email,
    weeklyDigest: r.weekly_digest,
    keyResultId: r.key_result_id,
    keyResultTitle: r.key_result_title,
    objectiveTitle: r.objective_title,
    cycleStartsOn: r.cycle_starts_on,
    activeFrom: r.active_from,
    createdAt: new Date(r.created_at),
    lastCheckInAt: r.last_check_in_at === null ? null : new Date(r.last_check_in_at),
  }));
}

/** A member's weekly-digest choice; undefined when they are not a member. */
export async function weeklyDigestOf(
  q: Queryable,
  organizationId: string,
  userId: string,
): Promise<boolean | undefined> {
  const result = await q.execute(sql`
    select weekly_digest from memberships where organization_id = ${organizationId} and user_id = ${userId}`);
  return rowsOf<{ weekly_digest: boolean }>(result)[0]?.weekly_digest;
}

/** Sets a member's weekly-digest choice; false when it already was that (nothing written). */
export async function setWeeklyDigest(
  q: Queryable,
  organizationId: string,
  userId: string,
  weeklyDigest: boolean,
): Promise<boolean> {
  const result = await q.execute(sql`
    update memberships set weekly_digest = ${weeklyDigest}, updated_at = now()
    where organization_id = ${organizationId} and user_id = ${userId} and weekly_digest <> ${weeklyDigest}
    returning user_id`);
  return rowsOf(result).length === 1;
}

/** Names and addresses of an organisation's active members among `userIds`. */
export async function activeMemberContacts(
  q: Queryable,
  organizationId: string,
  userIds: readonly string[],
): Promise<Array<{ userId: string; name: string; email: string }>> {
  if (userIds.length === 0) return [];
  const result = await q.execute(sql`
    select u.id, u.name, u.email from memberships m join users u on u.id = m.user_id
    where m.organization_id = ${organizationId} and m.status = 'active' and m.user_id = any(${uuidArray(userIds)})
    order by u.id`);
  return rowsOf<{ id: string; name: string; email: string }>(result).map((r) => ({
    userId: r.id,
    name: r.name,
    email: r.email,
  }));
}
