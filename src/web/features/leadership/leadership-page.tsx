import { Button, Card, Group, Select, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { lazy, Suspense, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { AsOfBanner, AsOfPicker, useAsOf } from "../../components/as-of-banner.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { useOrg } from "../../lib/org-context.tsx";
import { useCycles } from "../cycles/cycles-api.ts";
import { CycleSelect } from "../okrs/cycle-select.tsx";
import { OkrStatusBadge } from "../okrs/okr-status-badge.tsx";
import { TeamSelect } from "../teams/team-select.tsx";
import { useTeamTree } from "../teams/teams-api.ts";
import { useThemes } from "../themes/themes-api.ts";
import {
  type LeadershipFilters,
  type LeadershipHome,
  type LeadershipListName,
  leadershipFiltersOf,
  useLeadershipHome,
} from "./leadership-api.ts";
import { LeadershipGrid } from "./leadership-grid.tsx";
import { LeadershipKpiStrip } from "./leadership-kpi-strip.tsx";
import { LeadershipList, listTitles } from "./leadership-list.tsx";

// The form (a multi-select, zod, a modal) loads when an admin opens it, not with the page.
const HeadlineKpisModal = lazy(() =>
  import("./headline-kpis-modal.tsx").then((m) => ({ default: m.HeadlineKpisModal })),
);

const LISTS: LeadershipListName[] = ["escalations", "flags", "findings", "overdue-check-ins"];
const countOf: Record<LeadershipListName, keyof LeadershipHome["counts"]> = {
  escalations: "openEscalations",
  flags: "flaggedKeyResults",
  findings: "lintFindings",
  "overdue-check-ins": "overdueCheckIns",
};

/**
 * /o/:org/leadership (and the organisation's home for owners, admins and leads): OKR health
 * per team, the KPI strip and the counts that need a look, each opening its list. Filters
 * live in the address (?team, ?theme, ?cycle, ?list) so a view can be shared.
 */
export function LeadershipPage() {
  const { slug, org, isAdmin } = useOrg();
  const [choosing, setChoosing] = useState(false);
  const [params, setParams] = useSearchParams();
  const { asOf, todayHref, setAsOf } = useAsOf();
  const filters: LeadershipFilters = leadershipFiltersOf(params);
  const listParam = params.get("list");
  const list = LISTS.find((l) => l === listParam) ?? null;
  const set = (name: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: name !== "list" },
    );
  const home = useLeadershipHome(slug, filters);
  const tree = useTeamTree(slug);
  const cycles = useCycles(slug, "", 200);
  const themes = useThemes(slug, "");
  const data = home.data;
  const linkTo = (l: LeadershipListName) => {
    const next = new URLSearchParams(params);
    next.set("list", l);
    return `?${next.toString()}`;
  };

  return (
    <>
      <PageHeader
        title={`${org.name}: leadership`}
        description="OKR health per team, the KPIs that matter and what needs a look, for the teams you lead."
        actions={
          <Group gap="xs" wrap="wrap">
            <TeamSelect
              ariaLabel="Team subtree"
              roots={tree.data?.roots ?? []}
              value={filters.teamId}
              onChange={(v) => set("team", v)}
              allowTopLevel
              topLevelLabel="All my teams"
              w={200}
            />
            <Select
              aria-label="Theme"
              data={[
                { value: "", label: "All themes" },
                ...themes.items.map((t) => ({ value: t.id, label: t.name })),
              ]}
              value={filters.themeId ?? ""}
              onChange={(v) => set("theme", v || null)}
              allowDeselect={false}
              w={180}
            />
            <CycleSelect
              cycles={cycles.items}
              value={data?.cycle?.id ?? filters.cycleId}
              onChange={(v) => set("cycle", v)}
              ariaLabel="Cycle"
              w={180}
            />
            <AsOfPicker asOf={asOf} onChange={setAsOf} />
          </Group>
        }
      />
      {asOf && <AsOfBanner page="the leadership home" asOf={asOf} todayHref={todayHref} />}
      {home.isPending ? (
        <TableSkeleton rows={8} />
      ) : !data ? (
        <QueryError error={home.error} onRetry={() => void home.refetch()} what="the leadership home" />
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="leadership-counts">
            {LISTS.map((l) => (
              <Card
                key={l}
                withBorder
                padding="sm"
                component={Link}
                to={linkTo(l)}
                aria-current={list === l ? "true" : undefined}
                data-testid={`count-${l}`}
              >
                <Text size="xs" c="dimmed" fw={500}>
                  {listTitles[l]}
                </Text>
                <Text fz={22} fw={600} className="keel-num">
                  {data.counts[countOf[l]].count}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          {list && (
            <LeadershipList slug={slug} list={list} filters={filters} onClose={() => set("list", null)} />
          )}
          <section aria-labelledby="kpi-strip-title">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4" id="kpi-strip-title">
                {data.kpis.source === "chosen" ? "Headline KPIs" : "Company KPIs and red KPIs"}
              </Title>
              {isAdmin && !asOf && (
                <Button variant="subtle" size="compact-sm" onClick={() => setChoosing(true)}>
                  Choose headline KPIs
                </Button>
              )}
            </Group>
            {isAdmin && !asOf && choosing && (
              <Suspense fallback={null}>
                <HeadlineKpisModal slug={slug} opened onClose={() => setChoosing(false)} />
              </Suspense>
            )}
            {data.kpis.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                No KPI to show: the company team has no KPIs and none is red in scope. Admins can choose
                headline KPIs for everyone.
              </Text>
            ) : (
              <LeadershipKpiStrip slug={slug} kpis={data.kpis.items} />
            )}
          </section>
          <Card withBorder padding="md">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4">
                OKR health{data.cycle ? ` in ${data.cycle.name}` : ""}
              </Title>
              {data.overall && (
                <Group gap={6}>
                  <Text size="sm" c="dimmed">
                    Overall
                  </Text>
                  <OkrStatusBadge status={data.overall} />
                </Group>
              )}
            </Group>
            {!data.cycle ? (
              <Text size="sm" c="dimmed">
                No cycle is running. Pick a cycle above to see its OKR health.
              </Text>
            ) : home.isFetching && !home.isPending ? (
              <Skeleton height={4} mb={4} />
            ) : null}
            {data.cycle && (
              <LeadershipGrid
                slug={slug}
                cycleId={data.cycle.id}
                teams={data.teams}
                onFocus={(teamId) => set("team", teamId)}
              />
            )}
          </Card>
        </Stack>
      )}
    </>
  );
}
