import { todayIn } from "../../../domain/dates.ts";
import { expectedProgress, paceWindow } from "../../../domain/okr/expected-progress.ts";
import { objectiveStatus } from "../../../domain/okr/objective-status.ts";
import { type KeyResultInput, keyResultProgress, objectiveProgress } from "../../../domain/okr/progress.ts";
import { type KeyResultStatusInput, keyResultStatus } from "../../../domain/okr/status.ts";
import type { StatusSettings } from "../../../domain/okr/status-settings.ts";
import type { KeyResult, Objective, OkrStatus } from "../../../shared/schemas/okrs.ts";
import type { Actor, Deps } from "../../context.ts";
import type { KeyResultRow, ObjectiveRow, ParentRef } from "../../repositories/okr-repository.ts";
import type { KeyResultKpiInfo } from "./key-result-kpis.ts";

/** What status computations need about "now" for one organisation. */
export type OkrClock = {
  today: string;
  timeZone: string;
  settings: StatusSettings;
  /** The instant, for KPI statuses (health KPIs); a clock that only knows its day leaves it out. */
  now?: Date;
};

/** The status bands come with the actor (read with the organisation): no query here. */
export function okrClock(deps: Deps, actor: Actor): OkrClock {
  return {
    today: todayIn(actor.timeZone, deps.now()),
    timeZone: actor.timeZone,
    settings: actor.okrStatusSettings,
    now: deps.now(),
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
  kpis: ReadonlyMap<string, KeyResultKpiInfo> | undefined,
  flag: KeyResult["flag"],
): KeyResult {
  const kr = row.keyResult;
  const kpi = kr.kpiId ? kpis?.get(kr.kpiId) : undefined;
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
    kpi: kpi ? { ...kpi, read: kr.kpiRead ?? "latest" } : null,
    flag,
    archived: kr.archivedAt !== null,
    can,
    version: kr.version,
  };
}

type WithPermissions = {
  can?: unknown;
  flag?: unknown;
  keyResults?: Array<{ can?: unknown; flag?: unknown }>;
  healthKpis?: Array<{ id: string; key: string; name: string }>;
};

/** An Objective before its health KPIs are added (health-kpi-service.ts). */
export type ObjectiveWithoutHealth = Omit<Objective, "healthKpiIds" | "healthKpis" | "healthAlert">;

/**
 * An Objective or KR as the audit log keeps it: without `can`, which says what the person
 * who made the change may do, not what the entity is, and without a KR's risk flag, which
 * is its situation rather than its definition (flags have audit events of their own).
 */
export function auditSnapshot<T extends WithPermissions | undefined>(value: T): T {
  if (!value) return value;
  const { can: _can, flag: _flag, ...rest } = value;
  // Which KPIs guard it is the definition; their values move on their own.
  if (rest.healthKpis) rest.healthKpis = rest.healthKpis.map(({ id, key, name }) => ({ id, key, name }));
  if (!rest.keyResults) return rest as T;
  return {
    ...rest,
    keyResults: rest.keyResults.map(({ can: _kr, flag: _krFlag, ...kr }) => kr),
  } as T;
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

/** What deciding whether a reader may see an Objective's text needs. */
export type Visibility = {
  visibility: "organization" | "team";
  teamId: string | null;
  ownerUserId: string | null;
};

/** What the reader may do, decided by the caller from the OKR policies (okr-access.ts). */
export type OkrRights = {
  mayRead: (o: Visibility) => boolean;
  /** Editing, aligning and grading an Objective go together. */
  mayEdit: (o: { teamId: string | null; ownerUserId: string | null }) => boolean;
  /** Checking in on a KR as its owner or contributor, whoever the Objective belongs to. */
  mayCheckInOwn: (kr: { ownerUserId: string | null; contributorUserIds: string[] }) => boolean;
};

/** An Objective's parents; a team-visible parent's title only for those who may read it. */
function presentParents(parents: ParentRef[], mayRead: (o: Visibility) => boolean): Objective["parents"] {
  return parents.map((p) => ({
    objectiveId: p.parentId,
    title: mayRead(p) ? p.title : RESTRICTED_TITLE,
    weight: p.weight,
  }));
}

/**
 * Objectives with their KRs, progress and status, as the API shows them. Team-visible
 * Objectives keep their numbers (they count in roll-ups) but lose their text for people
 * outside the team (`rights.mayRead`), and say what the reader may do with them (`can`).
 * The caller loads the KRs and the reader's rights.
 */
export function presentObjectiveRows(
  clock: OkrClock,
  rows: ObjectiveRow[],
  krRows: Array<KeyResultRow & { contributorUserIds: string[] }>,
  rights: OkrRights,
  options: {
    includeArchivedKeyResults?: boolean;
    /** The KPIs the KRs read (key-result-kpis.ts); without it KRs show no KPI. */
    kpis?: ReadonlyMap<string, KeyResultKpiInfo>;
    /** The KRs' open risk flags as the reader sees them (key-result-flag-service.ts). */
    flags?: ReadonlyMap<string, KeyResult["flag"] & {}>;
  } = {},
): ObjectiveWithoutHealth[] {
  const { mayRead } = rights;
  // Group once: filtering the whole list per Objective is quadratic on big cycles.
  const krsByObjective = groupBy(krRows, (k) => k.keyResult.objectiveId);
  const out: ObjectiveWithoutHealth[] = [];
  for (const row of rows) {
    const o = row.objective;
    const cycle = { startsOn: row.cycleStartsOn, endsOn: row.cycleEndsOn };
    const hideText = !mayRead(o);
    const edit = rights.mayEdit(o);
    const krs = (krsByObjective.get(o.id) ?? [])
      .filter((k) => options.includeArchivedKeyResults || k.keyResult.archivedAt === null)
      .map((k) =>
        presentKeyResult(
          k,
          o.state,
          cycle,
          clock,
          hideText,
          {
            edit,
            // Whoever may edit the Objective may check in on its KRs; so may the KR's own people.
            checkIn:
              edit || rights.mayCheckInOwn({ ...k.keyResult, contributorUserIds: k.contributorUserIds }),
          },
          options.kpis,
          options.flags?.get(k.keyResult.id) ?? null,
        ),
      );
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
      parents: presentParents(row.parents, mayRead),
      archived: o.archivedAt !== null,
      restricted: hideText,
      can: { edit, align: edit, grade: edit },
      version: o.version,
    });
  }
  return out;
}
