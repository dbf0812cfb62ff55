/**
 * The signals a check-in keeps of its note, and what the analyze route answers: the
 * analysis in a shape that says plainly whether anything was read. An empty note and a
 * note in another language are "not analysed" (with the reason), so nobody mistakes
 * "no blockers found" for "nothing to find".
 */
import { analyzeNote, type NoteBlocker } from "./analyze-note.ts";
import type { NoteTone } from "./tone.ts";

export interface NoteSignals {
  analysed: boolean;
  reason: "empty" | "not-english" | "truncated" | null;
  blockers: NoteBlocker[];
  tone: NoteTone;
}

export function noteSignalsOf(note: string): NoteSignals {
  const analysis = analyzeNote(note);
  if (analysis.reason === "empty" || analysis.reason === "not-english") {
    return { analysed: false, reason: analysis.reason, blockers: [], tone: "neutral" };
  }
  return {
    analysed: true,
    reason: analysis.reason === "too-long-truncated" ? "truncated" : null,
    blockers: analysis.blockers,
    tone: analysis.tone,
  };
}

/**
 * Reads stored signals back (a jsonb column): anything not in the expected shape counts
 * as missing, so a hand-edited row cannot break a page.
 */
export function storedNoteSignals(value: unknown): NoteSignals | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Partial<NoteSignals>;
  if (typeof v.analysed !== "boolean" || !Array.isArray(v.blockers) || typeof v.tone !== "string")
    return null;
  const blockers = v.blockers.filter(
    (b): b is NoteBlocker =>
      !!b && typeof b === "object" && typeof b.sentence === "string" && typeof b.cue === "string",
  );
  return {
    analysed: v.analysed,
    reason: v.reason ?? null,
    blockers,
    tone: v.tone === "positive" || v.tone === "negative" ? v.tone : "neutral",
  };
}
