import { ActionIcon, NumberInput, Table, Text, Tooltip } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import type { KeelForm } from "../../components/form-modal.tsx";
import { type AlignValues, toWeight } from "./align-values.ts";

/** The parents the Objective contributes to now: each one's weight, and a way to drop it. */
type Props = {
  form: KeelForm<AlignValues>;
  /** Team names of the Objectives in the cycle looked in: a parent found there shows its team. */
  teamNames: ReadonlyMap<string, string | null>;
};

export function AlignParentRows({ form, teamNames }: Props) {
  const rows = form.values.rows;
  if (rows.length === 0) return null;
  const setRows = (update: (rows: AlignValues["rows"]) => AlignValues["rows"]) =>
    form.setFieldValue("rows", update(form.getValues().rows));

  return (
    <Table verticalSpacing={4} withRowBorders={false} data-testid="current-parents">
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.objectiveId}>
            <Table.Td>
              <Text size="sm" fw={500} lineClamp={2}>
                {r.title}
              </Text>
              {(r.teamName ?? teamNames.get(r.objectiveId)) && (
                <Text size="xs" c="dimmed">
                  {r.teamName ?? teamNames.get(r.objectiveId)}
                </Text>
              )}
            </Table.Td>
            <Table.Td w={110}>
              <NumberInput
                aria-label={`Contribution to ${r.title}`}
                value={r.weight}
                onChange={(v) =>
                  setRows((all) =>
                    all.map((x) => (x.objectiveId === r.objectiveId ? { ...x, weight: toWeight(v) } : x)),
                  )
                }
                min={0}
                max={1}
                step={0.1}
                decimalScale={2}
                size="xs"
              />
            </Table.Td>
            <Table.Td w={36}>
              <Tooltip label="Stop contributing to it">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove link to ${r.title}`}
                  onClick={() => setRows((all) => all.filter((x) => x.objectiveId !== r.objectiveId))}
                >
                  <IconTrash size={15} />
                </ActionIcon>
              </Tooltip>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
