import { Anchor, Badge, Breadcrumbs, Button, Code, Group, Stack, Text, Title } from "@mantine/core";
import {
  IconArchive,
  IconArrowLeft,
  IconPencil,
  IconPencilPlus,
  IconRestore,
  IconTargetArrow,
} from "@tabler/icons-react";
import { Link } from "react-router";
import { ThemeLabel } from "../themes/theme-label.tsx";
import { directionLabels, frequencyLabels } from "./kpi-format.ts";
import { KpiStatusBadge } from "./kpi-status.tsx";
import type { Kpi } from "./kpis-api.ts";

type Props = {
  slug: string;
  kpi: Kpi;
  canEnter: boolean;
  canEdit: boolean;
  canArchive: boolean;
  /** Anyone but a viewer is offered "Make it a Key Result"; the API refuses the others. */
  canPromote: boolean;
  restoring: boolean;
  onEnter: () => void;
  onEdit: () => void;
  onArchive: () => void;
  onPromote: () => void;
  onRestore: () => void;
};

/** The way back to the board, the KPI's name and badges, and what the reader may do with it. */
export function KpiDetailHeader(props: Props) {
  const { slug, kpi: k, canEnter, canEdit, canArchive, canPromote, restoring, ...on } = props;
  const archived = k.state === "archived";
  return (
    <>
      <Breadcrumbs mb="xs" separator="›" fz="sm">
        <Anchor component={Link} to={`/o/${slug}/teams/${k.teamId}/kpis`} size="sm">
          <Group gap={4} wrap="nowrap">
            <IconArrowLeft size={14} />
            KPIs
          </Group>
        </Anchor>
        <Text size="sm" c="dimmed">
          {k.teamName}
        </Text>
      </Breadcrumbs>

      <Group justify="space-between" align="flex-start" gap="sm" mb="sm" wrap="wrap">
        <Stack gap={4} style={{ flex: "1 1 320px", minWidth: 0 }}>
          <Title order={1} style={{ overflowWrap: "anywhere" }}>
            {k.name}
          </Title>
          <Group gap="xs" wrap="wrap">
            <KpiStatusBadge status={k.current.status} />
            {archived && (
              <Badge color="gray" leftSection={<IconArchive size={11} />}>
                Archived
              </Badge>
            )}
            <Code fz="xs">{k.key}</Code>
            <Text size="sm" c="dimmed">
              {directionLabels[k.direction]} · {frequencyLabels[k.frequency]}
            </Text>
            <ThemeLabel slug={slug} themeId={k.themeId} />
          </Group>
          {k.description && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
              {k.description}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {canEnter && (
            <Button leftSection={<IconPencilPlus size={16} />} onClick={on.onEnter} data-shortcut-new>
              Enter value
            </Button>
          )}
          {canPromote && (
            <Button variant="default" leftSection={<IconTargetArrow size={16} />} onClick={on.onPromote}>
              Make it a Key Result
            </Button>
          )}
          {canEdit && (
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={on.onEdit}>
              Edit
            </Button>
          )}
          {canArchive &&
            (archived ? (
              <Button
                variant="default"
                leftSection={<IconRestore size={16} />}
                loading={restoring}
                onClick={on.onRestore}
              >
                Restore
              </Button>
            ) : (
              <Button
                variant="subtle"
                color="gray"
                leftSection={<IconArchive size={16} />}
                onClick={on.onArchive}
              >
                Archive
              </Button>
            ))}
        </Group>
      </Group>
    </>
  );
}
