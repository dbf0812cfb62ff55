/**
 * Reads a weekly check-in note for blockers and tone: local, deterministic, linear in
 * the note's length, and never throws. Non-English notes are not analysed (the cues are
 * English); very long notes are analysed up to MAX_ANALYSED_CHARS.
 */
import type { BlockerCue } from "./blocker-cues.ts";
import { normalise, readSentence } from "./find-blockers.ts";
import { looksEnglish } from "./language.ts";
import { splitSentences } from "./sentences.ts";
import { type NoteTone, toneOf } from "./tone.ts";

export const MAX_ANALYSED_CHARS = 5_000;

export interface NoteBlocker {
  /** The sentence as written in the note (an exact substring of it, bullet left out). */
  sentence: string;
  /** Which kind of cue made it a blocker. */
  cue: BlockerCue;
}

export interface NoteAnalysis {
  analysed: boolean;
  reason?: "empty" | "not-english" | "too-long-truncated";
  blockers: NoteBlocker[];
  tone: NoteTone;
}

// Fewer than this many letters or digits is an empty-ish note ("-", "ok", "n/a").
const MIN_CONTENT_CHARS = 3;

function contentChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length && n < MIN_CONTENT_CHARS; i++) {
    if (/[\p{L}\p{N}]/u.test(text[i]!)) n++;
  }
  return n;
}

/** Cuts at the last whitespace before the cap, so no word is cut in half. */
function truncate(note: string): string {
  const cut = note.lastIndexOf(" ", MAX_ANALYSED_CHARS);
  return note.slice(0, cut > MAX_ANALYSED_CHARS / 2 ? cut : MAX_ANALYSED_CHARS);
}

export function analyzeNote(note: string): NoteAnalysis {
  const text = typeof note === "string" ? note : "";
  if (contentChars(text) < MIN_CONTENT_CHARS) {
    return { analysed: true, reason: "empty", blockers: [], tone: "neutral" };
  }
  const tooLong = text.length > MAX_ANALYSED_CHARS;
  const analysed = tooLong ? truncate(text) : text;
  if (!looksEnglish(analysed)) {
    return { analysed: false, reason: "not-english", blockers: [], tone: "neutral" };
  }
  const blockers: NoteBlocker[] = [];
  let previousBlocker = false;
  let previousQuestion = false;
  for (const sentence of splitSentences(analysed)) {
    const reading = readSentence(sentence.text);
    // "Blocked by IT. That's sorted now." and "Blocked? No." take back the sentence before.
    const takesBack = reading.closesPrevious || (reading.deniesQuestion && previousQuestion);
    if (takesBack && previousBlocker) blockers.pop();
    if (reading.cue) blockers.push({ sentence: sentence.text, cue: reading.cue });
    previousBlocker = reading.cue !== null;
    previousQuestion = sentence.text.endsWith("?");
  }
  const result: NoteAnalysis = {
    analysed: true,
    blockers,
    tone: toneOf(normalise(analysed), blockers.length),
  };
  if (tooLong) result.reason = "too-long-truncated";
  return result;
}
