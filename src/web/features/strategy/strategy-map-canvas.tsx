import "@xyflow/react/dist/style.css";
import { Text } from "@mantine/core";
import {
  type Connection,
  type Edge,
  Handle,
  MarkerType,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
} from "@xyflow/react";
import { useMemo } from "react";
import { OkrStatusIcon } from "../okrs/okr-status-badge.tsx";
import type { MapEdge, MapObjective, MapTheme } from "./strategy-api.ts";
import { laneLayout, OBJECTIVE_NODE, THEME_NODE } from "./strategy-layout.ts";

type ThemeData = { theme: MapTheme };
type ObjectiveData = { objective: MapObjective };

function ThemeNode({ data }: NodeProps<Node<ThemeData>>) {
  return (
    <div className="keel-strategy-node keel-strategy-theme" style={THEME_NODE}>
      <Handle type="target" position={Position.Top} />
      <Text fw={600} size="sm" lineClamp={2}>
        {data.theme.name}
      </Text>
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}

function ObjectiveNode({ data }: NodeProps<Node<ObjectiveData>>) {
  const o = data.objective;
  return (
    <div className="keel-strategy-node" style={OBJECTIVE_NODE}>
      <Handle type="target" position={Position.Top} />
      <Text size="xs" lineClamp={2} fw={500}>
        <OkrStatusIcon status={o.status} size={13} /> {o.title}
      </Text>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {o.teamName ?? "Personal"}
      </Text>
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}

const nodeTypes = { theme: ThemeNode, objective: ObjectiveNode };

type Props = {
  themes: MapTheme[];
  objectives: MapObjective[];
  edges: MapEdge[];
  editable: boolean;
  onConnect: (
    from: { kind: "theme" | "objective"; id: string },
    to: { kind: "theme" | "objective"; id: string },
  ) => void;
  onRemove: (edgeId: string) => void;
};

/**
 * The map as a picture: lanes of themes with their Objectives, edges as arrows from cause
 * to effect. Admins drag from a node's lower handle to another node's upper one, and
 * select an edge and press Delete to remove it. Everything here is also in the lists below.
 */
export function StrategyMapCanvas({ themes, objectives, edges, editable, onConnect, onRemove }: Props) {
  const kinds = useMemo(
    () =>
      new Map<string, "theme" | "objective">([
        ...themes.map((t) => [t.id, "theme"] as const),
        ...objectives.map((o) => [o.id, "objective"] as const),
      ]),
    [themes, objectives],
  );
  const nodes = useMemo<Node[]>(() => {
    const { placed } = laneLayout(themes, objectives);
    const themeById = new Map(themes.map((t) => [t.id, t]));
    const objectiveById = new Map(objectives.map((o) => [o.id, o]));
    return placed.map((p) =>
      p.kind === "theme"
        ? { id: p.id, type: "theme", position: { x: p.x, y: p.y }, data: { theme: themeById.get(p.id)! } }
        : {
            id: p.id,
            type: "objective",
            position: { x: p.x, y: p.y },
            data: { objective: objectiveById.get(p.id)! },
          },
    );
  }, [themes, objectives]);
  const flowEdges = useMemo<Edge[]>(
    () =>
      edges.map((e) => ({
        id: e.id,
        source: e.from.id,
        target: e.to.id,
        label: e.label || undefined,
        markerEnd: { type: MarkerType.ArrowClosed },
        deletable: editable,
      })),
    [edges, editable],
  );
  const connect = (c: Connection) => {
    const fromKind = kinds.get(c.source);
    const toKind = kinds.get(c.target);
    if (fromKind && toKind) onConnect({ kind: fromKind, id: c.source }, { kind: toKind, id: c.target });
  };
  return (
    <div style={{ height: 520 }} data-testid="strategy-map-canvas">
      <ReactFlow
        nodes={nodes}
        edges={flowEdges}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={editable}
        edgesFocusable
        onConnect={connect}
        onEdgesDelete={(deleted) => {
          for (const e of deleted) onRemove(e.id);
        }}
        deleteKeyCode={editable ? ["Delete", "Backspace"] : null}
        fitView
        minZoom={0.2}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={{ "node.a11yDescription.default": "Strategy map node" }}
      />
    </div>
  );
}
