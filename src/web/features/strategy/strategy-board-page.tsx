import { Button, SimpleGrid } from "@mantine/core";
import { IconLayoutKanban } from "@tabler/icons-react";
import { Link } from "react-router";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { useOrg } from "../../lib/org-context.tsx";
import { useCycles } from "../cycles/cycles-api.ts";
import { CycleSelect } from "../okrs/cycle-select.tsx";
import { useStrategyBoard } from "./strategy-api.ts";
import { StrategyBoardGroup } from "./strategy-board-group.tsx";
import { useStrategyCycle } from "./use-strategy-cycle.ts";

/** /o/:org/strategy: the scorecard a leadership team opens at its monthly review. */
export function StrategyBoardPage() {
  const { slug } = useOrg();
  const { cycleId, setCycle } = useStrategyCycle();
  const cycles = useCycles(slug, "", 200);
  const board = useStrategyBoard(slug, cycleId);
  const data = board.data;
  const empty = data?.groups.every((g) => g.kpis.length === 0 && g.objectives.length === 0) ?? false;
  return (
    <>
      <PageHeader
        title="Strategy board"
        description="Each strategic theme with its KPIs and its Objectives in the cycle, worst first: what a leadership review walks through."
        actions={
          <>
            <Button
              component={Link}
              to={`/o/${slug}/strategy-map${cycleId ? `?cycle=${cycleId}` : ""}`}
              variant="default"
            >
              Strategy map
            </Button>
            <CycleSelect
              cycles={cycles.items}
              value={data?.cycle?.id ?? cycleId}
              onChange={setCycle}
              ariaLabel="Choose cycle"
              w={180}
            />
          </>
        }
      />
      {board.isPending ? (
        <TableSkeleton rows={10} />
      ) : !data ? (
        <QueryError error={board.error} onRetry={() => void board.refetch()} what="the strategy board" />
      ) : empty ? (
        <EmptyState
          icon={<IconLayoutKanban size={24} />}
          title="Nothing on the board yet"
          action={
            <Button component={Link} to={`/o/${slug}/kpis`} variant="default">
              Go to KPIs
            </Button>
          }
        >
          The board shows every active KPI and the Objectives of {data.cycle?.name ?? "the cycle"} by
          strategic theme. Define KPIs and Objectives and give them a theme to see why each one matters.
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {data.groups
            .filter((g) => g.theme !== null || g.kpis.length > 0 || g.objectives.length > 0)
            .map((g) => (
              <StrategyBoardGroup key={g.theme?.id ?? "none"} slug={slug} group={g} />
            ))}
        </SimpleGrid>
      )}
    </>
  );
}
