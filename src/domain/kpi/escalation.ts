/**
 * When a KPI escalation opens and when it closes by itself. Opening is immediate (a red
 * value or a broken floor needs an owner's attention now); closing waits for a run of
 * green periods, so a KPI wobbling around its red line does not open and close an
 * escalation every period.
 */

export type EscalationDecision = "open" | "close" | "none";

/** Green periods in a row that close an escalation by default. */
export const DEFAULT_CLOSE_AFTER_GREEN_PERIODS = 2;

export type EscalationInput = {
  /** An escalation for this KPI is open or acknowledged (not yet resolved). */
  open: boolean;
  /** Statuses of the latest measured periods, oldest first; null where no bands applied. */
  recent: ReadonlyArray<"green" | "amber" | "red" | null>;
  /** The latest value breaks one of the KPI's active floors. */
  floorBreached: boolean;
  /** Green periods in a row needed to close an open escalation (below 1 counts as 1). */
  closeAfterGreenPeriods: number;
};

export type EscalationVerdict = {
  decision: EscalationDecision;
  /** Why an escalation opens; null unless the decision is "open". */
  reason: "red" | "floor" | null;
};

/**
 * What to do about a KPI's escalation after a new value:
 * - none open, newest status red → open (reason "red"); otherwise, floor broken → open
 *   (reason "floor"). Red wins when both hold: it is the KPI's own threshold.
 * - one open, the last `closeAfterGreenPeriods` statuses all green and no floor broken →
 *   close. Amber, a missing colour or too short a history keeps it open.
 * - anything else → none. An open escalation is never opened again, however red the
 *   KPI stays; it is resolved by a person or by the green run.
 */
export function escalationDecision(input: EscalationInput): EscalationVerdict {
  const { open, recent, floorBreached } = input;
  if (!open) {
    if (recent.at(-1) === "red") return { decision: "open", reason: "red" };
    if (floorBreached) return { decision: "open", reason: "floor" };
    return { decision: "none", reason: null };
  }
  // A setting of 0 (or garbage) must not close escalations on no evidence at all.
  const needed = Number.isFinite(input.closeAfterGreenPeriods)
    ? Math.max(1, Math.floor(input.closeAfterGreenPeriods))
    : DEFAULT_CLOSE_AFTER_GREEN_PERIODS;
  const greenRun = recent.length >= needed && recent.slice(-needed).every((status) => status === "green");
  if (greenRun && !floorBreached) return { decision: "close", reason: null };
  return { decision: "none", reason: null };
}
