import { Group, Kbd, Modal, Stack, Table, Text } from "@mantine/core";
import type { GoTarget } from "../../lib/shortcuts.ts";

type Props = { opened: boolean; onClose: () => void; goTargets: GoTarget[] };

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

// "+" joins keys pressed together; otherwise they are pressed one after the other.
const general: Array<[string[], string]> = [
  [["/"], "Search on this page"],
  [["n"], "New item on this page (objective, team, person…)"],
  [
    [isMac ? "⌘" : "Ctrl", "+", "Enter"],
    "Save all changed rows in My check-ins and Enter KPI values (or the open check-in)",
  ],
  [["?"], "Show this list"],
  [["Esc"], "Close a dialog or clear the search"],
];

/** The `?` dialog: every shortcut, so people can learn them. */
export function ShortcutsHelp({ opened, onClose, goTargets }: Props) {
  const rows: Array<[string[], string]> = [
    ...general,
    ...goTargets.map((t): [string[], string] => [["g", t.key], `Go to ${t.label}`]),
  ];
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="sm">
      <Stack gap="xs">
        <Table verticalSpacing={4} withRowBorders={false}>
          <Table.Tbody>
            {rows.map(([keys, label]) => (
              <Table.Tr key={label}>
                <Table.Td w={110}>
                  <Group gap={4} wrap="nowrap">
                    {keys.includes("+")
                      ? keys.map((k) =>
                          k === "+" ? (
                            <Text key={k} size="xs" c="dimmed">
                              +
                            </Text>
                          ) : (
                            <Kbd key={k} size="xs">
                              {k}
                            </Kbd>
                          ),
                        )
                      : keys.map((k, i) => (
                          <Group key={k} gap={4} wrap="nowrap">
                            {i > 0 && (
                              <Text size="xs" c="dimmed">
                                then
                              </Text>
                            )}
                            <Kbd size="xs">{k}</Kbd>
                          </Group>
                        ))}
                  </Group>
                </Table.Td>
                <Table.Td>{label}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          Shortcuts are off while you type in a field.
        </Text>
      </Stack>
    </Modal>
  );
}
