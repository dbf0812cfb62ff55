import { readFileSync } from "node:fs";
import { type Finding, lintWording, type RuleId } from "../../src/domain/okr/lint/index.ts";

/**
 * Measures Keel's wording rules against a labelled set of Objective and KR titles
 * (test/fixtures/coach/okr-texts-*.json): precision and recall per rule, counting a
 * finding only on the text it was labelled for (an Objective's rules on Objectives,
 * a KR's rules on that KR).
 */

export const RULES: RuleId[] = [
  "business-as-usual",
  "number-as-objective",
  "generic-objective",
  "activity-as-key-result",
];

interface LabelledText {
  id: string;
  on: "objective" | "keyResult";
  text: string;
  objective?: string;
  kind?: string;
  startValue?: number | null;
  targetValue?: number | null;
  unit?: string | null;
  labels: RuleId[];
}

export interface RuleFigures {
  rule: RuleId;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

function findingsFor(item: LabelledText): Finding[] {
  if (item.on === "objective") {
    return lintWording({ title: item.text }).filter((f) => f.on === "objective");
  }
  const draft = {
    title: item.objective ?? "",
    keyResults: [
      {
        title: item.text,
        kind: item.kind,
        startValue: item.startValue,
        targetValue: item.targetValue,
        unit: item.unit,
      },
    ],
  };
  return lintWording(draft).filter((f) => f.on === "keyResults.0");
}

/** Figures over one labelled file, or over several read as one set. */
export function measure(files: string | string[]): RuleFigures[] {
  const items = [files]
    .flat()
    .flatMap((file) => (JSON.parse(readFileSync(file, "utf8")) as { items: LabelledText[] }).items);
  const found = items.map((item) => new Set(findingsFor(item).map((f) => f.rule)));
  return RULES.map((rule) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    items.forEach((item, index) => {
      const flagged = found[index]?.has(rule) ?? false;
      const labelled = item.labels.includes(rule);
      if (flagged && labelled) tp += 1;
      else if (flagged) fp += 1;
      else if (labelled) fn += 1;
    });
    // No finding at all is no false alarm; no labelled text leaves nothing to miss.
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
    return { rule, tp, fp, fn, precision, recall };
  });
}

/** The figures as the Markdown table docs/benchmarks.md shows. */
export function asMarkdown(figures: RuleFigures[]): string {
  const rows = figures.map(
    (f) => `| ${f.rule} | ${f.precision.toFixed(3)} | ${f.recall.toFixed(3)} | ${f.tp} / ${f.fp} / ${f.fn} |`,
  );
  return ["| rule | precision | recall | TP / FP / FN |", "| --- | --- | --- | --- |", ...rows].join("\n");
}
