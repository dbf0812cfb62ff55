import { ActionIcon, Button, Group, Menu } from "@mantine/core";
import { IconClipboardCheck, IconDots, IconPencil } from "@tabler/icons-react";
import { Link } from "react-router";
import { allowedNextStates } from "../../../domain/cycle-states.ts";
import type { Cycle, CycleState } from "../../lib/types.ts";
import { transitionLabel } from "./cycles-api.ts";

/** A cycle's row actions: its usual next step as a button, the rest in a menu. */
export function CycleActions({
  cycle,
  onEdit,
  onMove,
}: {
  cycle: Cycle;
  onEdit: () => void;
  onMove: (to: CycleState) => void;
}) {
  // The usual next step is a button; stepping back (and reopening) sits in the menu. A
  // running cycle ends through the close wizard (grading, report, close, roll-over).
  const [forward, ...others] = allowedNextStates(cycle.state);
  const ending = cycle.state === "active" || cycle.state === "grading";
  const primary = cycle.state === "closed" || ending ? undefined : forward;
  const more = primary ? others : allowedNextStates(cycle.state);
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {ending && (
        <Button
          size="compact-xs"
          variant="light"
          component={Link}
          to={`${cycle.id}/close`}
          leftSection={<IconClipboardCheck size={13} />}
        >
          Grade and close
        </Button>
      )}
      {primary && (
        <Button size="compact-xs" variant="light" onClick={() => onMove(primary)}>
          {transitionLabel(cycle.state, primary)}
        </Button>
      )}
      <Menu position="bottom-end" shadow="md" width={200}>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`More actions for ${cycle.name}`}>
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {cycle.state === "closed" && (
            <Menu.Item
              component={Link}
              to={`${cycle.id}/close`}
              leftSection={<IconClipboardCheck size={14} />}
            >
              Report and roll-over
            </Menu.Item>
          )}
          <Menu.Item
            leftSection={<IconPencil size={14} />}
            onClick={onEdit}
            disabled={cycle.state === "closed"}
          >
            Rename or re-date
          </Menu.Item>
          {more.map((to) => (
            <Menu.Item key={to} onClick={() => onMove(to)}>
              {transitionLabel(cycle.state, to)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
