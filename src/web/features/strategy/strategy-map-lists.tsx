import { Button, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { OkrStatusBadge } from "../okrs/okr-status-badge.tsx";
import type { MapEdge, MapObjective, MapTheme } from "./strategy-api.ts";

type Props = {
  slug: string;
  themes: MapTheme[];
  objectives: MapObjective[];
  edges: MapEdge[];
  editable: boolean;
  onRemove: (edge: MapEdge) => void;
  removing: string | null;
};

/**
 * The map as text: every edge (cause → effect, why) and every node by theme, for screen
 * readers and keyboards, and for reading the map without the picture.
 */
export function StrategyMapLists({ slug, themes, objectives, edges, editable, onRemove, removing }: Props) {
  const nameOf = new Map<string, string>([
    ...themes.map((t) => [t.id, `Theme: ${t.name}`] as const),
    ...objectives.map((o) => [o.id, o.title] as const),
  ]);
  return (
    <>
      <Table.ScrollContainer minWidth={520}>
        <Table striped aria-label="Cause and effect edges">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Cause</Table.Th>
              <Table.Th>Effect</Table.Th>
              <Table.Th>Why</Table.Th>
              {editable && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {edges.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={editable ? 4 : 3}>
                  <Text size="sm" c="dimmed">
                    No edges yet.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {edges.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{nameOf.get(e.from.id)}</Table.Td>
                <Table.Td>{nameOf.get(e.to.id)}</Table.Td>
                <Table.Td>{e.label || "—"}</Table.Td>
                {editable && (
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      loading={removing === e.id}
                      onClick={() => onRemove(e)}
                      aria-label={`Remove ${nameOf.get(e.from.id)} → ${nameOf.get(e.to.id)}`}
                    >
                      Remove
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Table.ScrollContainer minWidth={520}>
        <Table aria-label="Themes and their strategic Objectives">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Theme</Table.Th>
              <Table.Th>Objective</Table.Th>
              <Table.Th>Team</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {themes.flatMap((t) => {
              const own = objectives.filter((o) => o.themeId === t.id);
              if (own.length === 0)
                return [
                  <Table.Tr key={t.id}>
                    <Table.Td>{t.name}</Table.Td>
                    <Table.Td colSpan={3}>
                      <Text size="sm" c="dimmed">
                        No Objectives with this theme in the cycle
                      </Text>
                    </Table.Td>
                  </Table.Tr>,
                ];
              return own.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{t.name}</Table.Td>
                  <Table.Td>
                    {o.restricted ? o.title : <Link to={`/o/${slug}/okrs/${o.id}`}>{o.title}</Link>}
                  </Table.Td>
                  <Table.Td>{o.teamName ?? "Personal"}</Table.Td>
                  <Table.Td>
                    <OkrStatusBadge status={o.status} compact />
                  </Table.Td>
                </Table.Tr>
              ));
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
