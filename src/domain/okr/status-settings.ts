/**
 * The bands that turn progress, pace and confidence into status words. They are
 * organisation settings; the defaults below are what a new organisation gets and are
 * documented for users in docs/okr-status.md (keep the two in step).
 */

/** Thresholds for KR and Objective status. */
export type StatusSettings = {
  /** A KR with no check-in for more than this many days, while its cycle runs, is stale. */
  staleAfterDays: number;
  /**
   * For this many days from a cycle's start, pace is not judged (a metric rarely moves in
   * its first week or two, and pace against a tiny expected value is noise): status comes
   * from confidence alone, as for milestones. 0 judges pace from day one.
   */
  paceGraceDays: number;
  /** Pace (progress ÷ expected progress) at or above which a KR can be on track. */
  onTrackPace: number;
  /** Pace below which a KR is off track. */
  offTrackPace: number;
  /** Latest confidence (0–10) at or above which a KR can be on track. */
  onTrackConfidence: number;
  /** Latest confidence (0–10) at or below which a KR is off track. */
  offTrackConfidence: number;
  /** An Objective is off track when more than this share of its judged KRs are off track. */
  objectiveOffTrackShare: number;
};

/** Defaults for a new organisation. */
export const DEFAULT_STATUS_SETTINGS: Readonly<StatusSettings> = Object.freeze({
  staleAfterDays: 10,
  paceGraceDays: 14,
  onTrackPace: 0.8,
  offTrackPace: 0.5,
  onTrackConfidence: 6,
  offTrackConfidence: 3,
  objectiveOffTrackShare: 0.5,
});

/** One problem with one setting; same shape as the API's `FieldIssue`. */
export type StatusSettingsIssue = { field: keyof StatusSettings; message: string };

/** An organisation's stored overrides on top of the defaults (unset fields keep the default). */
export function resolveStatusSettings(overrides: Partial<StatusSettings> = {}): StatusSettings {
  const resolved: StatusSettings = { ...DEFAULT_STATUS_SETTINGS };
  for (const key of Object.keys(DEFAULT_STATUS_SETTINGS) as Array<keyof StatusSettings>) {
    const value = overrides[key];
    if (value !== undefined) resolved[key] = value;
  }
  return resolved;
}

/**
 * Problems with a settings object, one per field, empty when it is usable. Besides
 * ranges, the bands must be ordered (off-track threshold strictly below on-track
 * threshold), so that at risk sits between them and no value is both on and off track.
 */
export function validateStatusSettings(settings: StatusSettings): StatusSettingsIssue[] {
  const issues: StatusSettingsIssue[] = [];
  const check = (field: keyof StatusSettings, ok: boolean, message: string) => {
    if (!ok && !issues.some((issue) => issue.field === field)) issues.push({ field, message });
  };
  const isInt = (v: number, min: number, max: number) => Number.isInteger(v) && v >= min && v <= max;
  const inRange = (v: number, min: number, max: number) => Number.isFinite(v) && v >= min && v <= max;
  const s = settings;

  check("staleAfterDays", isInt(s.staleAfterDays, 1, 365), "must be a whole number of days, 1–365");
  check("paceGraceDays", isInt(s.paceGraceDays, 0, 365), "must be a whole number of days, 0–365");
  check("onTrackPace", inRange(s.onTrackPace, 0, 1), "must be between 0 and 1");
  check("offTrackPace", inRange(s.offTrackPace, 0, 1), "must be between 0 and 1");
  check(
    "offTrackPace",
    !(Number.isFinite(s.onTrackPace) && s.offTrackPace >= s.onTrackPace),
    "must be below the on-track pace",
  );
  check("onTrackConfidence", isInt(s.onTrackConfidence, 0, 10), "must be a whole number 0–10");
  check("offTrackConfidence", isInt(s.offTrackConfidence, 0, 10), "must be a whole number 0–10");
  check(
    "offTrackConfidence",
    !(Number.isFinite(s.onTrackConfidence) && s.offTrackConfidence >= s.onTrackConfidence),
    "must be below the on-track confidence",
  );
  check(
    "objectiveOffTrackShare",
    Number.isFinite(s.objectiveOffTrackShare) &&
      s.objectiveOffTrackShare >= 0 &&
      s.objectiveOffTrackShare < 1,
    "must be at least 0 and below 1",
  );
  return issues;
}
