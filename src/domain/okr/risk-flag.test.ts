import { describe, expect, it } from "vitest";
import { decideFlag, type FlagCheckIn, flagFromCheckIns } from "./risk-flag.ts";

const waiting = { sentence: "We are still waiting on the platform team.", cue: "waiting" };
const blocked = { sentence: "Blocked by legal.", cue: "blocked" };

let at = 0;
function checkIn(confidence: number, blockers: FlagCheckIn["blockers"] = [], id = `c${++at}`): FlagCheckIn {
  return { id, at: ++at, confidence, blockers };
}

describe("flagFromCheckIns", () => {
  it("flags two falls in a row with a blocker in the latest note, quoting it", () => {
    const a = checkIn(7);
    const b = checkIn(5);
    const c = checkIn(3, [waiting, blocked]);
    expect(flagFromCheckIns([a, b, c])).toEqual({
      raisedByCheckInId: c.id,
      quoteCheckInId: c.id,
      quote: waiting.sentence,
      cue: "waiting",
      confidenceBefore: 7,
      confidenceNow: 3,
    });
  });

  it("quotes the note before when the latest has no blocker", () => {
    const b = checkIn(5, [blocked]);
    const flag = flagFromCheckIns([checkIn(7), b, checkIn(3)]);
    expect(flag).toMatchObject({ quoteCheckInId: b.id, quote: blocked.sentence, cue: "blocked" });
  });

  it("prefers the latest note when both have blockers", () => {
    const c = checkIn(3, [waiting]);
    expect(flagFromCheckIns([checkIn(7), checkIn(5, [blocked]), c])?.quoteCheckInId).toBe(c.id);
  });

  it("does not flag a flat step, a rise, or too short a history", () => {
    expect(flagFromCheckIns([checkIn(7), checkIn(5), checkIn(5, [waiting])])).toBeNull();
    expect(flagFromCheckIns([checkIn(7), checkIn(7), checkIn(3, [waiting])])).toBeNull();
    expect(flagFromCheckIns([checkIn(3), checkIn(5), checkIn(2, [waiting])])).toBeNull();
    expect(flagFromCheckIns([checkIn(5), checkIn(3, [waiting])])).toBeNull();
  });

  it("does not flag falls without a blocker in the last two notes", () => {
    expect(flagFromCheckIns([checkIn(7, [waiting]), checkIn(5), checkIn(3)])).toBeNull();
  });

  it("looks only at the last three check-ins", () => {
    expect(
      flagFromCheckIns([checkIn(9), checkIn(8), checkIn(8), checkIn(6), checkIn(4, [waiting])]),
    ).not.toBeNull();
    expect(flagFromCheckIns([checkIn(9), checkIn(7), checkIn(5), checkIn(5, [waiting])])).toBeNull();
  });
});

describe("decideFlag", () => {
  const falling = () => [checkIn(7), checkIn(5), checkIn(3, [waiting])];

  it("raises a flag when none is open", () => {
    expect(decideFlag({ recent: falling(), open: null, lastRaisedAt: null }).kind).toBe("raise");
  });

  it("raises nothing while a flag is open and confidence stays below", () => {
    const recent = [...falling(), checkIn(2, [waiting])];
    expect(
      decideFlag({ recent, open: { confidenceBefore: 7, raisedByCurrent: true }, lastRaisedAt: 1 }),
    ).toEqual({
      kind: "none",
    });
  });

  it("recovers when confidence is back at the level before the falls", () => {
    const open = { confidenceBefore: 7, raisedByCurrent: true };
    expect(decideFlag({ recent: [...falling(), checkIn(6)], open, lastRaisedAt: 1 }).kind).toBe("none");
    expect(decideFlag({ recent: [...falling(), checkIn(7)], open, lastRaisedAt: 1 })).toEqual({
      kind: "recover",
      confidenceNow: 7,
    });
    expect(decideFlag({ recent: [...falling(), checkIn(9)], open, lastRaisedAt: 1 }).kind).toBe("recover");
  });

  it("does not raise again for the run that raised the last flag (an edit keeps its place)", () => {
    const recent = falling();
    const raisedAt = recent[2]!.at;
    expect(decideFlag({ recent, open: null, lastRaisedAt: raisedAt }).kind).toBe("none");
    // A further fall after the flag closed is a new run.
    expect(
      decideFlag({ recent: [...recent.slice(1), checkIn(2, [blocked])], open: null, lastRaisedAt: raisedAt })
        .kind,
    ).toBe("raise");
  });

  it("follows an edit of the check-in that raised the open flag", () => {
    const open = { confidenceBefore: 7, raisedByCurrent: false };
    const stillFalling = decideFlag({
      recent: [checkIn(7), checkIn(5), checkIn(2, [blocked])],
      open,
      lastRaisedAt: 1,
    });
    expect(stillFalling).toMatchObject({
      kind: "refresh",
      flag: { quote: blocked.sentence, confidenceNow: 2 },
    });
    expect(decideFlag({ recent: [checkIn(7), checkIn(5), checkIn(6)], open, lastRaisedAt: 1 }).kind).toBe(
      "recover",
    );
  });

  it("decides nothing for a KR without check-ins", () => {
    expect(decideFlag({ recent: [], open: null, lastRaisedAt: null })).toEqual({ kind: "none" });
  });
});
