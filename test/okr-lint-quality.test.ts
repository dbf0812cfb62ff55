import { describe, expect, it } from "vitest";
import { asMarkdown, measure } from "./support/okr-lint-measure.ts";

// Quality of the OKR linter's wording rules on labelled texts (no database). The
// development set was used to shape the rules; the held-out set was not, so its
// figures are the honest estimate of how the rules do on new drafts.
const FIXTURES = "test/fixtures/coach";
const MIN_PRECISION = 0.9;
const MIN_RECALL = 0.8;

describe("OKR linter wording rules: quality", () => {
  it("meets the bar on the development set", () => {
    const figures = measure(`${FIXTURES}/okr-texts-development.json`);
    console.log(`OKR wording rules, development set\n${asMarkdown(figures)}`);
    for (const f of figures) {
      expect(f.precision, `${f.rule} precision`).toBeGreaterThanOrEqual(MIN_PRECISION);
      expect(f.recall, `${f.rule} recall`).toBeGreaterThanOrEqual(MIN_RECALL);
    }
  });

  // The held-out set was measured once, after the rules were frozen (2026-12-07). Generic
  // Objective (recall 29/40) and activity as KR (44/53) missed the bar there, so this
  // test asserts the figures measured then, as a floor, rather than the bar: the rules
  // were not tuned after seeing them. A change that lowers any of them fails here.
  it("keeps at least the figures measured on the held-out set", () => {
    const figures = measure(`${FIXTURES}/okr-texts-held-out.json`);
    console.log(`OKR wording rules, held-out set\n${asMarkdown(figures)}`);
    const floors: Record<string, { precision: number; recall: number }> = {
      "business-as-usual": { precision: 1, recall: 39 / 40 },
      "number-as-objective": { precision: 1, recall: 37 / 37 },
      "generic-objective": { precision: 1, recall: 29 / 40 },
      "activity-as-key-result": { precision: 1, recall: 44 / 53 },
    };
    for (const f of figures) {
      const floor = floors[f.rule];
      expect(floor, f.rule).toBeDefined();
      expect(f.precision, `${f.rule} precision`).toBeGreaterThanOrEqual(floor?.precision ?? 1);
      expect(f.recall, `${f.rule} recall`).toBeGreaterThanOrEqual(floor?.recall ?? 1);
    }
  });
});
