/**
 * When a KPI escalation opens and when it closes by itself. Opening is immediate (a red
 * value or a broken floor needs an owner's attention now); closing waits for a run of
 * good periods, so a KPI wobbling around its red line or its floor does not open and
 * close an escalation every period.
 */

export type EscalationDecision = "open" | "close" | "none";

/** Green periods in a row that close an escalation by default. */
export const DEFAULT_CLOSE_AFTER_GREEN_PERIODS = 2;

type Status = "green" | "amber" | "red" | null;

export type EscalationInput = {
  /** An escalation for this KPI is open or acknowledged (not yet resolved). */
  open: boolean;
  /**
   * Why the open escalation opened. A floor escalation closes when the floor holds again,
   * judged from `throughFloor`; a red one (or an unknown reason) from the bands.
   */
  openReason?: "red" | "floor" | null | undefined;
  /** Statuses of the latest measured periods, oldest first; null where no bands applied. */
  recent: ReadonlyArray<Status>;
  /**
   * For the same periods as `recent`, whether each value was through the floor the open
   * escalation fell through (or a floor in force now). Only floor escalations read it;
   * missing entries count as through, so too short a list keeps the escalation open.
   */
  throughFloor?: ReadonlyArray<boolean> | undefined;
  /** The latest value breaks one of the KPI's active floors. */
  floorBreached: boolean;
  /** Periods in a row needed to close an open escalation (below 1 counts as 1). */
  closeAfterGreenPeriods: number;
};

export type EscalationVerdict = {
  decision: EscalationDecision;
  /** Why an escalation opens; null unless the decision is "open". */
  reason: "red" | "floor" | null;
};

/** The length of the run that closes an escalation; a setting of 0 (or garbage) must not close on no evidence. */
export function closingRun(closeAfterGreenPeriods: number): number {
  return Number.isFinite(closeAfterGreenPeriods)
    ? Math.max(1, Math.floor(closeAfterGreenPeriods))
    : DEFAULT_CLOSE_AFTER_GREEN_PERIODS;
}

/**
 * What to do about a KPI's escalation after a new value:
 * - none open, newest status red → open (reason "red"); otherwise, floor broken → open
 *   (reason "floor"). Red wins when both hold: it is the KPI's own threshold.
 * - a red escalation open, the last `closeAfterGreenPeriods` statuses all green and no
 *   floor broken → close. Amber, a missing colour or too short a history keeps it open.
 * - a floor escalation open, the last `closeAfterGreenPeriods` values all hold the floor
 *   and none of them is red → close, with or without bands: the floor is what it is
 *   about, and a KPI without bands has no green to wait for. A red value among them
 *   keeps it open, since closing would only make way for a red escalation.
 * - anything else → none. An open escalation is never opened again, however red the
 *   KPI stays; it is resolved by a person or by the run above.
 */
export function escalationDecision(input: EscalationInput): EscalationVerdict {
  const { open, recent, floorBreached } = input;
  if (!open) {
    if (recent.at(-1) === "red") return { decision: "open", reason: "red" };
    if (floorBreached) return { decision: "open", reason: "floor" };
    return { decision: "none", reason: null };
  }
  if (floorBreached) return { decision: "none", reason: null };
  const needed = closingRun(input.closeAfterGreenPeriods);
  if (recent.length < needed) return { decision: "none", reason: null };
  const from = recent.length - needed;
  const run = recent.slice(from);
  const recovered =
    input.openReason === "floor"
      ? run.every((status, i) => status !== "red" && input.throughFloor?.[from + i] === false)
      : run.every((status) => status === "green");
  return recovered ? { decision: "close", reason: null } : { decision: "none", reason: null };
}
