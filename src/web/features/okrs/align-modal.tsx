import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Tooltip,
} from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { FormError } from "../../components/form-error.tsx";
import { notify } from "../../lib/notify.ts";
import type { Cycle, Objective } from "../../lib/types.ts";
import { CycleSelect } from "./cycle-select.tsx";
import { remainingWeight, weightsTooHigh } from "./okr-format.ts";
import { useObjectives, useSetParents } from "./okrs-api.ts";

type Row = { objectiveId: string; title: string; teamName: string | null; weight: number | "" };

type Props = {
  slug: string;
  objective: Objective | null;
  cycles: Cycle[];
  onClose: () => void;
  onReload?: () => void;
};

const toWeight = (v: string | number): number | "" =>
  v === "" ? "" : Number.isFinite(Number(v)) ? Number(v) : "";

/**
 * What an Objective contributes to: parents from any team (and any cycle), each with a
 * contribution weight. A child's weights sum to at most 1, so no progress counts twice.
 */
export function AlignModal({ slug, objective, cycles, onClose, onReload }: Props) {
  const [rows, setRows] = useState<Row[]>([]);
  const [parentId, setParentId] = useState<string | null>(null);
  const [weight, setWeight] = useState<number | "">("");
  const [lookIn, setLookIn] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const setParents = useSetParents(slug);
  const candidates = useObjectives(
    slug,
    { cycleId: lookIn ?? undefined },
    objective !== null && lookIn !== null,
  );

  // Reset when opened for an Objective; not on each new version (saving bumps it while the
  // dialog is still open, and a reset then would drop the save's result).
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when opened for an Objective
  useEffect(() => {
    if (!objective) return;
    setRows(
      objective.parents.map((p) => ({
        objectiveId: p.objectiveId,
        title: p.title,
        teamName: null,
        weight: p.weight,
      })),
    );
    setParentId(null);
    setWeight("");
    setLookIn(objective.cycleId);
    setError(null);
    setParents.reset();
  }, [objective?.id]);

  const options = useMemo(() => {
    const taken = new Set([objective?.id, ...rows.map((r) => r.objectiveId)]);
    return (candidates.data?.items ?? [])
      .filter((o) => !taken.has(o.id) && !o.restricted)
      .map((o) => ({ value: o.id, label: o.title, team: o.teamName ?? "Personal" }));
  }, [candidates.data, rows, objective?.id]);
  const teamOf = new Map(options.map((o) => [o.value, o.team]));
  const teamNames = new Map((candidates.data?.items ?? []).map((o) => [o.id, o.teamName]));

  const weights = [...rows.map((r) => r.weight), parentId ? weight : ""].map((w) => (w === "" ? null : w));
  const left = remainingWeight(weights);
  const tooHigh = weightsTooHigh(weights);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!objective) return;
    const all = [...rows];
    if (parentId) {
      const option = options.find((o) => o.value === parentId);
      all.push({ objectiveId: parentId, title: option?.label ?? "", teamName: option?.team ?? null, weight });
    }
    if (all.some((r) => r.weight === "" || r.weight <= 0 || r.weight > 1)) {
      setError("Give each parent a weight above 0 and at most 1.");
      return;
    }
    if (tooHigh) {
      setError("The weights add up to more than 1: lower some, so no progress is counted twice.");
      return;
    }
    setError(null);
    setParents.mutate(
      {
        id: objective.id,
        version: objective.version,
        parents: all.map((r) => ({ objectiveId: r.objectiveId, weight: Number(r.weight) })),
      },
      {
        onSuccess: (saved) => {
          notify(
            saved.parents.length === 0
              ? `“${saved.title}” contributes to nothing now.`
              : `“${saved.title}” now contributes to ${saved.parents.map((p) => `“${p.title}”`).join(" and ")}.`,
          );
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened={objective !== null} onClose={onClose} title="Align objective" size="lg">
      {objective && (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Which Objectives does “{objective.title}” help reach? Pick them from any team. Its weight says
              how much of a parent's aligned progress it carries; all its weights together are at most 1.
            </Text>
            {rows.length > 0 && (
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
                              all.map((x) =>
                                x.objectiveId === r.objectiveId ? { ...x, weight: toWeight(v) } : x,
                              ),
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
                            onClick={() =>
                              setRows((all) => all.filter((x) => x.objectiveId !== r.objectiveId))
                            }
                          >
                            <IconTrash size={15} />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Group gap="xs" align="flex-end" wrap="wrap">
              <CycleSelect
                cycles={cycles}
                value={lookIn}
                onChange={setLookIn}
                label="Look in cycle"
                w={160}
              />
              <Select
                label="Parent objective"
                placeholder={candidates.isPending ? "Loading…" : "Search objectives"}
                data={options}
                value={parentId}
                onChange={(v) => {
                  setParentId(v);
                  if (v && weight === "") setWeight(left > 0 ? left : "");
                }}
                searchable
                clearable
                nothingFoundMessage="No objective matches"
                maxDropdownHeight={280}
                style={{ flex: "1 1 240px" }}
                renderOption={({ option }) => (
                  <Stack gap={0}>
                    <span>{option.label}</span>
                    <Text span size="xs" c="dimmed" aria-hidden="true">
                      {teamOf.get(option.value)}
                    </Text>
                  </Stack>
                )}
              />
              <NumberInput
                label="Weight"
                value={weight}
                onChange={(v) => setWeight(toWeight(v))}
                min={0}
                max={1}
                step={0.1}
                decimalScale={2}
                w={100}
              />
            </Group>
            <Text
              size="sm"
              c={tooHigh ? "red" : "dimmed"}
              className="keel-num"
              data-testid="remaining-weight"
            >
              {tooHigh
                ? "The weights add up to more than 1."
                : `Remaining: ${left.toFixed(2).replace(/0$/, "")} of 1 left to give.`}
            </Text>
            {error && (
              <Text size="sm" c="red" role="alert">
                {error}
              </Text>
            )}
            <FormError error={setParents.error} onReload={onReload} />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={setParents.isPending}>
                Save alignment
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
