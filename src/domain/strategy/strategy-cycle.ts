/** Which cycle the strategy map and board open on, from the organisation's cycles. */

export type CycleChoice = {
  id: string;
  kind: "quarter" | "year" | "custom";
  startsOn: string;
  endsOn: string;
  state: "planning" | "active" | "grading" | "closed";
};

const stateRank: Record<CycleChoice["state"], number> = { active: 0, grading: 1, planning: 2, closed: 3 };

function lengthInDays(c: CycleChoice): number {
  return (Date.parse(c.endsOn) - Date.parse(c.startsOn)) / 86_400_000;
}

/**
 * The shortest active cycle containing today (the running quarter rather than its year),
 * because that is what a monthly review talks about. Without one: the shortest active
 * cycle, then one in grading, then the soonest in planning, then the latest closed.
 */
export function defaultStrategyCycle<C extends CycleChoice>(cycles: readonly C[], today: string): C | null {
  const contains = (c: C) => c.startsOn <= today && today <= c.endsOn;
  const sorted = [...cycles].sort(
    (a, b) =>
      stateRank[a.state] - stateRank[b.state] ||
      Number(contains(b)) - Number(contains(a)) ||
      (a.state === "planning"
        ? a.startsOn.localeCompare(b.startsOn)
        : a.state === "closed"
          ? b.endsOn.localeCompare(a.endsOn)
          : lengthInDays(a) - lengthInDays(b)) ||
      a.id.localeCompare(b.id),
  );
  return sorted[0] ?? null;
}
