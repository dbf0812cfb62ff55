import { Button, Card, Group, Switch, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconBinaryTree, IconHierarchy2, IconSearch } from "@tabler/icons-react";
import { useEffect, useMemo, useState } from "react";
import { Link } from "react-router";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { SearchInput } from "../../components/search-input.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { CycleSelect } from "../okrs/cycle-select.tsx";
import { useAlignment } from "../okrs/okrs-api.ts";
import { useOkrScope } from "../okrs/use-okr-scope.ts";
import { TeamSelect } from "../teams/team-select.tsx";
import { AlignmentTree } from "./alignment-tree.tsx";
import { branchKeys, filterAlignment, treeCounts } from "./alignment-utils.ts";

/** /o/:org/alignment: how Objectives connect, from the company down to squads, with every KR. */
export function AlignmentPage() {
  const scope = useOkrScope({ withTeam: true, teamOptional: true });
  const { slug, cycle, team, roots } = scope;
  const alignment = useAlignment(slug, cycle?.id ?? null, team?.id ?? null);
  const [search, setSearch] = useState("");
  const [query] = useDebouncedValue(search, 150);
  const [showKeyResults, setShowKeyResults] = useState(true);
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const tree = alignment.data?.roots ?? [];
  const filtered = useMemo(() => filterAlignment(tree, query), [tree, query]);
  const counts = useMemo(() => treeCounts(tree), [tree]);

  // Open three levels when a tree arrives (another cycle or team starts fresh).
  useEffect(() => {
    if (alignment.data) setExpanded(branchKeys(alignment.data.roots, 3));
  }, [alignment.data]);
  const shown = query ? branchKeys(filtered) : (expanded ?? new Set<string>());

  const toggle = (key: string) =>
    setExpanded((prev) => {
      const next = new Set(prev ?? []);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <>
      <PageHeader
        title="Alignment"
        description="What each team's Objectives contribute to, from the company down. Aligned progress weighs the contributions below."
      />
      <Card withBorder padding={0}>
        <Group p="sm" gap="sm" wrap="wrap">
          <CycleSelect
            cycles={scope.cycles.items}
            value={cycle?.id ?? null}
            onChange={scope.setCycle}
            ariaLabel="Choose cycle"
            w={170}
          />
          <TeamSelect
            ariaLabel="Filter by team"
            roots={roots}
            value={team?.id ?? null}
            onChange={(v) => scope.setTeam(v)}
            allowTopLevel
            topLevelLabel="All teams"
            leftSection={<IconHierarchy2 size={15} />}
            w={220}
            testId="alignment-team-select"
          />
          <SearchInput
            value={search}
            onChange={setSearch}
            placeholder="Find an objective, team or key result"
            label="Search alignment"
          />
          <Group gap="md" ml="auto" wrap="wrap">
            <Group gap={4}>
              <Button size="compact-xs" variant="subtle" onClick={() => setExpanded(branchKeys(tree))}>
                Expand all
              </Button>
              <Button size="compact-xs" variant="subtle" onClick={() => setExpanded(new Set())}>
                Collapse all
              </Button>
            </Group>
            <Switch
              size="xs"
              label="Show key results"
              checked={showKeyResults}
              onChange={(e) => setShowKeyResults(e.currentTarget.checked)}
            />
          </Group>
        </Group>
        {!scope.ready || (alignment.isPending && cycle) ? (
          <div style={{ padding: 12 }}>
            <TableSkeleton rows={8} />
          </div>
        ) : alignment.isError ? (
          <div style={{ padding: 12 }}>
            <QueryError
              error={alignment.error}
              onRetry={() => void alignment.refetch()}
              what="the alignment"
            />
          </div>
        ) : !cycle ? (
          <EmptyState icon={<IconBinaryTree size={24} />} title="No cycles yet">
            Alignment connects the Objectives of one cycle. An admin creates cycles first.
          </EmptyState>
        ) : tree.length === 0 ? (
          <EmptyState
            icon={<IconBinaryTree size={24} />}
            title={
              team ? `No Objectives for ${team.name} in ${cycle.name}` : `No Objectives in ${cycle.name} yet`
            }
            action={
              <Button component={Link} to={`/o/${slug}/okrs?cycle=${cycle.id}`} variant="default">
                Go to OKRs
              </Button>
            }
          >
            Start with the company's Objectives; teams then align theirs with “Align”, giving each a weight,
            so progress rolls up without counting twice.
          </EmptyState>
        ) : filtered.length === 0 ? (
          <EmptyState icon={<IconSearch size={24} />} title={`Nothing matches “${query}”`}>
            Search looks at Objective titles, teams, owners and key results.
          </EmptyState>
        ) : (
          <AlignmentTree
            slug={slug}
            nodes={filtered}
            expanded={shown}
            onToggle={toggle}
            showKeyResults={showKeyResults}
          />
        )}
      </Card>
      {tree.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {counts.objectives} objectives and {counts.keyResults} key results. An Objective that contributes to
          two parents shows under both.
        </Text>
      )}
    </>
  );
}
