/**
 * Who sees what on the leadership home, and the filters resolved: owners and admins the
 * whole organisation, team leads the teams they lead and every team below; anyone else is
 * refused (their home is their own KRs and KPIs). Authorised before any filter is looked up.
 */
import { todayIn } from "../../../domain/dates.ts";
import { roleAtLeast } from "../../../domain/roles.ts";
import { subtreesInOrder } from "../../../domain/team-subtree.ts";
import { nameSortKey } from "../../../domain/team-tree.ts";
import { AppError, forbidden } from "../../../shared/errors.ts";
import type { Actor, Deps } from "../../context.ts";
import { findCycle, findTheme } from "../../repositories/catalog-repository.ts";
import { defaultCycleOf } from "../../repositories/leadership-repository.ts";
import { allTeams, type TeamRow } from "../../repositories/team-repository.ts";
import { type OkrClock, okrClock } from "../okr/okr-presenter.ts";

export type LeadershipFilters = {
  teamId?: string | undefined;
  themeId?: string | undefined;
  cycleId?: string | undefined;
};

export type ScopeTeam = TeamRow & { depth: number };

export type LeadershipScope = {
  /** Live teams in scope, in tree order. */
  teams: ScopeTeam[];
  teamIds: Set<string>;
  teamNames: Map<string, string>;
  /** The organisation's top-level teams, whose KPIs are the company's. */
  rootTeamIds: string[];
  /** For the statements: null reads the whole organisation without a team filter. */
  teamFilter: string[] | null;
  wholeOrganization: boolean;
  teamId: string | null;
  themeId: string | null;
  cycle: {
    id: string;
    name: string;
    state: "planning" | "active" | "grading" | "closed";
    startsOn: string;
    endsOn: string;
  } | null;
  clock: OkrClock;
};

const notFoundField = (what: string, field: string) =>
  new AppError("not_found", `${what} was not found in this organisation.`, {
    issues: [{ field, message: "not found in this organisation" }],
  });

export async function leadershipScope(
  deps: Deps,
  actor: Actor,
  filters: LeadershipFilters,
): Promise<LeadershipScope> {
  const everything = roleAtLeast(actor.role, "admin");
  if (!everything && !actor.userId)
    throw forbidden("The leadership home is for owners, admins and team leads.");
  const teams = (await allTeams(deps.db, actor.organizationId, true)).sort(
    (a, b) => compare(nameSortKey(a.name), nameSortKey(b.name)) || compare(a.id, b.id),
  );
  const live = teams.filter((t) => t.archivedAt === null);
  const led = everything ? [] : live.filter((t) => t.leadUserId === actor.userId).map((t) => t.id);
  if (!everything && led.length === 0) {
    throw forbidden(
      "The leadership home shows the teams you lead, and you lead none. Your own KRs and KPIs are on your home page.",
    );
  }
  const ledTeams = everything ? null : new Set(subtreesInOrder(live, led).map((t) => t.id));

  let roots: string[];
  if (filters.teamId) {
    const team = teams.find((t) => t.id === filters.teamId);
    if (!team || team.archivedAt !== null) throw notFoundField("That team", "teamId");
    if (ledTeams && !ledTeams.has(team.id)) {
      throw forbidden(
        "You lead neither that team nor a team above it, so it is not on your leadership home.",
      );
    }
    roots = [team.id];
  } else {
    roots = everything ? live.filter((t) => t.parentId === null).map((t) => t.id) : led;
  }
  if (filters.themeId && !(await findTheme(deps.db, actor.organizationId, filters.themeId))) {
    throw notFoundField("That theme", "themeId");
  }
  const clock = okrClock(deps, actor);
  const cycleId =
    filters.cycleId ??
    (await defaultCycleOf(deps.db, actor.organizationId, todayIn(actor.timeZone, deps.now())));
  const cycleRow = cycleId ? await findCycle(deps.db, actor.organizationId, cycleId) : undefined;
  if (filters.cycleId && !cycleRow) throw notFoundField("That cycle", "cycleId");

  const inScope = subtreesInOrder(live, roots);
  const wholeOrganization = everything && !filters.teamId;
  return {
    teams: inScope,
    teamIds: new Set(inScope.map((t) => t.id)),
    teamNames: new Map(inScope.map((t) => [t.id, t.name])),
    rootTeamIds: live.filter((t) => t.parentId === null).map((t) => t.id),
    teamFilter: wholeOrganization ? null : inScope.map((t) => t.id),
    wholeOrganization,
    teamId: filters.teamId ?? null,
    themeId: filters.themeId ?? null,
    cycle: cycleRow
      ? {
          id: cycleRow.id,
          name: cycleRow.name,
          state: cycleRow.state,
          startsOn: cycleRow.startsOn,
          endsOn: cycleRow.endsOn,
        }
      : null,
    clock,
  };
}

/** Code-point order: the same on every machine, whatever its locale data. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
