import { ActionIcon, Badge, Box, Group, Text, Tooltip } from "@mantine/core";
import { IconArchive, IconChevronDown, IconChevronRight, IconCrown, IconUser } from "@tabler/icons-react";
import type { KeyboardEvent, ReactNode } from "react";
import type { TeamNode } from "../../lib/types.ts";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { methodologyLabels } from "./teams-api.ts";

type Props = {
  roots: TeamNode[];
  expanded: Set<string>;
  onToggle: (id: string) => void;
  onOpen?: (team: TeamNode) => void;
  actions?: (team: TeamNode) => ReactNode;
  /** Show lead and methodology columns (hidden on the compact overview). */
  detailed?: boolean;
};

type Row = { team: TeamNode; depth: number };

function visibleRows(roots: TeamNode[], expanded: Set<string>): Row[] {
  const rows: Row[] = [];
  const walk = (nodes: TeamNode[], depth: number) => {
    for (const team of nodes) {
      rows.push({ team, depth });
      if (expanded.has(team.id)) walk(team.children, depth + 1);
    }
  };
  walk(roots, 0);
  return rows;
}

const methodologyColor = { okr: "blue", kpi: "teal", both: "violet" } as const;

/**
 * The team tree as dense rows (like an issue tracker's nested list): each row shows the
 * team's name, level, methodology, lead and member count. Arrow keys open and close.
 */
export function TeamTreeView({ roots, expanded, onToggle, onOpen, actions, detailed = true }: Props) {
  const rows = visibleRows(roots, expanded);
  const bp = useBreakpoints();

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, team: TeamNode) => {
    if (e.target !== e.currentTarget) return;
    const hasChildren = team.children.length > 0;
    if (e.key === "ArrowRight" && hasChildren && !expanded.has(team.id)) onToggle(team.id);
    else if (e.key === "ArrowLeft" && expanded.has(team.id)) onToggle(team.id);
    else if ((e.key === "Enter" || e.key === " ") && onOpen) onOpen(team);
    else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      const sibling =
        e.key === "ArrowDown" ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
      (sibling as HTMLElement | null)?.focus();
    } else return;
    e.preventDefault();
  };

  return (
    <Box role="tree" aria-label="Teams" data-testid="team-tree">
      {rows.map(({ team, depth }) => {
        const hasChildren = team.children.length > 0;
        const open = expanded.has(team.id);
        return (
          <Group
            key={team.id}
            role="treeitem"
            aria-level={depth + 1}
            aria-expanded={hasChildren ? open : undefined}
            // Named by what it shows (name, kind, lead, members), so the name holds the
            // visible text (WCAG 2.5.3); the chevron is the mouse's, the arrow keys the keyboard's.
            tabIndex={0}
            className="keel-tree-row"
            data-testid="team-node"
            data-team-id={team.id}
            gap={6}
            wrap="nowrap"
            py={5}
            pr={4}
            pl={depth * 20 + 4}
            onClick={() => onOpen?.(team)}
            onKeyDown={(e) => onKeyDown(e, team)}
            style={{
              cursor: onOpen ? "pointer" : undefined,
              borderBottom: "1px solid var(--mantine-color-default-border)",
              opacity: team.archived ? 0.7 : 1,
            }}
          >
            {hasChildren ? (
              <ActionIcon
                variant="subtle"
                color="gray"
                size={24}
                aria-hidden
                title={`${open ? "Collapse" : "Expand"} ${team.name}`}
                onClick={(e) => {
                  e.stopPropagation();
                  onToggle(team.id);
                }}
                tabIndex={-1}
              >
                {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
              </ActionIcon>
            ) : (
              <Box w={22} style={{ flexShrink: 0 }} />
            )}
            <Group gap={6} wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={500} truncate data-testid="team-name">
                {team.name}
              </Text>
              <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                {team.kind}
              </Text>
              {team.archived && (
                <Badge color="gray" leftSection={<IconArchive size={11} />}>
                  Archived
                </Badge>
              )}
            </Group>
            {detailed && bp.sm && (
              <Badge color={methodologyColor[team.methodology]} variant="light">
                {methodologyLabels[team.methodology]}
              </Badge>
            )}
            {detailed && bp.md && (
              <Group gap={4} wrap="nowrap" w={160} style={{ flexShrink: 0 }}>
                <IconCrown size={13} color="var(--mantine-color-dimmed)" aria-hidden />
                <Text size="xs" c={team.leadName ? undefined : "dimmed"} truncate>
                  {team.leadName ?? "No lead"}
                </Text>
              </Group>
            )}
            <Tooltip label={`${team.memberCount} member${team.memberCount === 1 ? "" : "s"}`}>
              <Group gap={3} wrap="nowrap" w={44} justify="flex-end" style={{ flexShrink: 0 }}>
                <IconUser size={13} color="var(--mantine-color-dimmed)" aria-hidden />
                <Text size="xs" className="keel-num" aria-label={`${team.memberCount} members`}>
                  {team.memberCount}
                </Text>
              </Group>
            </Tooltip>
            {actions && (
              <Box
                onClick={(e) => e.stopPropagation()}
                onKeyDown={(e) => e.stopPropagation()}
                style={{ flexShrink: 0 }}
              >
                {actions(team)}
              </Box>
            )}
          </Group>
        );
      })}
    </Box>
  );
}
