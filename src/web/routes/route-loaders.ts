import type { LoaderFunctionArgs } from "react-router";
import { roleAtLeast } from "../../domain/roles.ts";
import { cyclesQuery } from "../features/cycles/cycles-api.ts";
import { kpiDefaultTeam } from "../features/kpis/kpi-default-team.ts";
import { kpiBoardQuery } from "../features/kpis/kpis-api.ts";
import { leadershipFiltersOf, leadershipHomeQuery } from "../features/leadership/leadership-api.ts";
import { leadsAnyTeam } from "../features/leadership/leads-any-team.ts";
import { myHomeQuery, myInboxQuery } from "../features/my-home/my-home-api.ts";
import { scopeFromParam } from "../features/teams/team-scope.ts";
import { teamTreeQuery } from "../features/teams/teams-api.ts";
import { themesQuery } from "../features/themes/themes-api.ts";
import { asOfIn } from "../lib/as-of.ts";
import { queryClient } from "../lib/query-client.ts";
import { ensureSession } from "../lib/session.ts";
import type { Session } from "../lib/types.ts";
import { leadershipPageModule, myHomePageModule } from "./home-pages.ts";

// Route loaders ask for a page's data (and its chunk) as soon as the address is known,
// alongside each other instead of one after the other as components mount. On the first
// page they also hold its render until everything is in, so the page renders once, in the
// router's transition (which yields to the browser), instead of once per answer: each of
// those renders was a long task on a phone (docs/benchmarks.md). Later navigations do not
// wait: the page shows its skeletons as before while the data comes.
// The loaders return nothing: the pages read the same queries from React Query.

let firstPage = true;

/** Called once the router has its first page: from then on loaders only start requests. */
export function firstPageLoaded() {
  firstPage = false;
}

type Work = (args: LoaderFunctionArgs, session: Session, slug: string) => Promise<unknown>;

/** A loader that runs `work` for a member of the address's organisation. */
function prefetching(work: Work) {
  return async (args: LoaderFunctionArgs) => {
    const run = async () => {
      const session = await ensureSession();
      const slug = args.params.org ?? "";
      // Signed out or not a member: the layout says so; nothing to ask for.
      if (!session?.organizations.some((o) => o.slug === slug)) return;
      await work(args, session, slug);
    };
    // Errors are the page's to show, through its own queries.
    const done = run().catch(() => undefined);
    if (firstPage) await done;
    return null;
  };
}

/** Every organisation page: the navigation's team tree and inbox count. */
export const orgLoader = prefetching((_args, _session, slug) =>
  Promise.all([
    queryClient.prefetchQuery(teamTreeQuery(slug)),
    queryClient.prefetchQuery(myInboxQuery(slug)),
  ]),
);

function leadershipData(slug: string, url: URL) {
  return Promise.all([
    queryClient.prefetchQuery(leadershipHomeQuery(slug, leadershipFiltersOf(url.searchParams))),
    queryClient.prefetchQuery(teamTreeQuery(slug)),
    queryClient.prefetchInfiniteQuery(cyclesQuery(slug, "", 200)),
    queryClient.prefetchInfiniteQuery(themesQuery(slug, "")),
  ]);
}

/** /o/:org/leadership. */
export const leadershipLoader = prefetching(({ request }, _session, slug) =>
  leadershipData(slug, new URL(request.url)),
);

/** /o/:org: the leadership home or my home, chosen as OrgHomePage chooses. */
export const homeLoader = prefetching(async ({ request }, session, slug) => {
  const role = session.organizations.find((o) => o.slug === slug)!.role;
  let leads = roleAtLeast(role, "admin");
  if (!leads) {
    const tree = await queryClient.ensureQueryData(teamTreeQuery(slug));
    leads = leadsAnyTeam(tree.roots, session.user.id);
  }
  if (leads) await Promise.all([leadershipPageModule(), leadershipData(slug, new URL(request.url))]);
  else {
    await Promise.all([
      myHomePageModule(),
      queryClient.prefetchQuery(myHomeQuery(slug)),
      queryClient.prefetchQuery(myInboxQuery(slug)),
    ]);
  }
});

/** /o/:org/kpis and /o/:org/teams/:teamId/kpis: the board the page opens on. */
export const kpiBoardLoader = prefetching(async ({ request, params }, session, slug) => {
  const search = new URL(request.url).searchParams;
  if (search.get("view") === "drivers") return;
  const scope = scopeFromParam(search.get("scope"));
  const asOf = asOfIn(search);
  const asked = params.teamId;
  // A team in the address needs no tree to be asked for (as the page does).
  const early = asked ? queryClient.prefetchQuery(kpiBoardQuery(slug, asked, scope, asOf)) : undefined;
  const tree = await queryClient.ensureQueryData(teamTreeQuery(slug));
  const teamId = kpiDefaultTeam(tree.roots, asked ?? null, session.user.id);
  if (teamId && teamId !== asked) await queryClient.prefetchQuery(kpiBoardQuery(slug, teamId, scope, asOf));
  await early;
});
