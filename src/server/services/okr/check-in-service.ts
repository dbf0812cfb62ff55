import type { Queryable } from "../../../db/client.ts";
import type { CheckInRow } from "../../../db/row-types.ts";
import { todayIn } from "../../../domain/dates.ts";
import { checkInDue, type WeekStart } from "../../../domain/okr/check-in-due.ts";
import { noteSignalsOf, storedNoteSignals } from "../../../domain/okr/notes/note-signals.ts";
import { AppError, fieldError, notFound, versionConflict } from "../../../shared/errors.ts";
import type { CheckIn } from "../../../shared/schemas/okrs.ts";
import type { Actor, Deps } from "../../context.ts";
import { checkInCreatedEvent } from "../../events/okr-events.ts";
import { publishOrgEvent } from "../../events/org-events.ts";
import { authorize } from "../../policies/org-policy.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import {
  findCheckIn,
  findKeyResultForCheckIn,
  insertCheckIn,
  insertCheckInAsLatest,
  latestCheckIn,
  listCheckIns,
  objectiveIdsWithKeyResultsOf,
  setKeyResultLatest,
  supersedeCheckIn,
} from "../../repositories/check-in-repository.ts";
import { refreshKeyResultsReading } from "../../repositories/kpi-link-repository.ts";
import {
  findKeyResult,
  findObjectiveRow,
  selectKeyResults,
  selectObjectives,
} from "../../repositories/okr-repository.ts";
import { reviewFlagAfterCheckIn } from "./key-result-flag-service.ts";
import { mayCheckIn, mayReadObjectiveText } from "./okr-access.ts";
import { okrClock } from "./okr-presenter.ts";
import { presentObjectives } from "./present-objectives.ts";

/** A check-in may be edited by its author for this long after it was made. */
export const CHECK_IN_EDIT_WINDOW_MS = 24 * 3600_000;

/** `editedAt`: for an edit, when it replaced the earlier version (that version's supersededAt). */
function presentCheckIn(row: CheckInRow, authorName: string | null, editedAt: Date | null): CheckIn {
  return {
    id: row.id,
    keyResultId: row.keyResultId,
    authorUserId: row.authorUserId,
    authorName,
    value: row.value,
    done: row.done,
    confidence: row.confidence,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    // An edit keeps the check-in's createdAt (its place in the history); the edit's own time
    // is when the version it replaced was superseded.
    editedAt: row.supersedesId && editedAt ? editedAt.toISOString() : null,
    signals: storedNoteSignals(row.noteSignals),
  };
}

/**
 * A KR reading a KPI takes its value from the KPI: a check-in records the value it shows
 * now (which the recompute job keeps in step), and refuses another one.
 */
function valueFromKpi(
  kr: { currentValue: number | null; startValue: number | null },
  sent: number | null | undefined,
) {
  const value = kr.currentValue ?? kr.startValue;
  if (sent != null && sent !== value) {
    throw fieldError(
      "value",
      `this Key Result reads a KPI: its value comes from the KPI (${value ?? "none yet"}); leave value out`,
    );
  }
  if (value === null) throw fieldError("value", "the KPI this Key Result reads has no value yet");
  return value;
}

/** The value fields a check-in must carry for its KR's kind. */
function checkInValues(
  kind: "metric" | "milestone" | "percentage",
  input: { value?: number | null | undefined; done?: boolean | undefined },
) {
  if (kind === "milestone") {
    if (input.done === undefined)
      throw fieldError("done", "a milestone check-in says whether it is done (true or false)");
    if (input.value != null) throw fieldError("value", "a milestone has no value; send done instead");
    return { value: null, done: input.done };
  }
  if (input.value == null) throw fieldError("value", `a ${kind} check-in needs the new value`);
  if (input.done !== undefined) throw fieldError("done", `a ${kind} KR has no done flag; send value instead`);
  if (kind === "percentage" && (input.value < 0 || input.value > 100)) {
    throw fieldError("value", "a percentage complete is 0–100");
  }
  return { value: input.value, done: null };
}

/**
 * Loads a KR with everything a check-in needs (one query), refusing people without the
 * right, then (409 `conflict`) closed cycles, archived KRs, draft Objectives and, in
 * grading, KRs already scored.
 */
async function keyResultForCheckIn(q: Queryable, actor: Actor, keyResultId: string) {
  const row = await findKeyResultForCheckIn(q, actor.organizationId, keyResultId);
  if (!row) throw notFound("That Key Result");
  const kr = row.keyResult;
  if (
    !(await mayCheckIn(
      q,
      actor,
      { ownerUserId: kr.ownerUserId, contributorUserIds: row.contributorUserIds },
      row.objective,
    ))
  ) {
    throw new AppError(
      "forbidden",
      "Only the KR's owner, its contributors and its team's leads can check in on it.",
    );
  }
  if (row.cycleState === "closed" || row.objective.state === "closed") {
    throw new AppError("conflict", "This cycle is closed: check-ins are frozen. An admin can reopen it.");
  }
  if (kr.archivedAt || row.objective.archivedAt) {
    throw new AppError("conflict", `"${kr.title}" is archived; restore it to check in.`);
  }
  if (row.objective.state === "draft") {
    throw new AppError(
      "conflict",
      `"${kr.title}" belongs to a draft Objective: activate the Objective to start checking in.`,
    );
  }
  // In grading the owner may still record where a KR ended until it is scored; the score
  // is then the final word, and a later check-in would move the next cycle's start.
  if (row.cycleState === "grading" && kr.finalScore !== null) {
    throw new AppError(
      "conflict",
      `"${kr.title}" has been scored (${kr.finalScore}): check-ins are closed for it. Change the score if the result moved, or roll the Objective over to carry on.`,
    );
  }
  return { kr, row };
}

/**
 * After an edit, which may have replaced the newest check-in (or not): sets the KR's
 * denormalised latest values from its newest current check-in, read back.
 */
async function refreshLatest(
  q: Queryable,
  actor: Actor,
  keyResultId: string,
  startValue: number | null,
  kind: string,
) {
  const latest = await latestCheckIn(q, actor.organizationId, keyResultId);
  await setKeyResultLatest(q, actor.organizationId, keyResultId, {
    currentValue: latest ? latest.value : kind === "metric" ? startValue : kind === "percentage" ? 0 : null,
    done: latest?.done ?? false,
    lastConfidence: latest?.confidence ?? null,
    lastCheckInAt: latest?.createdAt ?? null,
  });
}

export async function createCheckIn(
  deps: Deps,
  actor: Actor,
  keyResultId: string,
  input: {
    value?: number | null | undefined;
    done?: boolean | undefined;
    confidence: number;
    note: string;
    keyResultVersion?: number | undefined;
  },
): Promise<CheckIn> {
  return deps.db.transaction(async (tx) => {
    const { kr } = await keyResultForCheckIn(tx, actor, keyResultId);
    if (input.keyResultVersion !== undefined && input.keyResultVersion !== kr.version) {
      throw versionConflict(`Key Result "${kr.title}"`);
    }
    // A milestone check-in without `done` reports confidence and a note: the KR stays
    // as done (or not) as it was.
    const values = checkInValues(
      kr.kind,
      kr.kind === "milestone"
        ? { ...input, done: input.done ?? kr.done }
        : kr.kpiId
          ? { ...input, value: valueFromKpi(kr, input.value) }
          : input,
    );
    const row = await insertCheckInAsLatest(tx, {
      organizationId: actor.organizationId,
      keyResultId,
      authorUserId: actor.userId,
      confidence: input.confidence,
      note: input.note,
      // Read here, in the check-in's transaction, so every stored check-in has its signals.
      noteSignals: noteSignalsOf(input.note),
      createdAt: deps.now(),
      ...values,
    });
    const checkIn = presentCheckIn(row, actor.label, null);
    await reviewFlagAfterCheckIn(tx, actor, kr, row.createdAt);
    await recordAudit(tx, actor, {
      action: "check_in.created",
      entityType: "check_in",
      entityId: checkIn.id,
      entityLabel: kr.title,
      after: checkIn,
    });
    await publishOrgEvent(tx, checkInCreatedEvent(actor, kr, checkIn));
    return checkIn;
  });
}

/**
 * An edit by the author within 24 hours: a new row replaces the old one, which keeps its
 * values (facts are append-only) and is marked superseded.
 */
export async function editCheckIn(
  deps: Deps,
  actor: Actor,
  checkInId: string,
  input: {
    value?: number | null | undefined;
    done?: boolean | undefined;
    confidence?: number | undefined;
    note?: string | undefined;
  },
): Promise<CheckIn> {
  return deps.db.transaction(async (tx) => {
    const old = await findCheckIn(tx, actor.organizationId, checkInId);
    if (!old) throw notFound("That check-in");
    if (old.supersededAt)
      throw new AppError("conflict", "This check-in has been edited since; edit its newest version.");
    if (!actor.userId || old.authorUserId !== actor.userId) {
      throw new AppError("forbidden", "Only the author of a check-in can edit it.");
    }
    if (deps.now().getTime() - old.createdAt.getTime() > CHECK_IN_EDIT_WINDOW_MS) {
      throw new AppError("conflict", "Check-ins can be edited for 24 hours. Add a new check-in instead.");
    }
    const { kr } = await keyResultForCheckIn(tx, actor, old.keyResultId);
    if (kr.kpiId && input.value != null && input.value !== old.value) {
      throw fieldError(
        "value",
        "this Key Result reads a KPI: its value comes from the KPI, not the check-in",
      );
    }
    const values = checkInValues(kr.kind, {
      value: input.value !== undefined ? input.value : old.value,
      done: input.done !== undefined ? input.done : (old.done ?? undefined),
    });
    const confidence = input.confidence ?? old.confidence;
    const note = input.note ?? old.note;
    const oldEditedAt = old.supersedesId
      ? ((await findCheckIn(tx, actor.organizationId, old.supersedesId))?.supersededAt ?? null)
      : null;
    if (
      values.value === old.value &&
      values.done === old.done &&
      confidence === old.confidence &&
      note === old.note
    ) {
      // Nothing changes: no new version, no audit entry; the check-in as it stands.
      return presentCheckIn(old, actor.label, oldEditedAt);
    }
    const now = deps.now();
    if (!(await supersedeCheckIn(tx, actor.organizationId, old.id, now)))
      throw new AppError("conflict", "This check-in was edited at the same moment; reload.");
    const row = await insertCheckIn(tx, {
      organizationId: actor.organizationId,
      keyResultId: old.keyResultId,
      authorUserId: old.authorUserId,
      confidence,
      note,
      noteSignals: noteSignalsOf(note),
      // The edit keeps the check-in's place in the history.
      createdAt: old.createdAt,
      supersedesId: old.id,
      ...values,
    });
    await refreshLatest(tx, actor, old.keyResultId, kr.startValue, kr.kind);
    await reviewFlagAfterCheckIn(tx, actor, kr, now);
    // The latest check-in's value may be older than the KPI's: the KPI has the last word.
    if (kr.kpiId)
      await refreshKeyResultsReading(tx, actor.organizationId, [kr.kpiId], okrClock(deps, actor).today);
    const after = presentCheckIn(row, actor.label, now);
    await recordAudit(tx, actor, {
      action: "check_in.edited",
      entityType: "check_in",
      entityId: after.id,
      entityLabel: kr.title,
      before: presentCheckIn(old, actor.label, oldEditedAt),
      after,
    });
    return after;
  });
}

export async function checkInHistory(deps: Deps, actor: Actor, keyResultId: string, limit: number) {
  authorize(actor, "read");
  const kr = await findKeyResult(deps.db, actor.organizationId, keyResultId);
  if (!kr) throw notFound("That Key Result");
  const row = await findObjectiveRow(deps.db, actor.organizationId, kr.objectiveId);
  // Notes are text: a team-visible Objective keeps them from people outside the team.
  const hideNotes = !row || !(await mayReadObjectiveText(deps.db, actor, row.objective));
  const rows = await listCheckIns(deps.db, actor.organizationId, keyResultId, limit);
  return {
    items: rows.map((r) => {
      const checkIn = presentCheckIn(r.checkIn, r.authorName, r.editedAt);
      return hideNotes ? { ...checkIn, note: "", signals: null } : checkIn;
    }),
    nextCursor: null,
  };
}

/**
 * The day each KR of the given Objectives was added, in the organisation's time zone:
 * check-ins are expected from the later of that day and the cycle's start.
 */
export async function keyResultsAddedOn(
  q: Queryable,
  actor: Actor,
  timeZone: string,
  objectiveIds: string[],
) {
  const rows = await selectKeyResults(q, actor.organizationId, objectiveIds);
  return new Map(rows.map((r) => [r.keyResult.id, todayIn(timeZone, r.keyResult.createdAt)]));
}

/**
 * The first day a KR's check-ins are expected: the later of its cycle's start and the
 * day it became active (nobody checks in on a draft). KRs active before that day was
 * recorded fall back on the day they were added.
 */
export function checkInsExpectedSince(
  cycleStartsOn: string,
  addedOn: string | undefined,
  activeFrom: string | null,
): string {
  const from = activeFrom ?? addedOn;
  return from && from > cycleStartsOn ? from : cycleStartsOn;
}

/**
 * The "my check-ins" form: every KR the person owns (or contributes to) in cycles that
 * are running, with its Objective and whether this week's check-in is due.
 */
export async function myCheckIns(deps: Deps, actor: Actor, userId: string | null) {
  authorize(actor, "read");
  const who = userId ?? actor.userId;
  if (!who) return { items: [] };
  const ids = await objectiveIdsWithKeyResultsOf(deps.db, actor.organizationId, who);
  if (ids.length === 0) return { items: [] };
  const rows = await selectObjectives(deps.db, actor.organizationId, { ids });
  const clock = okrClock(deps, actor);
  const presented = await presentObjectives(deps.db, actor, clock, rows);
  const addedOn = await keyResultsAddedOn(deps.db, actor, clock.timeZone, ids);
  const items = presented.flatMap((o) => {
    const row = rows.find((r) => r.objective.id === o.id)!;
    return o.keyResults
      .filter((k) => k.ownerUserId === who || k.contributorUserIds.includes(who))
      .map((k) => {
        const expectedSince = checkInsExpectedSince(row.cycleStartsOn, addedOn.get(k.id), k.activeFrom);
        const due = checkInDue({
          today: clock.today,
          weekStart: actor.weekStart as WeekStart,
          lastCheckInOn: k.lastCheckInAt ? todayIn(clock.timeZone, new Date(k.lastCheckInAt)) : null,
          expectedSince,
        });
        return {
          objective: { id: o.id, title: o.title, teamName: o.teamName, cycleId: o.cycleId },
          keyResult: k,
          due: due.due,
          overdue: due.overdue,
        };
      });
  });
  return { items };
}
