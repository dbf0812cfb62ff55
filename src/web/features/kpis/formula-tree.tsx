import { Anchor, Group, Skeleton, Stack, Text } from "@mantine/core";
import { IconMathFunction } from "@tabler/icons-react";
import { Link } from "react-router";
import { QueryError } from "../../components/query-error.tsx";
import { KpiStatusIcon } from "./kpi-status.tsx";
import { type KpiTreeNode, useKpiTree } from "./kpis-api.ts";

const plain = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

type NodeProps = {
  slug: string;
  node: KpiTreeNode;
  byId: Map<string, KpiTreeNode>;
  /** Ids above this node: a guard, should the API ever send a cycle. */
  path: string[];
};

function Node({ slug, node, byId, path }: NodeProps) {
  const root = path.length === 0;
  const inputs = node.inputIds
    .filter((id) => !path.includes(id) && id !== node.id)
    .map((id) => byId.get(id))
    .filter((n): n is KpiTreeNode => n !== undefined);
  return (
    <li>
      <Group gap={6} wrap="nowrap" pt={3} data-testid="tree-node" data-key={node.key}>
        <KpiStatusIcon status={node.status} size={14} />
        <div style={{ flex: 1, minWidth: 0 }}>
          {root ? (
            <Text size="sm" fw={600} truncate>
              {node.name}
            </Text>
          ) : (
            <Anchor component={Link} to={`/o/${slug}/kpis/${node.id}`} size="sm" display="block" truncate>
              {node.name}
            </Anchor>
          )}
        </div>
        <Text size="sm" className="keel-num" fw={500} style={{ whiteSpace: "nowrap" }}>
          {node.value === null ? "–" : plain.format(node.value)}
        </Text>
      </Group>
      <Group gap={4} wrap="nowrap" pl={20} pb={3} align="flex-start">
        {node.formula && <IconMathFunction size={13} color="var(--mantine-color-dimmed)" aria-hidden />}
        <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: "anywhere" }}>
          {node.formula ? `${node.key} = ${node.formula}` : node.key}
        </Text>
      </Group>
      {inputs.length > 0 && (
        <ul
          style={{
            listStyle: "none",
            margin: 0,
            paddingLeft: 14,
            marginLeft: 6,
            borderLeft: "1px solid var(--mantine-color-default-border)",
          }}
          aria-label={`Inputs of ${node.name}`}
        >
          {inputs.map((child) => (
            <Node key={child.id} slug={slug} node={child} byId={byId} path={[...path, node.id]} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The KPI's formula as a tree of the KPIs it is computed from, and the KPIs that use it. */
export function FormulaTree({ slug, kpiId }: { slug: string; kpiId: string }) {
  const tree = useKpiTree(slug, kpiId);
  if (tree.isPending) return <Skeleton height={60} />;
  if (tree.isError)
    return <QueryError error={tree.error} onRetry={() => void tree.refetch()} what="the tree" />;
  const { nodes, rootId, usedBy } = tree.data;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const root = byId.get(rootId);
  return (
    <Stack gap="xs" data-testid="formula-tree">
      {!root || root.inputIds.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not computed from other KPIs: its values are entered, imported or pulled by a connector.
        </Text>
      ) : (
        <ul style={{ listStyle: "none", margin: 0, padding: 0 }} aria-label="Formula tree">
          <Node slug={slug} node={root} byId={byId} path={[]} />
        </ul>
      )}
      {usedBy.length > 0 && (
        <Text size="xs" c="dimmed">
          Used in the formula of{" "}
          {usedBy.map((u, i) => (
            <span key={u.id}>
              {i > 0 && ", "}
              <Anchor component={Link} to={`/o/${slug}/kpis/${u.id}`} size="xs">
                {u.name}
              </Anchor>
            </span>
          ))}
          : changing its values recomputes them.
        </Text>
      )}
    </Stack>
  );
}
