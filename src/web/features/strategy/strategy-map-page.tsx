import "./strategy-map.css";
import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconRoute } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import { ApiError } from "../../../shared/api/api-error.ts";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { notify } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import { useCycles } from "../cycles/cycles-api.ts";
import { CycleSelect } from "../okrs/cycle-select.tsx";
import { AddEdgeForm } from "./add-edge-form.tsx";
import {
  type MapEdge,
  type MapObjective,
  useAddStrategyEdge,
  useRemoveStrategyEdge,
  useStrategyMap,
} from "./strategy-api.ts";
import { StrategyMapCanvas } from "./strategy-map-canvas.tsx";
import { StrategyMapLists } from "./strategy-map-lists.tsx";
import { useStrategyCycle } from "./use-strategy-cycle.ts";

/** /o/:org/strategy-map: themes as lanes, their strategic Objectives, and cause → effect edges. */
export function StrategyMapPage() {
  const { slug } = useOrg();
  const { cycleId, setCycle } = useStrategyCycle();
  const cycles = useCycles(slug, "", 200);
  const map = useStrategyMap(slug, cycleId);
  const add = useAddStrategyEdge(slug);
  const remove = useRemoveStrategyEdge(slug);
  const [removing, setRemoving] = useState<string | null>(null);
  const data = map.data;
  const editable = data?.can.edit ?? false;
  const drawn = data ? objectivesToDraw(data.objectives, data.edges) : [];

  const removeEdge = async (edgeId: string) => {
    setRemoving(edgeId);
    try {
      await remove.mutateAsync(edgeId);
      notify("Edge removed.");
    } catch (e) {
      notify(e instanceof ApiError ? e.message : "Could not remove the edge.", "error");
    } finally {
      setRemoving(null);
    }
  };
  const connect = async (from: MapEdge["from"], to: MapEdge["to"]) => {
    try {
      await add.mutateAsync({ from, to, label: "" });
      notify("Edge added. Give it a reason in the list below if it helps.");
    } catch (e) {
      notify(e instanceof ApiError ? e.message : "Could not add the edge.", "error");
    }
  };

  return (
    <>
      <PageHeader
        title="Strategy map"
        description="Why the work matters: each theme's strategic Objectives, and what causes what, from learning & growth up to the financial results."
        actions={
          <CycleSelect
            cycles={cycles.items}
            value={data?.cycle?.id ?? cycleId}
            onChange={setCycle}
            ariaLabel="Choose cycle"
            w={180}
          />
        }
      />
      {map.isPending ? (
        <TableSkeleton rows={8} />
      ) : !data ? (
        <QueryError error={map.error} onRetry={() => void map.refetch()} what="the strategy map" />
      ) : data.themes.length === 0 ? (
        <EmptyState
          icon={<IconRoute size={24} />}
          title="No themes yet"
          action={
            editable ? (
              <Button component={Link} to={`/o/${slug}/admin/themes`} variant="default">
                Manage themes
              </Button>
            ) : undefined
          }
        >
          A strategy map starts from strategic themes (the four Balanced Scorecard perspectives, or your own).
          {editable ? " Add or restore a theme first." : " Ask an admin to add one."}
        </EmptyState>
      ) : (
        <Stack gap="md">
          <Card withBorder padding={0}>
            <StrategyMapCanvas
              themes={data.themes}
              objectives={drawn}
              edges={data.edges}
              editable={editable}
              onConnect={(from, to) => void connect(from, to)}
              onRemove={(id) => void removeEdge(id)}
            />
          </Card>
          {drawn.length < data.objectives.length && (
            <Text size="sm" c="dimmed">
              The map draws the {drawn.length} Objectives that edges connect; all {data.objectives.length}{" "}
              strategic Objectives of the cycle are in the list below and in the form.
            </Text>
          )}
          {data.edges.length === 0 && (
            <EmptyState icon={<IconRoute size={24} />} title="No cause and effect drawn yet">
              {editable
                ? "Connect what causes what: drag from the lower handle of a theme or Objective to the upper handle of what it leads to, or use the form below. Skilled people improve processes, better processes please customers, happy customers grow revenue."
                : "An admin draws what causes what here: skilled people improve processes, better processes please customers, happy customers grow revenue."}
              {data.objectives.length === 0 &&
                ` No Objective of ${data.cycle?.name ?? "this cycle"} has a theme yet: give Objectives a theme to place them on the map.`}
            </EmptyState>
          )}
          {editable && (
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                Add an edge
              </Title>
              <AddEdgeForm
                themes={data.themes}
                objectives={data.objectives}
                onAdd={(input) => add.mutateAsync(input)}
              />
              <Text size="xs" c="dimmed" mt="xs">
                On the map: select an edge and press Delete to remove it.
              </Text>
            </Card>
          )}
          <Group>
            <Title order={2} size="h4">
              The map as lists
            </Title>
          </Group>
          <StrategyMapLists
            slug={slug}
            themes={data.themes}
            objectives={data.objectives}
            edges={data.edges}
            editable={editable}
            onRemove={(edge) => void removeEdge(edge.id)}
            removing={removing}
          />
        </Stack>
      )}
    </>
  );
}

/** Beyond this many, a lane of boxes stops being readable (and slows the browser). */
const MOST_DRAWN = 120;

/** Every strategic Objective while they fit; beyond that, those that edges connect. */
function objectivesToDraw(objectives: MapObjective[], edges: MapEdge[]): MapObjective[] {
  if (objectives.length <= MOST_DRAWN) return objectives;
  const ends = new Set(edges.flatMap((e) => [e.from.id, e.to.id]));
  return objectives.filter((o) => ends.has(o.id));
}
