/**
 * Objective status, from its progress and its KRs' statuses. See docs/okr-status.md
 * for the user-facing description; keep the two in step.
 */
import {
  type CycleDates,
  cyclePhase,
  elapsedCycleDays,
  expectedProgress,
  paceWindow,
} from "./expected-progress.ts";
import { atLeast, roundTo } from "./numbers.ts";
import type { OkrStatus } from "./status.ts";
import { DEFAULT_STATUS_SETTINGS, type StatusSettings } from "./status-settings.ts";

/** One KR as its Objective's status sees it. */
export type ObjectiveKeyResultStatus = {
  status: OkrStatus;
  /**
   * A committed KR is a promise rather than a stretch: when it is off track, so is its
   * Objective. Omitted = aspirational.
   */
  committed?: boolean;
};

/** What an Objective's status is computed from. */
export type ObjectiveStatusInput = {
  /** The Objective's own progress (from `objectiveProgress`), null when not computable. */
  progress: number | null;
  keyResults: readonly ObjectiveKeyResultStatus[];
  cycle: CycleDates;
  /** Day the Objective became active: its own pace and grace days count from here. */
  activeFrom?: string | null;
  today: string;
};

/** Why an Objective has its status. */
export type ObjectiveStatusBasis =
  | "cycle_not_started"
  | "no_key_results"
  | "all_key_results_stale"
  | "committed_key_result_off_track"
  | "most_key_results_off_track"
  | "key_result_in_trouble"
  | "behind_pace"
  | "on_track";

/** An Objective's status, why, and its pace (null when not judged). */
export type ObjectiveStatusVerdict = { status: OkrStatus; basis: ObjectiveStatusBasis; pace: number | null };

/**
 * An Objective's status, first rule that applies. "Judged" KRs are those on track, at
 * risk or off track; stale KRs say nothing about the Objective until all of them are
 * stale (each shows its own grey).
 * 1. the cycle has not started → not_started; no KRs → not_started (nothing to judge);
 * 2. no judged KR → stale if any KR is stale (in practice: all of them);
 * 3. off track when any committed KR is off track, or when more than
 *    `objectiveOffTrackShare` (default half) of the judged KRs are off track;
 * 4. at risk when any judged KR is at risk or off track, or when the Objective's own pace
 *    (progress ÷ expected) is below `offTrackPace` once the grace days are over: that
 *    catches Objectives whose KRs look fine one by one on confidence alone;
 * 5. on track otherwise.
 */
export function objectiveStatus(
  input: ObjectiveStatusInput,
  settings: StatusSettings = DEFAULT_STATUS_SETTINGS,
): ObjectiveStatusVerdict {
  const { progress, keyResults, cycle, today } = input;
  const phase = cyclePhase(cycle, today);
  const window = paceWindow(cycle, input.activeFrom);
  const inGrace = phase === "running" && elapsedCycleDays(window, today) <= settings.paceGraceDays;
  const expected = expectedProgress(window, today);
  const pace =
    phase === "before" || inGrace || progress === null || expected === 0
      ? null
      : roundTo(Math.min(1, Math.max(0, progress)) / expected, 4);
  const verdict = (status: OkrStatus, basis: ObjectiveStatusBasis): ObjectiveStatusVerdict => ({
    status,
    basis,
    pace,
  });

  if (phase === "before") return verdict("not_started", "cycle_not_started");
  if (keyResults.length === 0) return verdict("not_started", "no_key_results");
  const judged = keyResults.filter((kr) => isJudged(kr.status));
  if (judged.length === 0) {
    return keyResults.some((kr) => kr.status === "stale")
      ? verdict("stale", "all_key_results_stale")
      : verdict("not_started", "cycle_not_started");
  }
  if (judged.some((kr) => kr.committed === true && kr.status === "off_track")) {
    return verdict("off_track", "committed_key_result_off_track");
  }
  const offTrack = judged.filter((kr) => kr.status === "off_track").length;
  if (offTrack / judged.length > settings.objectiveOffTrackShare) {
    return verdict("off_track", "most_key_results_off_track");
  }
  if (offTrack > 0 || judged.some((kr) => kr.status === "at_risk")) {
    return verdict("at_risk", "key_result_in_trouble");
  }
  if (pace !== null && !atLeast(pace, settings.offTrackPace)) return verdict("at_risk", "behind_pace");
  return verdict("on_track", "on_track");
}

function isJudged(status: OkrStatus): boolean {
  return status === "on_track" || status === "at_risk" || status === "off_track";
}
