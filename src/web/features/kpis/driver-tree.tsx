import { Anchor, Group, Text } from "@mantine/core";
import { Link } from "react-router";
import { formatKpiValue } from "../../../shared/kpi-format.ts";
import type { KpiDriverEdge, KpiDriverNode } from "./kpi-drivers-api.ts";
import { KpiStatusBadge } from "./kpi-status.tsx";

/** Which way a branch grows: a KPI's drivers below it, or the KPIs it drives. */
export type DriverDirection = "drivers" | "driven";

/** Neighbours of each KPI one way, in the order the driven KPI lists its drivers. */
export function neighbours(edges: readonly KpiDriverEdge[], direction: DriverDirection) {
  const out = new Map<string, string[]>();
  const sorted = [...edges].sort((a, b) => a.position - b.position);
  for (const e of sorted) {
    const [from, to] = direction === "drivers" ? [e.kpiId, e.driverKpiId] : [e.driverKpiId, e.kpiId];
    const list = out.get(from);
    if (list) list.push(to);
    else out.set(from, [to]);
  }
  return out;
}

type NodeRowProps = { slug: string; node: KpiDriverNode; isRoot?: boolean; emphasise?: boolean };

/** One KPI of a tree: its name (a link to its page), team, status word and value. */
export function DriverNodeRow({ slug, node, isRoot = false, emphasise = false }: NodeRowProps) {
  return (
    <Group gap={8} wrap="nowrap" py={3} data-testid="driver-node" data-key={node.key}>
      <KpiStatusBadge status={node.status} />
      <div style={{ flex: 1, minWidth: 0 }}>
        {isRoot ? (
          <Text size="sm" fw={600} truncate>
            {node.name}
          </Text>
        ) : (
          <Anchor
            component={Link}
            to={`/o/${slug}/kpis/${node.id}`}
            size="sm"
            fw={emphasise ? 600 : undefined}
            display="block"
            truncate
          >
            {node.name}
          </Anchor>
        )}
        <Text size="xs" c="dimmed" truncate>
          {node.teamName}
          {node.state === "archived" ? " · archived" : ""}
        </Text>
      </div>
      <Text size="sm" className="keel-num" fw={500} style={{ whiteSpace: "nowrap" }}>
        {formatKpiValue(node.value, node)}
      </Text>
    </Group>
  );
}

type BranchProps = {
  slug: string;
  id: string;
  byId: ReadonlyMap<string, KpiDriverNode>;
  next: ReadonlyMap<string, string[]>;
  /** Ids above this one: a guard, should the data ever hold a loop. */
  path: readonly string[];
  direction: DriverDirection;
  emphasised?: ReadonlySet<string>;
  isRoot?: boolean;
};

/** A KPI and, nested under it, its drivers (or what it drives), as far as the answer reaches. */
export function DriverBranch({ slug, id, byId, next, path, direction, emphasised, isRoot }: BranchProps) {
  const node = byId.get(id);
  if (!node) return null;
  const children = (next.get(id) ?? []).filter((c) => !path.includes(c) && c !== id && byId.has(c));
  return (
    <li>
      <DriverNodeRow slug={slug} node={node} isRoot={isRoot} emphasise={emphasised?.has(id)} />
      {children.length > 0 && (
        <ul
          style={{
            listStyle: "none",
            margin: 0,
            paddingLeft: 14,
            marginLeft: 6,
            borderLeft: "1px solid var(--mantine-color-default-border)",
          }}
          aria-label={direction === "drivers" ? `Drivers of ${node.name}` : `What ${node.name} drives`}
        >
          {children.map((child) => (
            <DriverBranch
              key={child}
              slug={slug}
              id={child}
              byId={byId}
              next={next}
              path={[...path, id]}
              direction={direction}
              emphasised={emphasised}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
