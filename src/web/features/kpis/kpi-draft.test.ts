import { describe, expect, it } from "vitest";
import {
  bandOrderInWords,
  blankKpiDraft,
  draftFromKpi,
  emptyBand,
  keptBands,
  keyFromName,
  mapKpiIssues,
  nextBand,
  readable,
  toCreateInput,
  toUpdatePatch,
  validateKpiDraft,
} from "./kpi-draft.ts";
import { buildKpi } from "./kpi-fixtures.ts";

const owner = { id: "7a1e2c3d-4b5f-4a6e-8d9c-0b1a2c3d4e5f", name: "Arjun Koch" };
const team = "402c59b1-251a-4026-89ab-bc2a12fae0f3";

describe("the KPI form", () => {
  it("sends only the thresholds the direction uses, and leaves empty rows out", () => {
    const draft = {
      ...blankKpiDraft(team, owner, new Date(2026, 10, 23)),
      key: "on_time_delivery",
      name: "On-time delivery",
      unit: "percent" as const,
      decimals: 1,
      bands: [
        { ...emptyBand("2025-01-01"), target: 97, greenMin: 95, redMin: 93, greenMax: 99, redMax: 100 },
        emptyBand("2026-01-01"),
      ],
    };
    const input = toCreateInput(draft);
    expect(input.bands).toEqual([
      { effectiveFrom: "2025-01-01", target: 97, greenMin: 95, greenMax: null, redMin: 93, redMax: null },
    ]);
    expect(input.currency).toBeNull();
    expect(input.formula).toBeNull();
  });

  it("starts a new KPI's thresholds at the start of last year so recent history gets colours", () => {
    expect(blankKpiDraft(team, owner, new Date(2026, 10, 23)).bands[0]?.effectiveFrom).toBe("2025-01-01");
  });

  it("copies the latest row into a new row one month later", () => {
    const first = { ...emptyBand("2026-12-01"), target: 97, greenMin: 95, redMin: 93 };
    const next = nextBand([first]);
    expect(next).toMatchObject({ effectiveFrom: "2027-01-01", target: 97, greenMin: 95, redMin: 93 });
    expect(next.key).not.toBe(first.key);
  });

  it("asks for every threshold the direction needs before sending", () => {
    const draft = {
      ...blankKpiDraft(team, owner),
      key: "Bad Key",
      name: "",
      direction: "within_range" as const,
      bands: [{ ...emptyBand("2026-01-01"), greenMin: 9 }],
    };
    const errors = validateKpiDraft(draft, true);
    const row = draft.bands[0]!.key;
    expect(errors.key).toBeDefined();
    expect(errors.name).toBeDefined();
    expect(
      Object.keys(errors)
        .filter((k) => k.startsWith(`band:${row}:`))
        .sort(),
    ).toEqual([`band:${row}:greenMax`, `band:${row}:redMax`, `band:${row}:redMin`]);
  });

  it("puts the server's issues next to their fields, band issues in both notations", () => {
    const draft = {
      ...blankKpiDraft(team, owner),
      bands: [emptyBand("2026-01-01"), { ...emptyBand("2026-02-01"), redMin: 1 }],
    };
    const sent = keptBands(draft);
    const { errors, unplaced } = mapKpiIssues(
      [
        { field: "bands[0].redMin", message: "redMin must be at or below greenMin" },
        { field: "bands.0.greenMin", message: "must be a finite number" },
        { field: "key", message: "is already used by another KPI" },
        { field: "somethingElse", message: "odd" },
      ],
      sent,
      "higher_is_better",
    );
    // Only the second row was sent (the first is empty): index 0 is that row.
    const row = draft.bands[1]!.key;
    expect(errors[`band:${row}:redMin`]).toBe("“Red below” must be at or below “Green at or above”");
    expect(errors[`band:${row}:greenMin`]).toBe("Must be a finite number");
    expect(errors.key).toBe("Is already used by another KPI");
    expect(unplaced).toEqual([{ field: "somethingElse", message: "odd" }]);
  });

  it("suggests a key from the name", () => {
    expect(keyFromName("On-time delivery %")).toBe("on_time_delivery");
    expect(keyFromName("Café Umsatz")).toBe("cafe_umsatz");
    expect(keyFromName("2nd shift overtime")).toBe("kpi_2nd_shift_overtime");
  });

  it("names thresholds by what they mean for the direction", () => {
    expect(readable("Set redMax for a lower-is-better KPI", "lower_is_better")).toBe(
      "Set “Red above” for a lower-is-better KPI",
    );
    expect(readable("greenMin must be at or below greenMax", "within_range")).toBe(
      "“Green from” must be at or below “Green up to”",
    );
  });

  it("spells the order the thresholds keep, low to high", () => {
    expect(bandOrderInWords("within_range")).toBe("red below ≤ green from ≤ green up to ≤ red above");
    expect(bandOrderInWords("higher_is_better")).toBe("red below ≤ green at or above");
    expect(bandOrderInWords("lower_is_better")).toBe("green at or below ≤ red above");
  });

  it("sends only the thresholds the direction uses", () => {
    const draft = blankKpiDraft(team, owner);
    draft.direction = "lower_is_better";
    draft.bands = [{ ...emptyBand("2026-01-01"), greenMin: 1, greenMax: 5, redMin: 0, redMax: 8 }];
    expect(toCreateInput(draft).bands).toEqual([
      { effectiveFrom: "2026-01-01", target: null, greenMin: null, greenMax: 5, redMin: null, redMax: 8 },
    ]);
  });

  it("patches only what changed, with the version loaded", () => {
    const kpi = buildKpi();
    expect(toUpdatePatch(kpi, draftFromKpi(kpi))).toBeNull();
    const draft = draftFromKpi(kpi);
    draft.name = "On-time delivery, city routes";
    draft.bands = [...draft.bands, { ...emptyBand("2027-01-01"), target: 98, greenMin: 96, redMin: 94 }];
    const patch = toUpdatePatch(kpi, draft);
    expect(patch).toMatchObject({ version: 4, name: "On-time delivery, city routes" });
    expect(patch?.bands).toHaveLength(3);
    expect(patch).not.toHaveProperty("direction");
  });
});
