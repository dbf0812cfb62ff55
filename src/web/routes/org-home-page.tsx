import { TableSkeleton } from "../components/table-skeleton.tsx";
import { LeadershipPage } from "../features/leadership/leadership-page.tsx";
import { leadsAnyTeam } from "../features/leadership/leads-any-team.ts";
import { MyHomePage } from "../features/my-home/my-home-page.tsx";
import { useTeamTree } from "../features/teams/teams-api.ts";
import { useOrg } from "../lib/org-context.tsx";
import { useSession } from "../lib/session.ts";

/**
 * /o/:org: the leadership home for owners, admins and team leads (OKR health per team, the
 * KPI strip, what needs them); everyone else lands on their personal home (what they owe,
 * their KRs and KPIs). Teams and cycles have their own pages.
 */
export function OrgHomePage() {
  const { slug, isAdmin } = useOrg();
  const session = useSession();
  const tree = useTeamTree(slug);
  const userId = session.data?.user.id;
  if (isAdmin) return <LeadershipPage />;
  if (tree.isPending || session.isPending) return <TableSkeleton rows={8} />;
  if (userId && leadsAnyTeam(tree.data?.roots ?? [], userId)) return <LeadershipPage />;
  return <MyHomePage />;
}
