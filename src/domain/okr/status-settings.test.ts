import { describe, expect, it } from "vitest";
import {
  DEFAULT_STATUS_SETTINGS,
  resolveStatusSettings,
  type StatusSettings,
  validateStatusSettings,
} from "./status-settings.ts";

const withChange = (change: Partial<StatusSettings>): StatusSettings => ({
  ...DEFAULT_STATUS_SETTINGS,
  ...change,
});

describe("status settings", () => {
  it("ships the documented defaults, and they are valid", () => {
    expect(DEFAULT_STATUS_SETTINGS).toEqual({
      staleAfterDays: 10,
      paceGraceDays: 14,
      onTrackPace: 0.8,
      offTrackPace: 0.5,
      onTrackConfidence: 6,
      offTrackConfidence: 3,
      objectiveOffTrackShare: 0.5,
    });
    expect(validateStatusSettings(DEFAULT_STATUS_SETTINGS)).toEqual([]);
  });

  it("fills an organisation's overrides in over the defaults", () => {
    expect(resolveStatusSettings({ staleAfterDays: 14 })).toEqual({
      ...DEFAULT_STATUS_SETTINGS,
      staleAfterDays: 14,
    });
    expect(resolveStatusSettings()).toEqual(DEFAULT_STATUS_SETTINGS);
    expect(resolveStatusSettings({ onTrackPace: undefined })).toEqual(DEFAULT_STATUS_SETTINGS);
  });

  it("refuses bands that overlap or run the wrong way", () => {
    expect(validateStatusSettings(withChange({ offTrackPace: 0.8 }))).toEqual([
      { field: "offTrackPace", message: "must be below the on-track pace" },
    ]);
    expect(validateStatusSettings(withChange({ onTrackConfidence: 3, offTrackConfidence: 5 }))).toEqual([
      { field: "offTrackConfidence", message: "must be below the on-track confidence" },
    ]);
  });

  it("refuses values out of range, one issue per field", () => {
    const issues = validateStatusSettings({
      staleAfterDays: 0,
      paceGraceDays: 2.5,
      onTrackPace: 1.5,
      offTrackPace: -0.1,
      onTrackConfidence: 11,
      offTrackConfidence: Number.NaN,
      objectiveOffTrackShare: 1,
    });
    expect(issues.map((issue) => issue.field)).toEqual([
      "staleAfterDays",
      "paceGraceDays",
      "onTrackPace",
      "offTrackPace",
      "onTrackConfidence",
      "offTrackConfidence",
      "objectiveOffTrackShare",
    ]);
  });

  it("accepts a stricter organisation's bands", () => {
    expect(
      validateStatusSettings(
        withChange({
          staleAfterDays: 7,
          paceGraceDays: 0,
          onTrackPace: 1,
          offTrackPace: 0.7,
          onTrackConfidence: 8,
        }),
      ),
    ).toEqual([]);
  });
});
