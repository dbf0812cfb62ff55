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
});
