/** A team's health: how its Objectives stand, counted and summed up in one word. */
import type { OkrStatus } from "./status.ts";

/** Objectives per status, and the one word for the team (null when it has no Objectives). */
export type TeamHealth = {
  counts: Record<OkrStatus, number>;
  total: number;
  overall: OkrStatus | null;
};

/**
 * Team health from its Objectives' statuses.
 * - No Objectives → overall null. All not started → not_started.
 * - Stale when more than half of the started Objectives are stale: the team is not
 *   checking in, so any other word would rest on old news.
 * - Otherwise the worst status that, together with the worse ones, covers at least half
 *   of the judged (on track / at risk / off track) Objectives: off track when at least
 *   half are off track; at risk when at least half are at risk or off track; else on
 *   track. A tie leans to the worse word so problems surface (1 off + 1 on = off track;
 *   1 off + 1 at risk + 2 on = at risk; 1 off + 3 on = on track).
 */
export function teamHealth(objectiveStatuses: readonly OkrStatus[]): TeamHealth {
  const counts: Record<OkrStatus, number> = {
    not_started: 0,
    on_track: 0,
    at_risk: 0,
    off_track: 0,
    stale: 0,
  };
  for (const status of objectiveStatuses) counts[status]++;
  const total = objectiveStatuses.length;
  const result = (overall: OkrStatus | null): TeamHealth => ({ counts, total, overall });

  if (total === 0) return result(null);
  const started = total - counts.not_started;
  if (started === 0) return result("not_started");
  if (counts.stale * 2 > started) return result("stale");
  // Integer comparisons (2 × count ≥ judged) avoid float halves.
  const judged = counts.on_track + counts.at_risk + counts.off_track;
  if (counts.off_track * 2 >= judged) return result("off_track");
  if ((counts.off_track + counts.at_risk) * 2 >= judged) return result("at_risk");
  return result("on_track");
}
