/**
 * What Keel reads in a check-in note (POST /check-in-notes/analyze, and the `signals` a
 * stored check-in keeps): blockers with the sentence that shows them, and a tone.
 */
import { z } from "zod";

/** The longest note a check-in takes; the analyze route takes the same, so what it reads is what is saved. */
export const NOTE_MAX_CHARS = 4000;

/** A note as a check-in takes it: trimmed, at most NOTE_MAX_CHARS characters. */
export const checkInNote = () =>
  z.string().trim().max(NOTE_MAX_CHARS, `must be at most ${NOTE_MAX_CHARS} characters`);

export const AnalyzeNoteSchema = z.strictObject({
  note: checkInNote().describe(
    `The note as typed (at most ${NOTE_MAX_CHARS} characters, as for a check-in; trimmed first)`,
  ),
});

export const BlockerCueSchema = z
  .enum([
    "blocked",
    "waiting",
    "no-reply",
    "not-done-by-others",
    "capacity",
    "delay",
    "decision-pending",
    "broken-tool",
    "cannot-proceed",
    "risk",
    "outside-control",
  ])
  .describe("The kind of wording that made the sentence a blocker");

export const NoteBlockerSchema = z.object({
  sentence: z.string().describe("The sentence as written in the note"),
  cue: BlockerCueSchema,
});

export const NoteSignalsSchema = z.object({
  analysed: z
    .boolean()
    .describe(
      "false when there was nothing to read (empty) or the note is not in English (no blockers are guessed)",
    ),
  reason: z
    .enum(["empty", "not-english", "truncated"])
    .nullable()
    .describe(
      "Why analysed is false (empty, not-english); truncated: only the first 5,000 characters were read",
    ),
  blockers: z.array(NoteBlockerSchema).describe("Sentences that show a blocker or risk, in note order"),
  tone: z.enum(["positive", "neutral", "negative"]),
});
export type NoteSignals = z.infer<typeof NoteSignalsSchema>;
