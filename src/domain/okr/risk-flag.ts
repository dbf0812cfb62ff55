/**
 * The risk flag on a Key Result: its owner is losing confidence and writing about a
 * blocker. Pure: the caller passes the KR's newest check-ins (current versions, an edit
 * standing in for what it replaced) and the flags it already has.
 *
 * - Raised when the last three check-ins' confidence falls strictly twice in a row
 *   (7 → 5 → 3) and a note of the last two shows a blocker. The quote is the first
 *   blocker of the latest note that has one.
 * - A run of falls raises one flag: a check-in no newer than the one that raised the
 *   last flag (an edit keeps its place in the history) raises nothing, so correcting a
 *   typo after a manager resolved the flag does not bring it back. A further fall after
 *   the flag closed is a new run and raises again.
 * - An open flag recovers when confidence is back at the level before the falls
 *   (`confidenceBefore`). When the check-in that raised it is edited, the flag follows the
 *   corrected record: still falling with a blocker, its quote is refreshed; otherwise the
 *   falls it reported are gone and it recovers.
 */

export interface FlagBlocker {
  sentence: string;
  cue: string;
}

export interface FlagCheckIn {
  id: string;
  /** Place in the history (ms): an edit keeps the time of the check-in it replaced. */
  at: number;
  confidence: number;
  blockers: readonly FlagBlocker[];
}

export interface RaisedFlag {
  raisedByCheckInId: string;
  quoteCheckInId: string;
  quote: string;
  cue: string;
  confidenceBefore: number;
  confidenceNow: number;
}

export interface OpenFlag {
  confidenceBefore: number;
  /** False when the check-in that raised it has since been replaced by an edit. */
  raisedByCurrent: boolean;
}

export type FlagDecision =
  | { kind: "none" }
  | { kind: "raise"; flag: RaisedFlag }
  | { kind: "refresh"; flag: RaisedFlag }
  | { kind: "recover"; confidenceNow: number };

/** The flag the last three check-ins (oldest first) call for, or null. */
export function flagFromCheckIns(checkIns: readonly FlagCheckIn[]): RaisedFlag | null {
  if (checkIns.length < 3) return null;
  const [before, fell, fellAgain] = checkIns.slice(-3) as [FlagCheckIn, FlagCheckIn, FlagCheckIn];
  if (!(before.confidence > fell.confidence && fell.confidence > fellAgain.confidence)) return null;
  const quoted = fellAgain.blockers.length > 0 ? fellAgain : fell.blockers.length > 0 ? fell : null;
  if (!quoted) return null;
  const blocker = quoted.blockers[0]!;
  return {
    raisedByCheckInId: fellAgain.id,
    quoteCheckInId: quoted.id,
    quote: blocker.sentence,
    cue: blocker.cue,
    confidenceBefore: before.confidence,
    confidenceNow: fellAgain.confidence,
  };
}

/**
 * What a new or edited check-in does to the KR's flag.
 * @param recent the KR's newest current check-ins, oldest first (three are enough)
 * @param open the KR's open flag, if any
 * @param lastRaisedAt the place in the history of the check-in that raised the KR's
 *   latest flag, whatever became of it; null when it never had one
 */
export function decideFlag(input: {
  recent: readonly FlagCheckIn[];
  open: OpenFlag | null;
  lastRaisedAt: number | null;
}): FlagDecision {
  const latest = input.recent[input.recent.length - 1];
  if (!latest) return { kind: "none" };
  const candidate = flagFromCheckIns(input.recent);
  if (input.open) {
    if (latest.confidence >= input.open.confidenceBefore)
      return { kind: "recover", confidenceNow: latest.confidence };
    if (input.open.raisedByCurrent) return { kind: "none" };
    return candidate
      ? { kind: "refresh", flag: candidate }
      : { kind: "recover", confidenceNow: latest.confidence };
  }
  if (!candidate) return { kind: "none" };
  if (input.lastRaisedAt !== null && latest.at <= input.lastRaisedAt) return { kind: "none" };
  return { kind: "raise", flag: candidate };
}
