import type { Cycle, TeamNode } from "../../lib/types.ts";
import { flattenTree } from "../teams/team-tree-utils.ts";

/** Today as YYYY-MM-DD in the reader's calendar. */
export function todayIso(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

const stateRank: Record<Cycle["state"], number> = { active: 0, grading: 1, planning: 2, closed: 3 };
const kindRank: Record<Cycle["kind"], number> = { quarter: 0, custom: 1, year: 2 };

/**
 * The cycle an OKR page opens on: the running quarter that contains today; else any
 * running cycle (quarters first); else the next one in planning; else the latest closed.
 */
export function defaultCycle(cycles: readonly Cycle[], today: string): Cycle | null {
  if (cycles.length === 0) return null;
  const contains = (c: Cycle) => c.startsOn <= today && today <= c.endsOn;
  const sorted = [...cycles].sort(
    (a, b) =>
      stateRank[a.state] - stateRank[b.state] ||
      Number(contains(b)) - Number(contains(a)) ||
      kindRank[a.kind] - kindRank[b.kind] ||
      // Planning: the soonest first; closed: the latest first.
      (a.state === "planning" ? a.startsOn.localeCompare(b.startsOn) : b.endsOn.localeCompare(a.endsOn)),
  );
  return sorted[0] ?? null;
}

/** Cycles in the order a picker lists them: running first, then planning, then closed. */
export function sortCycles(cycles: readonly Cycle[]): Cycle[] {
  return [...cycles].sort(
    (a, b) =>
      stateRank[a.state] - stateRank[b.state] ||
      kindRank[a.kind] - kindRank[b.kind] ||
      b.startsOn.localeCompare(a.startsOn),
  );
}

/**
 * The team an OKR page opens on. The API cannot list a person's teams, so the best
 * available hints are used in order: a team the person leads, a team whose Objectives
 * hold their KRs (by name, from "my check-ins"), else the top of the tree (the company).
 * Teams that run KPIs only are skipped: they have no OKRs.
 */
export function defaultTeamId(
  roots: readonly TeamNode[],
  userId: string | null,
  myTeamNames: readonly (string | null)[] = [],
): string | null {
  const flat = flattenTree([...roots])
    .map((f) => f.team)
    .filter((t) => !t.archived);
  const okrTeams = flat.filter((t) => t.methodology !== "kpi");
  const led = userId ? okrTeams.find((t) => t.leadUserId === userId) : undefined;
  if (led) return led.id;
  for (const name of myTeamNames) {
    const match = name ? okrTeams.find((t) => t.name === name) : undefined;
    if (match) return match.id;
  }
  return (okrTeams[0] ?? flat[0])?.id ?? null;
}

/** The next cycle to continue unfinished Objectives in: planning or active, starting after `cycle`. */
export function nextCycle(cycles: readonly Cycle[], cycle: Cycle): Cycle | null {
  const open = cycles.filter(
    (c) =>
      c.id !== cycle.id && (c.state === "planning" || c.state === "active") && c.startsOn > cycle.startsOn,
  );
  const sameKind = open.filter((c) => c.kind === cycle.kind);
  const pool = sameKind.length > 0 ? sameKind : open;
  return [...pool].sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0] ?? null;
}
