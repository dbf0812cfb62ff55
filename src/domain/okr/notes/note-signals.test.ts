import { describe, expect, it } from "vitest";
import { noteSignalsOf, storedNoteSignals } from "./note-signals.ts";

describe("noteSignalsOf", () => {
  it("reads blockers with their sentence and cue", () => {
    const signals = noteSignalsOf(
      "Good week on the dock. We are still waiting on the IT team for the scanner API.",
    );
    expect(signals.analysed).toBe(true);
    expect(signals.reason).toBeNull();
    expect(signals.blockers).toHaveLength(1);
    expect(signals.blockers[0]!.sentence).toContain("waiting on the IT team");
    expect(signals.tone).toBe("negative");
  });

  it("says an empty note was not analysed", () => {
    expect(noteSignalsOf("  ")).toEqual({ analysed: false, reason: "empty", blockers: [], tone: "neutral" });
  });

  it("says a note in another language was not analysed and guesses no blockers", () => {
    const signals = noteSignalsOf(
      "Wir warten immer noch auf die Freigabe der Rechtsabteilung für den Vertrag.",
    );
    expect(signals).toEqual({ analysed: false, reason: "not-english", blockers: [], tone: "neutral" });
  });

  it("does not take a negated blocker for one", () => {
    expect(noteSignalsOf("No blockers this week, all on track.").blockers).toEqual([]);
  });
});

describe("storedNoteSignals", () => {
  it("reads back what was stored", () => {
    const stored = noteSignalsOf("Blocked by the vendor since Monday.");
    expect(storedNoteSignals(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
  });

  it("treats anything else as missing", () => {
    expect(storedNoteSignals(null)).toBeNull();
    expect(storedNoteSignals({ blockers: "x" })).toBeNull();
  });
});
