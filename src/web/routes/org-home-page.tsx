import { Suspense, use } from "react";
import { TableSkeleton } from "../components/table-skeleton.tsx";
import { leadsAnyTeam } from "../features/leadership/leads-any-team.ts";
import { useTeamTree } from "../features/teams/teams-api.ts";
import { useOrg } from "../lib/org-context.tsx";
import { useSession } from "../lib/session.ts";
import { leadershipPageModule, myHomePageModule } from "./home-pages.ts";

/**
 * /o/:org: the leadership home for owners, admins and team leads (OKR health per team, the
 * KPI strip, what needs them); everyone else lands on their personal home (what they owe,
 * their KRs and KPIs). Teams and cycles have their own pages. The same choice is made by
 * the route's loader (homeLoader), which loads that page and its data before it renders.
 */
export function OrgHomePage() {
  const { slug, isAdmin } = useOrg();
  const session = useSession();
  const tree = useTeamTree(slug);
  const userId = session.data?.user.id;
  if (isAdmin) return <Home load={leadershipPageModule} />;
  if (tree.isPending || session.isPending) return <TableSkeleton rows={8} />;
  if (userId && leadsAnyTeam(tree.data?.roots ?? [], userId)) return <Home load={leadershipPageModule} />;
  return <Home load={myHomePageModule} />;
}

function Home({ load }: { load: typeof leadershipPageModule }) {
  return (
    <Suspense fallback={<TableSkeleton rows={8} />}>
      <Loaded load={load} />
    </Suspense>
  );
}

function Loaded({ load }: { load: typeof leadershipPageModule }) {
  const Page = use(load());
  return <Page />;
}
