import { useMemo } from "react";
import { useSearchParams } from "react-router";
import { useOrg } from "../../lib/org-context.tsx";
import { useSession } from "../../lib/session.ts";
import type { Cycle } from "../../lib/types.ts";
import { useMyCheckIns } from "../check-ins/check-ins-api.ts";
import { useCycles } from "../cycles/cycles-api.ts";
import { findTeam } from "../teams/team-tree-utils.ts";
import { useTeamTree } from "../teams/teams-api.ts";
import { defaultCycle, defaultTeamId, todayIso } from "./okr-defaults.ts";

/**
 * The cycle and team an OKR page shows, kept in the address (?cycle=…&team=…) so a view
 * can be shared; without them, the running quarter and the person's team.
 */
export function useOkrScope(options: { withTeam: boolean; teamOptional?: boolean }) {
  const { slug } = useOrg();
  const session = useSession().data;
  const [params, setParams] = useSearchParams();
  const cycles = useCycles(slug, "", 200);
  const tree = useTeamTree(slug);
  const mine = useMyCheckIns(slug);
  const roots = tree.data?.roots ?? [];

  const cycleParam = params.get("cycle");
  const teamParam = params.get("team");
  const cycle: Cycle | null = useMemo(() => {
    const chosen = cycleParam ? cycles.items.find((c) => c.id === cycleParam) : undefined;
    return chosen ?? defaultCycle(cycles.items, todayIso());
  }, [cycles.items, cycleParam]);

  // Waiting for "my check-ins" would delay the page; its team names only refine the guess.
  const teamId = useMemo(() => {
    if (!options.withTeam) return null;
    if (teamParam && findTeam(roots, teamParam)) return teamParam;
    if (options.teamOptional) return null;
    const names = (mine.data?.items ?? []).map((i) => i.objective.teamName);
    return defaultTeamId(roots, session?.user.id ?? null, names);
  }, [options.withTeam, options.teamOptional, teamParam, roots, mine.data, session?.user.id]);

  const set = (key: "cycle" | "team", value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return {
    slug,
    cycles,
    tree,
    roots,
    cycle,
    teamId,
    team: teamId ? findTeam(roots, teamId) : null,
    setCycle: (id: string) => set("cycle", id),
    setTeam: (id: string | null) => set("team", id),
    // Without a team in the address, wait for the hints so the page does not jump teams.
    ready:
      cycles.isSuccess &&
      tree.isSuccess &&
      (!options.withTeam || Boolean(teamParam) || options.teamOptional || !mine.isPending),
  };
}
