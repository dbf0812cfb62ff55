import type { NoteSignals } from "../../../shared/schemas/check-in-notes.ts";

type Cue = NoteSignals["blockers"][number]["cue"];

/** The kind of blocker each cue stands for, in the words a person would use. */
export const cueLabels: Record<Cue, string> = {
  blocked: "blocked",
  waiting: "waiting on others",
  "no-reply": "no reply yet",
  "not-done-by-others": "waiting on others",
  capacity: "capacity",
  delay: "delay",
  "decision-pending": "decision pending",
  "broken-tool": "tooling problem",
  "cannot-proceed": "cannot proceed",
  risk: "risk",
  "outside-control": "outside the team's control",
};
