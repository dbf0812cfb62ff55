/**
 * Key Result status: the word (and colour) a KR shows. See docs/okr-status.md for the
 * user-facing description of these rules; keep the two in step.
 */
import { daysBetween } from "../dates.ts";
import { assertCalendarDate } from "./calendar.ts";
import {
  type CycleDates,
  cyclePhase,
  elapsedCycleDays,
  expectedProgress,
  paceWindow,
} from "./expected-progress.ts";
import { atLeast, atMost, roundTo } from "./numbers.ts";
import { type KeyResultInput, type KeyResultProgress, keyResultProgress } from "./progress.ts";
import { DEFAULT_STATUS_SETTINGS, type StatusSettings } from "./status-settings.ts";

/**
 * Status words. The product's four (on track green, at risk amber, off track red, stale
 * grey) plus `not_started` (neutral) for a cycle that has not begun, where any other word
 * would be a guess. There is no separate "done": a finished KR is on track.
 */
export type OkrStatus = "not_started" | "on_track" | "at_risk" | "off_track" | "stale";

/** The words shown next to the colour or icon (status is never colour alone). */
export const STATUS_LABELS: Readonly<Record<OkrStatus, string>> = Object.freeze({
  not_started: "Not started",
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
  stale: "Stale",
});

/**
 * What a verdict rests on, so the UI can say why: the cycle has not started; the KR is
 * complete; no recent check-in; confidence alone (milestone, not-measurable metric, or
 * the pace grace days); or pace and confidence together.
 */
export type StatusBasis =
  | "cycle_not_started"
  | "complete"
  | "no_recent_check_in"
  | "confidence"
  | "pace_and_confidence";

/** What a KR's status is computed from. */
export type KeyResultStatusInput = {
  keyResult: KeyResultInput;
  /** Day of the latest check-in, or null when there has been none. */
  lastCheckInOn: string | null;
  /** Confidence 0–10 of the latest check-in that gave one, or null. */
  confidence: number | null;
  cycle: CycleDates;
  /** Today in the organisation's time zone. */
  today: string;
  /**
   * Day the KR was added, when after the cycle's start: with no check-in yet, the stale
   * clock starts at the later of this and the cycle's start.
   */
  addedOn?: string;
  /**
   * Day the KR became active (its Objective's activation, or the day it was added to an
   * active Objective). Expected progress and the grace days count from here when it is
   * after the cycle's start; absent or null, from the cycle's start.
   */
  activeFrom?: string | null;
};

/** A KR's status and the numbers behind it. */
export type KeyResultStatusVerdict = {
  status: OkrStatus;
  basis: StatusBasis;
  /** Clamped progress ÷ expected progress (4 decimals), or null when pace was not judged. */
  pace: number | null;
  expected: number;
  progress: KeyResultProgress | null;
};

/** Whether a KR is finished for good: a milestone done, or work at 100 %. */
export function isComplete(kr: KeyResultInput): boolean {
  if (kr.kind === "milestone") return kr.done;
  if (kr.kind === "percentage") return kr.current !== null && kr.current >= 100;
  // A metric can slip back after reaching its target (churn rises again), so it keeps
  // being checked in on and judged.
  return false;
}

/**
 * The band a confidence (0–10) falls in: on track at or above `onTrackConfidence`
 * (default 6), off track at or below `offTrackConfidence` (default 3), at risk between.
 * No confidence yet counts as on track: nobody has said otherwise.
 */
export function confidenceStatus(
  confidence: number | null,
  settings: StatusSettings = DEFAULT_STATUS_SETTINGS,
): "on_track" | "at_risk" | "off_track" {
  if (confidence === null) return "on_track";
  assertConfidence(confidence);
  if (atMost(confidence, settings.offTrackConfidence)) return "off_track";
  if (atLeast(confidence, settings.onTrackConfidence)) return "on_track";
  return "at_risk";
}

/**
 * Days since the KR was last heard from (with no check-in, from the latest of its
 * cycle's start, `addedOn` and `activeFrom`: nobody checks in on a draft). Negative when
 * that day is after `today`.
 */
export function daysSinceCheckIn(input: KeyResultStatusInput): number {
  const { lastCheckInOn, cycle, today, addedOn, activeFrom } = input;
  let since = lastCheckInOn;
  if (since === null) {
    since = cycle.startsOn;
    if (addedOn !== undefined && addedOn > since) since = addedOn;
    if (activeFrom != null && activeFrom > since) since = activeFrom;
  }
  assertCalendarDate(since, lastCheckInOn === null ? "addedOn" : "lastCheckInOn");
  return daysBetween(since, today);
}

/**
 * A KR's status, first rule that applies:
 * 1. the cycle has not started → not_started;
 * 2. complete (milestone done, percentage at 100) → on_track, and never stale;
 * 3. the cycle is running and the last check-in (or the start) is more than
 *    `staleAfterDays` days ago → stale (11 days with the default 10; 10 is not stale);
 * 4. milestone, metric that is not measurable, or within the first `paceGraceDays` days
 *    of the cycle → from confidence alone (see `confidenceStatus`);
 * 5. otherwise pace = clamped progress ÷ expected progress (no expectation yet = on
 *    pace): off track when pace < `offTrackPace` or confidence ≤ `offTrackConfidence`;
 *    on track when pace ≥ `onTrackPace` and confidence ≥ `onTrackConfidence` (or none
 *    yet); at risk otherwise.
 * After the cycle ends nothing goes stale (check-ins stop); status judges the final pace.
 * Rules 4 and 5 count days from `activeFrom` when the KR became active after the
 * cycle's start, so a late Objective is not behind on its first day.
 * Throws a RangeError on malformed dates or a confidence outside 0–10.
 */
export function keyResultStatus(
  input: KeyResultStatusInput,
  settings: StatusSettings = DEFAULT_STATUS_SETTINGS,
): KeyResultStatusVerdict {
  const { keyResult, confidence, cycle, today } = input;
  const phase = cyclePhase(cycle, today);
  // Pace runs from the day the KR became active, not from the cycle's start.
  const window = paceWindow(cycle, input.activeFrom);
  const expected = expectedProgress(window, today);
  const progress = keyResultProgress(keyResult);
  if (confidence !== null) assertConfidence(confidence);
  const verdict = (status: OkrStatus, basis: StatusBasis, pace: number | null = null) => ({
    status,
    basis,
    pace,
    expected,
    progress,
  });

  if (phase === "before") return verdict("not_started", "cycle_not_started");
  if (isComplete(keyResult)) return verdict("on_track", "complete");
  if (phase === "running" && daysSinceCheckIn(input) > settings.staleAfterDays) {
    return verdict("stale", "no_recent_check_in");
  }
  const inGrace = phase === "running" && elapsedCycleDays(window, today) <= settings.paceGraceDays;
  if (keyResult.kind === "milestone" || progress === null || inGrace) {
    return verdict(confidenceStatus(confidence, settings), "confidence");
  }

  const pace = expected === 0 ? null : roundTo(progress.clamped / expected, 4);
  const byConfidence = confidenceStatus(confidence, settings);
  const paceOk = pace === null || atLeast(pace, settings.onTrackPace);
  const paceBad = pace !== null && !atLeast(pace, settings.offTrackPace);
  let status: OkrStatus = "at_risk";
  if (paceBad || byConfidence === "off_track") status = "off_track";
  else if (paceOk && byConfidence === "on_track") status = "on_track";
  return verdict(status, "pace_and_confidence", pace);
}

function assertConfidence(confidence: number): void {
  if (!Number.isFinite(confidence) || confidence < 0 || confidence > 10) {
    throw new RangeError(`confidence must be 0–10, got ${confidence}`);
  }
}
