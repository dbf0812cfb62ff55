import type { Queryable } from "../../../db/client.ts";
import { todayIn } from "../../../domain/dates.ts";
import { expectedProgress, paceWindow } from "../../../domain/okr/expected-progress.ts";
import { objectiveStatus } from "../../../domain/okr/objective-status.ts";
import { type KeyResultInput, keyResultProgress, objectiveProgress } from "../../../domain/okr/progress.ts";
import { type KeyResultStatusInput, keyResultStatus } from "../../../domain/okr/status.ts";
import type { StatusSettings } from "../../../domain/okr/status-settings.ts";
import type { KeyResult, Objective, OkrStatus } from "../../../shared/schemas/okrs.ts";
import type { Actor, Deps } from "../../context.ts";
import { mayCheckIn, mayEditObjective, mayReadObjectiveText } from "../../policies/okr-policy.ts";
import {
  type KeyResultRow,
  type ObjectiveRow,
  type ParentRef,
  selectKeyResultsWithContributors,
} from "../../repositories/okr-repository.ts";

/** What status computations need about "now" for one organisation. */
export type OkrClock = { today: string; timeZone: string; settings: StatusSettings };

/** The status bands come with the actor (read with the organisation): no query here. */
export function okrClock(deps: Deps, actor: Actor): OkrClock {
  return {
    today: todayIn(actor.timeZone, deps.now()),
    timeZone: actor.timeZone,
    settings: actor.okrStatusSettings,
  };
}

/** The KR columns that progress and status are computed from. */
export type KeyResultFacts = Pick<
  KeyResultRow["keyResult"],
  | "kind"
  | "startValue"
  | "targetValue"
  | "currentValue"
  | "done"
  | "lastConfidence"
  | "lastCheckInAt"
  | "createdAt"
  | "activeFrom"
>;

export function keyResultInput(
  kr: Pick<KeyResultFacts, "kind" | "startValue" | "targetValue" | "currentValue" | "done">,
): KeyResultInput {
  if (kr.kind === "milestone") return { kind: "milestone", done: kr.done };
  if (kr.kind === "percentage") return { kind: "percentage", current: kr.currentValue };
  return { kind: "metric", start: kr.startValue ?? 0, target: kr.targetValue ?? 0, current: kr.currentValue };
}

/** A metric KR needs both ends and a target that differs from its start. */
export function isMeasurableRow(kr: Pick<KeyResultFacts, "kind" | "startValue" | "targetValue">): boolean {
  if (kr.kind !== "metric") return true;
  return kr.startValue !== null && kr.targetValue !== null && kr.targetValue !== kr.startValue;
}

/**
 * A KR's uncapped progress (null when not measurable) and its status word today. A KR of
 * a draft Objective is not running: its status is "draft", never a colour.
 */
export function judgeKeyResult(
  kr: KeyResultFacts,
  objectiveState: "draft" | "active" | "closed",
  cycle: { startsOn: string; endsOn: string },
  clock: OkrClock,
): { progress: number | null; status: OkrStatus } {
  const input = keyResultInput(kr);
  const measurable = isMeasurableRow(kr);
  const facts: KeyResultStatusInput = {
    keyResult: measurable ? input : { kind: "milestone", done: kr.done },
    lastCheckInOn: kr.lastCheckInAt ? todayIn(clock.timeZone, kr.lastCheckInAt) : null,
    confidence: kr.lastConfidence,
    cycle,
    today: clock.today,
    activeFrom: kr.activeFrom,
  };
  // The day the KR was added only counts while it has no check-in (the stale clock starts
  // there); formatting a date in a time zone is the costly part of a status.
  // A KR's activation day, when recorded, already says when check-ins became due.
  if (facts.lastCheckInOn === null && kr.activeFrom === null)
    facts.addedOn = todayIn(clock.timeZone, kr.createdAt);
  const progress = measurable ? (keyResultProgress(input)?.raw ?? null) : null;
  if (objectiveState === "draft") return { progress, status: "draft" };
  return { progress, status: keyResultStatus(facts, clock.settings).status };
}

/**
 * An Objective's progress, expected progress and status from its live KRs. Its pace runs
 * from the day it became active (the earliest of its KRs' `activeFrom`), so one activated
 * late in a cycle is not behind on its first day. A draft is not running yet: it has no
 * status ("draft") and expects nothing.
 */
export function judgeObjective(
  state: "draft" | "active" | "closed",
  liveKeyResults: ReadonlyArray<{
    progress: number | null;
    weight: number;
    status: OkrStatus;
    commitment: "committed" | "aspirational";
    activeFrom: string | null;
  }>,
  cycle: { startsOn: string; endsOn: string },
  clock: OkrClock,
): { progress: number | null; expectedProgress: number; status: OkrStatus } {
  const progress = objectiveProgress(
    liveKeyResults.map((k) => ({ progress: k.progress, weight: k.weight })),
  ).progress;
  if (state === "draft") return { progress, expectedProgress: 0, status: "draft" };
  let activeFrom: string | null = null;
  for (const k of liveKeyResults) {
    // A KR never activated (null) ran from the cycle's start: the earliest of all.
    if (k.activeFrom === null) {
      activeFrom = null;
      break;
    }
    if (activeFrom === null || k.activeFrom < activeFrom) activeFrom = k.activeFrom;
  }
  const window = paceWindow(cycle, activeFrom);
  const verdict = objectiveStatus(
    {
      progress,
      keyResults: liveKeyResults.map((k) => ({
        // Only a draft's KRs are "draft", and a draft returned above.
        status: k.status === "draft" ? "not_started" : k.status,
        committed: k.commitment === "committed",
      })),
      cycle,
      activeFrom,
      today: clock.today,
    },
    clock.settings,
  );
  return { progress, expectedProgress: expectedProgress(window, clock.today), status: verdict.status };
}

function presentKeyResult(
  row: KeyResultRow & { contributorUserIds: string[] },
  objectiveState: "draft" | "active" | "closed",
  cycle: { startsOn: string; endsOn: string },
  clock: OkrClock,
  hideText: boolean,
  can: KeyResult["can"],
): KeyResult {
  const kr = row.keyResult;
  const { progress, status } = judgeKeyResult(kr, objectiveState, cycle, clock);
  return {
    id: kr.id,
    objectiveId: kr.objectiveId,
    title: hideText ? RESTRICTED_KEY_RESULT_TITLE : kr.title,
    kind: kr.kind,
    ownerUserId: kr.ownerUserId,
    ownerName: row.ownerName,
    contributorUserIds: row.contributorUserIds,
    startValue: kr.startValue,
    targetValue: kr.targetValue,
    currentValue: kr.currentValue,
    done: kr.done,
    unit: kr.unit,
    direction:
      kr.kind === "metric" && kr.startValue !== null && kr.targetValue !== null
        ? kr.targetValue < kr.startValue
          ? "decrease"
          : "increase"
        : null,
    weight: kr.weight,
    commitment: kr.commitment,
    position: kr.position,
    progress,
    status,
    lastConfidence: kr.lastConfidence,
    lastCheckInAt: kr.lastCheckInAt?.toISOString() ?? null,
    finalScore: kr.finalScore,
    scoreComment: hideText ? null : kr.scoreComment,
    needsNewTarget: kr.needsNewTarget,
    activeFrom: kr.activeFrom,
    archived: kr.archivedAt !== null,
    can,
    version: kr.version,
  };
}

type WithPermissions = { can?: unknown; keyResults?: Array<{ can?: unknown }> };

/**
 * An Objective or KR as the audit log keeps it: without `can`, which says what the person
 * who made the change may do, not what the entity is.
 */
export function auditSnapshot<T extends WithPermissions | undefined>(value: T): T {
  if (!value) return value;
  const { can: _can, ...rest } = value;
  if (!rest.keyResults) return rest as T;
  return { ...rest, keyResults: rest.keyResults.map(({ can: _kr, ...kr }) => kr) } as T;
}

export const RESTRICTED_TITLE = "Objective visible to its team";
export const RESTRICTED_KEY_RESULT_TITLE = "Key result (visible to its team)";

/** Items by key, each group in the items' order. */
export function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

type Visibility = { visibility: "organization" | "team"; teamId: string | null; ownerUserId: string | null };

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

type Ownership = { teamId: string | null; ownerUserId: string | null };

/** Editing rights depend only on team and owner: ask the policy once per combination. */
export function editabilityCache(q: Queryable, actor: Actor) {
  const answers = new Map<string, Promise<boolean>>();
  return (o: Ownership) => {
    const key = `${o.teamId}|${o.ownerUserId}`;
    let answer = answers.get(key);
    if (!answer) {
      answer = mayEditObjective(q, actor, o);
      answers.set(key, answer);
    }
    return answer;
  };
}

/**
 * Whether the actor may check in on a KR. Whoever may edit its Objective may; otherwise
 * the policy is asked about the KR alone (its owner and contributors), which needs no
 * query, since the Objective's part was answered once per team by the cache.
 */
async function mayCheckInOn(
  q: Queryable,
  actor: Actor,
  kr: { ownerUserId: string | null; contributorUserIds: string[] },
  mayEditItsObjective: boolean,
): Promise<boolean> {
  if (mayEditItsObjective) return true;
  return mayCheckIn(q, actor, kr, { teamId: null, ownerUserId: null });
}

/** An Objective's parents; a team-visible parent's title only for those who may read it. */
async function presentParents(
  parents: ParentRef[],
  mayRead: ReturnType<typeof readabilityCache>,
): Promise<Objective["parents"]> {
  const out: Objective["parents"] = [];
  for (const p of parents) {
    const readable = await mayRead(p);
    out.push({ objectiveId: p.parentId, title: readable ? p.title : RESTRICTED_TITLE, weight: p.weight });
  }
  return out;
}

/**
 * Objectives with their KRs, progress and status, as the API shows them. Team-visible
 * Objectives keep their numbers (they count in roll-ups) but lose their text for people
 * outside the team.
 */
export async function presentObjectives(
  q: Queryable,
  actor: Actor,
  clock: OkrClock,
  rows: ObjectiveRow[],
  options: { includeArchivedKeyResults?: boolean } = {},
): Promise<Objective[]> {
  const ids = rows.map((r) => r.objective.id);
  const krRows = await selectKeyResultsWithContributors(q, actor.organizationId, ids);
  // Group once: filtering the whole list per Objective is quadratic on big cycles.
  const krsByObjective = groupBy(krRows, (k) => k.keyResult.objectiveId);
  const readable = readabilityCache(q, actor);
  const editable = editabilityCache(q, actor);
  const out: Objective[] = [];
  for (const row of rows) {
    const o = row.objective;
    const cycle = { startsOn: row.cycleStartsOn, endsOn: row.cycleEndsOn };
    const hideText = !(await readable(o));
    const edit = await editable(o);
    const krs: KeyResult[] = [];
    for (const k of krsByObjective.get(o.id) ?? []) {
      if (!options.includeArchivedKeyResults && k.keyResult.archivedAt !== null) continue;
      const checkIn = await mayCheckInOn(
        q,
        actor,
        { ...k.keyResult, contributorUserIds: k.contributorUserIds },
        edit,
      );
      krs.push(presentKeyResult(k, o.state, cycle, clock, hideText, { edit, checkIn }));
    }
    const judged = judgeObjective(
      o.state,
      krs.filter((k) => !k.archived),
      cycle,
      clock,
    );
    out.push({
      id: o.id,
      cycleId: o.cycleId,
      teamId: o.teamId,
      teamName: row.teamName,
      ownerUserId: o.ownerUserId,
      ownerName: row.ownerName,
      title: hideText ? RESTRICTED_TITLE : o.title,
      description: hideText ? "" : o.description,
      themeId: o.themeId,
      state: o.state,
      outcome: o.outcome,
      visibility: o.visibility,
      position: o.position,
      grade: o.grade,
      retrospective: hideText ? null : o.retrospective,
      progress: judged.progress,
      expectedProgress: judged.expectedProgress,
      status: judged.status,
      cycleName: row.cycleName,
      cycleState: row.cycleState,
      cycleStarted: row.cycleState !== "planning",
      keyResults: krs,
      parents: await presentParents(row.parents, readable),
      archived: o.archivedAt !== null,
      restricted: hideText,
      can: { edit, align: edit, grade: edit },
      version: o.version,
    });
  }
  return out;
}
