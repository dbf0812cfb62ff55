import { Anchor, Button, Card, Group, SegmentedControl, Text } from "@mantine/core";
import { IconFileImport, IconHierarchy2, IconPencilPlus, IconPlus } from "@tabler/icons-react";
import { lazy, Suspense, useMemo, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { roleAtLeast } from "../../../domain/roles.ts";
import { AsOfBanner, useAsOf } from "../../components/as-of-banner.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { useOrg } from "../../lib/org-context.tsx";
import { useSession } from "../../lib/session.ts";
import { kpiPrefillOf } from "../okrs/lint-fix-links.ts";
import { TeamScopeSwitch, useTeamScope } from "../teams/team-scope-switch.tsx";
import { TeamSelect } from "../teams/team-select.tsx";
import { findTeam } from "../teams/team-tree-utils.ts";
import { useTeamTree } from "../teams/teams-api.ts";
import { KpiBoard } from "./kpi-board.tsx";
import { kpiDefaultTeam } from "./kpi-default-team.ts";
import { useKpiBoard } from "./kpis-api.ts";
import { TeamDriverTree } from "./team-driver-tree.tsx";

// The form (selects, number inputs, a modal) is as large as the board itself: it loads when
// someone opens it, not before the board can paint.
const KpiFormModal = lazy(() => import("./kpi-form-modal.tsx").then((m) => ({ default: m.KpiFormModal })));

/** /o/:org/teams/:teamId/kpis (and /o/:org/kpis): one team's KPI board. */
export function KpiBoardPage() {
  const { teamId: param } = useParams();
  const { slug, role, isAdmin } = useOrg();
  const userId = useSession().data?.user.id ?? null;
  const navigate = useNavigate();
  const tree = useTeamTree(slug);
  const roots = tree.data?.roots ?? [];
  const [creating, setCreating] = useState(false);
  const teamId = useMemo(() => kpiDefaultTeam(roots, param ?? null, userId), [param, roots, userId]);
  const team = teamId ? findTeam(roots, teamId) : null;
  const [scope, setScope] = useTeamScope();
  // The board as cards, or as the team's part of the organisation's driver tree.
  const [params, setParams] = useSearchParams();
  const view = params.get("view") === "drivers" ? "drivers" : "cards";
  const setView = (next: string) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === "drivers") updated.set("view", "drivers");
        else updated.delete("view");
        return updated;
      },
      { replace: true },
    );
  // A team in the address needs no tree to find it: ask for its board alongside the tree
  // instead of after it (one round trip less before the cards on a slow network).
  const { asOf, todayHref } = useAsOf();
  useKpiBoard(slug, param ?? null, scope, asOf);
  // The board's own answer says whether this reader may define the team's KPIs.
  const board = useKpiBoard(slug, teamId, scope, asOf);
  const canManage = board.data?.team.can.manageKpis ?? false;
  // Members feed values; the entry and import pages list only the KPIs they may feed. A
  // past day (?asOf) is read-only.
  const canEnter = roleAtLeast(role, "member") && !asOf;
  // Opened from a linter finding ("move to the KPI board"): the form opens filled in.
  const prefill = kpiPrefillOf(params);
  const closeForm = () => {
    setCreating(false);
    if (prefill) {
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          for (const key of ["new", "name", "unit", "target"]) updated.delete(key);
          return updated;
        },
        { replace: true },
      );
    }
  };

  return (
    <>
      <PageHeader
        title={team ? `KPIs · ${team.name}` : "KPIs"}
        description="The standing health metrics of a team: value, target, status and trend, with escalations when one turns red."
        actions={
          <>
            {canEnter && (
              <Button
                component={Link}
                to={`/o/${slug}/kpi-entry`}
                variant="default"
                leftSection={<IconPencilPlus size={16} />}
              >
                Enter values
              </Button>
            )}
            {canManage && (
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => setCreating(true)}
                data-shortcut-new
              >
                New KPI
              </Button>
            )}
          </>
        }
      />
      {asOf && <AsOfBanner page="this KPI board" asOf={asOf} todayHref={todayHref} />}
      <Card withBorder padding="sm" mb="md">
        <Group gap="sm" wrap="wrap">
          <TeamSelect
            ariaLabel="Choose team"
            roots={roots}
            value={teamId}
            onChange={(v) =>
              v &&
              navigate(`/o/${slug}/teams/${v}/kpis${scope === "team" ? "?scope=team" : ""}`, {
                replace: true,
              })
            }
            leftSection={<IconHierarchy2 size={15} />}
            w={260}
            testId="kpi-team-select"
          />
          {team && team.children.length > 0 && <TeamScopeSwitch scope={scope} onChange={setScope} />}
          <SegmentedControl
            size="xs"
            aria-label="Show the board as"
            value={view}
            onChange={setView}
            data={[
              { value: "cards", label: "Cards" },
              { value: "drivers", label: "Driver tree" },
            ]}
          />
          {team && team.methodology === "okr" && (
            <Text size="xs" c="dimmed">
              {team.name} runs OKRs only; its KPIs still show here.
            </Text>
          )}
          <Group gap="md" ml="auto">
            {team && (
              <Anchor component={Link} to={`/o/${slug}/okrs?team=${team.id}`} size="sm">
                Team page
              </Anchor>
            )}
            {canEnter && (
              <Anchor component={Link} to={`/o/${slug}/kpi-import`} size="sm">
                <Group gap={4} wrap="nowrap">
                  <IconFileImport size={15} />
                  Import CSV
                </Group>
              </Anchor>
            )}
          </Group>
        </Group>
      </Card>
      {tree.isPending ? (
        <Card withBorder>
          <TableSkeleton rows={6} />
        </Card>
      ) : tree.isError ? (
        <QueryError error={tree.error} onRetry={() => void tree.refetch()} what="the teams" />
      ) : !team ? (
        <Card withBorder>
          <EmptyState icon={<IconHierarchy2 size={24} />} title="No teams yet">
            KPIs belong to teams.{" "}
            {isAdmin ? "Create the company as the top team first." : "An admin creates teams."}
          </EmptyState>
        </Card>
      ) : view === "drivers" ? (
        <TeamDriverTree slug={slug} teamId={team.id} teamName={team.name} scope={scope} />
      ) : (
        <KpiBoard
          slug={slug}
          teamId={team.id}
          teamName={team.name}
          scope={scope}
          canManage={canManage}
          onCreate={() => setCreating(true)}
          asOf={asOf}
        />
      )}
      {(creating || (prefill && canManage)) && (
        <Suspense fallback={null}>
          <KpiFormModal
            slug={slug}
            opened
            onClose={closeForm}
            prefill={prefill}
            roots={roots}
            teamId={teamId}
            onCreated={(kpi) => {
              if (kpi.teamId !== teamId) navigate(`/o/${slug}/teams/${kpi.teamId}/kpis`);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
