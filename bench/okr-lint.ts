/**
 * `npm run bench -- okr-lint`: the time to lint one draft with the OKR linter's wording
 * rules, and their quality on the development set. The held-out figures are printed by
 * test/okr-lint-quality.test.ts, the one place that reads the held-out set.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { type DraftObjective, lintWording } from "../src/domain/okr/lint/index.ts";
import { asMarkdown, measure } from "../test/support/okr-lint-measure.ts";

const FIXTURES = "test/fixtures/coach";
// Both development files, read as one set (the second was written to test the rules on new wordings).
const development = measure([
  `${FIXTURES}/okr-texts-development.json`,
  `${FIXTURES}/okr-texts-development-2.json`,
]);
console.log(`\nOKR wording rules, development set\n${asMarkdown(development)}`);

// Drafts as the editor sends them: each labelled Objective with three of the set's KRs.
type Item = { on: string; text: string; startValue?: number; targetValue?: number; unit?: string };
const items = (
  JSON.parse(readFileSync(`${FIXTURES}/okr-texts-development.json`, "utf8")) as { items: Item[] }
).items;
const krs = items.filter((i) => i.on === "keyResult");
const drafts: DraftObjective[] = items
  .filter((i) => i.on === "objective")
  .map((o, n) => ({
    title: o.text,
    keyResults: [0, 1, 2].map((k) => {
      const kr = krs[(n * 3 + k) % krs.length] as Item;
      return { title: kr.text, startValue: kr.startValue, targetValue: kr.targetValue, unit: kr.unit };
    }),
  }));
for (const draft of drafts) lintWording(draft); // warm up
const rounds = 200;
const started = process.hrtime.bigint();
for (let r = 0; r < rounds; r += 1) for (const draft of drafts) lintWording(draft);
const perDraftUs = Number(process.hrtime.bigint() - started) / 1000 / (rounds * drafts.length);
console.log(
  `\nlintWording: ${perDraftUs.toFixed(1)} µs per draft (Objective + 3 KRs), ${rounds * drafts.length} drafts; ` +
    `${os.cpus().length} cores, Node ${process.version}, load ${os.loadavg()[0]?.toFixed(1)}`,
);
