/**
 * How well Keel's check-in note reading finds blockers, measured against hand-labelled
 * notes (test/fixtures/coach). Pure functions: no database, no app.
 *
 * Note level: a note is a true positive when Keel finds at least one blocker and the
 * label has one. Sentence level: a sentence Keel returns counts when it equals a labelled
 * blocker sentence of that note. Tone agreement is over the English notes.
 *
 * The development files were studied while the cues were written; the held-out set is never
 * opened, only measured as a whole after a round of changes. Its assertions are the last
 * run's result (see docs/benchmarks.md, "Check-in notes: blockers").
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeNote } from "../src/domain/okr/notes/analyze-note.ts";

interface LabelledNote {
  id: string;
  note: string;
  blockers: string[];
  tone: "positive" | "neutral" | "negative";
  language: string;
}

interface Quality {
  notes: number;
  noteLevel: { precision: number; recall: number; tp: number; fp: number; fn: number };
  sentenceLevel: { precision: number; recall: number; matched: number; found: number; labelled: number };
  toneAgreement: number;
  notEnglishCaught: string;
  englishSkipped: number;
}

function load(file: string): LabelledNote[] {
  const text = fs.readFileSync(path.join(import.meta.dirname, "fixtures", "coach", file), "utf8");
  return (JSON.parse(text) as { items: LabelledNote[] }).items;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

function measure(items: LabelledNote[]): Quality {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let matched = 0;
  let found = 0;
  let labelled = 0;
  let toneAgrees = 0;
  let english = 0;
  let foreign = 0;
  let foreignCaught = 0;
  let englishSkipped = 0;
  for (const item of items) {
    const result = analyzeNote(item.note);
    const sentences = new Set(result.blockers.map((b) => b.sentence));
    const hasFound = sentences.size > 0;
    const hasLabel = item.blockers.length > 0;
    if (hasFound && hasLabel) tp++;
    else if (hasFound) fp++;
    else if (hasLabel) fn++;
    found += sentences.size;
    labelled += item.blockers.length;
    for (const s of item.blockers) if (sentences.has(s)) matched++;
    if (item.language === "en") {
      english++;
      if (result.tone === item.tone) toneAgrees++;
      if (result.reason === "not-english") englishSkipped++;
    } else {
      foreign++;
      if (result.reason === "not-english") foreignCaught++;
    }
  }
  return {
    notes: items.length,
    noteLevel: { precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), tp, fp, fn },
    sentenceLevel: {
      precision: ratio(matched, found),
      recall: ratio(matched, labelled),
      matched,
      found,
      labelled,
    },
    toneAgreement: ratio(toneAgrees, english),
    notEnglishCaught: `${foreignCaught}/${foreign}`,
    englishSkipped,
  };
}

function report(name: string, q: Quality): void {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  console.log(
    `${name} (${q.notes} notes): note level precision ${pct(q.noteLevel.precision)}, recall ` +
      `${pct(q.noteLevel.recall)} (tp ${q.noteLevel.tp}, fp ${q.noteLevel.fp}, fn ${q.noteLevel.fn}); ` +
      `sentence level precision ${pct(q.sentenceLevel.precision)}, recall ${pct(q.sentenceLevel.recall)} ` +
      `(${q.sentenceLevel.matched} of ${q.sentenceLevel.labelled} labelled, ${q.sentenceLevel.found} found); ` +
      `tone agreement ${pct(q.toneAgreement)} (English notes); non-English caught ${q.notEnglishCaught}, ` +
      `English notes skipped as non-English ${q.englishSkipped}`,
  );
}

describe("check-in note blockers against labelled notes", () => {
  it("development set: precision ≥ 0.9 and recall ≥ 0.8 at note level", () => {
    const q = measure([
      ...load("check-in-notes-development.json"),
      ...load("check-in-notes-development-2.json"),
    ]);
    report("development", q);
    expect(q.noteLevel.precision).toBeGreaterThanOrEqual(0.9);
    expect(q.noteLevel.recall).toBeGreaterThanOrEqual(0.8);
    expect(q.sentenceLevel.precision).toBeGreaterThanOrEqual(0.9);
    expect(q.sentenceLevel.recall).toBeGreaterThanOrEqual(0.8);
    expect(q.englishSkipped).toBe(0);
  });

  // The held-out set is only ever measured as a whole, never read item by item. First run
  // (2026-12-07, analyzer frozen): note level precision 0.879 (80 of 91), recall 0.851 (80 of
  // 94). After the cues learnt from the second development file (writer's own decisions,
  // metrics named after problems, risk as a modifier, problems already over): precision
  // 0.878 (79 of 90), recall 0.840 (79 of 94): no gain there, one note fewer found. These
  // floors are that last run; precision is still below the 0.9 target.
  it("held-out set: no worse than its last measurement", () => {
    const q = measure(load("check-in-notes-held-out.json"));
    report("held-out", q);
    expect(q.noteLevel.precision).toBeGreaterThanOrEqual(79 / 90);
    expect(q.noteLevel.recall).toBeGreaterThanOrEqual(79 / 94);
    expect(q.sentenceLevel.precision).toBeGreaterThanOrEqual(79 / 98);
    expect(q.sentenceLevel.recall).toBeGreaterThanOrEqual(79 / 102);
    expect(q.englishSkipped).toBe(0);
  });
});
