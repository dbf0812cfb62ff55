import { type NoteSignals, noteSignalsOf } from "../../../domain/okr/notes/note-signals.ts";
import type { Actor } from "../../context.ts";
import { authorize } from "../../policies/org-policy.ts";

/**
 * What Keel reads in a note, before it is saved (the check-in dialog asks as the person
 * types): anyone who may read the organisation's OKRs may ask, since nothing is stored.
 */
export function analyzeCheckInNote(actor: Actor, input: { note: string }): NoteSignals {
  authorize(actor, "read");
  return noteSignalsOf(input.note);
}
