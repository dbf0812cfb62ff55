import { ActionIcon, Anchor, Badge, Box, Group, Stack, Text, Tooltip } from "@mantine/core";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { Link } from "react-router";
import type { AlignmentNode } from "../../lib/types.ts";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { HealthAlertBadge } from "../okrs/health-alert-badge.tsx";
import { currentLabel, formatProgress } from "../okrs/okr-format.ts";
import { OkrProgressBar } from "../okrs/okr-progress-bar.tsx";
import { OkrStatusBadge, OkrStatusIcon } from "../okrs/okr-status-badge.tsx";

type Props = {
  slug: string;
  nodes: AlignmentNode[];
  expanded: Set<string>;
  onToggle: (key: string) => void;
  showKeyResults: boolean;
  /** Path of the parent node; a node's key is its path, since it may sit under two parents. */
  prefix?: string;
  depth?: number;
};

/**
 * The alignment tree as nested lists: each Objective with its status, own progress
 * (and the expected tick), aligned progress from its contributors, its weight towards
 * its parent, and its Key Results inline, so nothing hides behind a click.
 */
export function AlignmentTree({
  slug,
  nodes,
  expanded,
  onToggle,
  showKeyResults,
  prefix = "",
  depth = 0,
}: Props) {
  return (
    <Box
      component="ul"
      role={depth === 0 ? "list" : undefined}
      aria-label={depth === 0 ? "Alignment" : undefined}
      data-testid={depth === 0 ? "alignment-tree" : undefined}
      style={{ listStyle: "none", margin: 0, padding: 0 }}
    >
      {nodes.map((node) => {
        const key = `${prefix}/${node.id}`;
        return (
          <AlignmentNodeItem
            key={key}
            slug={slug}
            node={node}
            nodeKey={key}
            depth={depth}
            expanded={expanded}
            onToggle={onToggle}
            showKeyResults={showKeyResults}
          />
        );
      })}
    </Box>
  );
}

function AlignmentNodeItem(
  props: Omit<Props, "nodes" | "prefix" | "depth"> & { node: AlignmentNode; nodeKey: string; depth: number },
) {
  const { slug, node, nodeKey, depth, expanded, onToggle, showKeyResults } = props;
  const bp = useBreakpoints();
  const open = expanded.has(nodeKey);
  const hasChildren = node.children.length > 0;
  // The tree carries live KRs only.
  const krs = node.keyResults;
  const title = node.restricted ? "Objective visible to its team only" : node.title;
  const indent = bp.sm ? 22 : 12;
  return (
    <Box component="li" data-testid="alignment-node" data-objective-id={node.id}>
      <Box
        className="keel-okr-row"
        py={8}
        pr="sm"
        pl={depth * indent + 6}
        style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}
      >
        <Group gap={6} wrap="nowrap" align="flex-start">
          {hasChildren ? (
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={`${open ? "Collapse" : "Expand"} ${title}`}
              aria-expanded={open}
              onClick={() => onToggle(nodeKey)}
              mt={1}
            >
              {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
            </ActionIcon>
          ) : (
            <Box w={22} style={{ flexShrink: 0 }} />
          )}
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Group gap="xs" wrap={bp.md ? "nowrap" : "wrap"} justify="space-between" align="flex-start">
              <Box style={{ minWidth: 0, flex: "1 1 260px" }}>
                <Anchor
                  component={Link}
                  to={`/o/${slug}/okrs/${node.id}`}
                  c="var(--mantine-color-text)"
                  fw={600}
                  size="sm"
                >
                  {title}
                </Anchor>
                <Group gap={6} wrap="wrap" mt={2}>
                  {node.state !== "draft" && <OkrStatusBadge status={node.status} compact />}
                  <HealthAlertBadge alert={node.healthAlert} />
                  <Text size="xs" c="dimmed">
                    {node.teamName ?? "Personal"}
                    {node.ownerName ? ` · ${node.ownerName}` : ""}
                  </Text>
                  {node.contributionWeight !== null && (
                    <Tooltip label="Its weight towards the Objective above">
                      <Badge size="xs" variant="outline" color="gray" className="keel-num">
                        weight {node.contributionWeight}
                      </Badge>
                    </Tooltip>
                  )}
                  {node.state === "draft" && (
                    <Badge size="xs" color="blue">
                      Draft
                    </Badge>
                  )}
                </Group>
              </Box>
              <Stack gap={2} w={bp.md ? 230 : "100%"} style={{ flexShrink: 0 }}>
                <OkrProgressBar
                  progress={node.progress}
                  expected={node.state === "draft" ? null : node.expectedProgress}
                  status={node.state === "draft" ? undefined : node.status}
                  size="sm"
                  label={`Progress of ${title}`}
                />
                {hasChildren && (
                  <Tooltip label="Contribution-weighted mean of the Objectives that contribute to it">
                    <Text size="xs" c="dimmed" className="keel-num" data-testid="aligned-progress">
                      Aligned progress {formatProgress(node.alignedProgress)}
                    </Text>
                  </Tooltip>
                )}
              </Stack>
            </Group>
            {showKeyResults && krs.length > 0 && (
              <Box
                component="ul"
                aria-label={`Key results of ${title}`}
                style={{ listStyle: "none", margin: 0, padding: 0 }}
              >
                {krs.map((kr) => (
                  <Group component="li" key={kr.id} gap={6} wrap="nowrap" py={2} data-testid="alignment-kr">
                    <OkrStatusIcon status={kr.status} size={13} />
                    <Text size="xs" style={{ flex: 1, minWidth: 0 }} lineClamp={bp.sm ? 1 : 2}>
                      {kr.title}
                    </Text>
                    {bp.sm && (
                      <Text size="xs" c="dimmed" className="keel-num" w={130} ta="right" truncate>
                        {currentLabel(kr)}
                      </Text>
                    )}
                    <Box w={bp.md ? 230 : 110} style={{ flexShrink: 0 }}>
                      <OkrProgressBar
                        progress={kr.progress}
                        expected={kr.kind === "milestone" ? null : node.expectedProgress}
                        status={kr.status}
                        size="xs"
                        label={`Progress of ${kr.title}`}
                      />
                    </Box>
                  </Group>
                ))}
              </Box>
            )}
          </Stack>
        </Group>
      </Box>
      {hasChildren && open && (
        <AlignmentTree
          slug={slug}
          nodes={node.children}
          expanded={expanded}
          onToggle={onToggle}
          showKeyResults={showKeyResults}
          prefix={nodeKey}
          depth={depth + 1}
        />
      )}
    </Box>
  );
}
