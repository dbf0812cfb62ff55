/**
 * The OKR rules of policies/okr-policy.ts with what they need loaded: a person's place in
 * the team tree is read only when it can change the answer.
 */
import type { Queryable } from "../../../db/client.ts";
import type { Actor } from "../../context.ts";
import {
  isKeyResultPerson,
  mayCheckIn as mayCheckInGiven,
  mayEditObjective as mayEditGiven,
  mayReadObjectiveText as mayReadGiven,
  OUTSIDE_TEAM,
  requireEditObjective as requireEditGiven,
  type TeamStanding,
  teamStandingMatters,
} from "../../policies/okr-policy.ts";
import { canWorkOnTeam } from "../../repositories/okr-repository.ts";

type Placement = { teamId: string | null; ownerUserId: string | null };

/** Whether the actor belongs to the Objective's team or leads it from above. */
export async function teamStanding(q: Queryable, actor: Actor, objective: Placement): Promise<TeamStanding> {
  if (!teamStandingMatters(actor, objective) || !objective.teamId || !actor.userId) return OUTSIDE_TEAM;
  return { worksOnTeam: await canWorkOnTeam(q, actor.organizationId, objective.teamId, actor.userId) };
}

export async function requireEditObjective(q: Queryable, actor: Actor, objective: Placement): Promise<void> {
  requireEditGiven(actor, objective, await teamStanding(q, actor, objective));
}

/** Whether the actor may check in on (or score) the KR. */
export async function mayCheckIn(
  q: Queryable,
  actor: Actor,
  kr: { ownerUserId: string | null; contributorUserIds: string[] },
  objective: Placement,
): Promise<boolean> {
  // The KR's own people need no look-up.
  const standing = isKeyResultPerson(actor, kr) ? OUTSIDE_TEAM : await teamStanding(q, actor, objective);
  return mayCheckInGiven(actor, kr, objective, standing);
}

type Visibility = Placement & { visibility: "organization" | "team" };

export async function mayReadObjectiveText(q: Queryable, actor: Actor, objective: Visibility) {
  // Everyone reads what the organisation sees, and owners their own.
  const standing =
    objective.visibility === "organization" || objective.ownerUserId === actor.userId
      ? OUTSIDE_TEAM
      : await teamStanding(q, actor, objective);
  return mayReadGiven(actor, objective, standing);
}

/** Reading rights depend only on visibility, team and owner: ask once per combination. */
export function readabilityCache(q: Queryable, actor: Actor) {
  const answers = new Map<string, Promise<boolean>>();
  return (o: Visibility) => {
    if (o.visibility === "organization") return Promise.resolve(true);
    const key = `${o.teamId}|${o.ownerUserId}`;
    let answer = answers.get(key);
    if (!answer) {
      answer = mayReadObjectiveText(q, actor, o);
      answers.set(key, answer);
    }
    return answer;
  };
}

export type Readability = ReturnType<typeof readabilityCache>;

/**
 * Reading rights for all these Objectives (and parents), resolved up front so presenting
 * them needs no I/O: one look-up per team and owner that is not visible to everyone.
 */
export async function readabilityOf(
  q: Queryable,
  actor: Actor,
  items: Iterable<Visibility>,
): Promise<(o: Visibility) => boolean> {
  const ask = readabilityCache(q, actor);
  const answers = new Map<string, boolean>();
  for (const o of items) {
    const key = readabilityKey(o);
    if (!answers.has(key)) answers.set(key, await ask(o));
  }
  return (o) => answers.get(readabilityKey(o)) ?? false;
}

function readabilityKey(o: Visibility): string {
  return o.visibility === "organization" ? "organization" : `${o.teamId}|${o.ownerUserId}`;
}

/**
 * Editing rights for all these Objectives, resolved up front like readabilityOf: one
 * look-up per team where the person's standing can change the answer.
 */
export async function editabilityOf(
  q: Queryable,
  actor: Actor,
  items: Iterable<Placement>,
): Promise<(o: Placement) => boolean> {
  const answers = new Map<string, boolean>();
  const keyOf = (o: Placement) => `${o.teamId}|${o.ownerUserId}`;
  for (const o of items) {
    const key = keyOf(o);
    if (!answers.has(key)) answers.set(key, mayEditGiven(actor, o, await teamStanding(q, actor, o)));
  }
  return (o) => answers.get(keyOf(o)) ?? false;
}

/** A KR's own people (owner, contributors) may check in whoever owns its Objective. */
export function mayCheckInOwn(actor: Actor) {
  const nowhere: Placement = { teamId: null, ownerUserId: null };
  return (kr: { ownerUserId: string | null; contributorUserIds: string[] }) =>
    mayCheckInGiven(actor, kr, nowhere, OUTSIDE_TEAM);
}
