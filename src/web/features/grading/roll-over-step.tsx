import { Anchor, Button, Checkbox, Group, Stack, Text } from "@mantine/core";
import { IconArrowForwardUp } from "@tabler/icons-react";
import { useEffect, useMemo, useState } from "react";
import { Link } from "react-router";
import { FormError } from "../../components/form-error.tsx";
import { notify } from "../../lib/notify.ts";
import type { Cycle, Objective } from "../../lib/types.ts";
import { CycleSelect } from "../okrs/cycle-select.tsx";
import { nextCycle } from "../okrs/okr-defaults.ts";
import { useObjectives } from "../okrs/okrs-api.ts";
import { useRollOver } from "./grading-api.ts";
import { NewTargetList } from "./new-target-list.tsx";

type Props = { slug: string; cycle: Cycle; cycles: Cycle[]; objectives: Objective[] };

/**
 * After closing: continue unfinished (missed) Objectives in the next cycle. Each becomes
 * a draft there, its KRs starting from their last values.
 */
export function RollOverStep({ slug, cycle, cycles, objectives }: Props) {
  const missed = useMemo(() => objectives.filter((o) => o.outcome === "missed" && !o.archived), [objectives]);
  const targets = useMemo(
    () => cycles.filter((c) => c.state === "planning" || c.state === "active"),
    [cycles],
  );
  const [target, setTarget] = useState<string | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [created, setCreated] = useState<Objective[]>([]);
  const roll = useRollOver(slug);
  // The API does not say which Objectives were rolled over already; one with the same title
  // and team in the target cycle is taken as done, so a second visit does not duplicate it.
  const inTarget = useObjectives(slug, { cycleId: target ?? undefined }, target !== null);
  const continued = useMemo(
    () => new Set((inTarget.data?.items ?? []).map((o) => `${o.teamId ?? ""}|${o.title}`)),
    [inTarget.data],
  );
  const isContinued = (o: Objective) => continued.has(`${o.teamId ?? ""}|${o.title}`);

  useEffect(() => {
    setTarget((t) => t ?? nextCycle(cycles, cycle)?.id ?? null);
  }, [cycles, cycle]);
  useEffect(() => {
    setPicked(new Set(missed.filter((o) => !continued.has(`${o.teamId ?? ""}|${o.title}`)).map((o) => o.id)));
  }, [missed, continued]);

  if (missed.length === 0 && created.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No Objective was graded as missed, so there is nothing to roll over.
      </Text>
    );
  }
  const targetCycle = targets.find((c) => c.id === target) ?? null;
  return (
    <Stack gap="sm" data-testid="roll-over">
      {created.length > 0 ? (
        <Stack gap={4}>
          <Text size="sm">
            Rolled over into {targetCycle?.name ?? "the next cycle"} as drafts; review their targets and
            activate them there:
          </Text>
          {created.map((o) => (
            <Anchor key={o.id} component={Link} to={`/o/${slug}/okrs/${o.id}`} size="sm">
              {o.title}
            </Anchor>
          ))}
          <NewTargetList slug={slug} objectives={created} />
        </Stack>
      ) : (
        <>
          <Text size="sm">
            Missed Objectives that still matter can continue next cycle: each becomes a draft there, with its
            key results starting from where they ended.
          </Text>
          <Stack gap={6}>
            {missed.map((o) => (
              <Checkbox
                key={o.id}
                label={`${o.title}${o.teamName ? ` (${o.teamName})` : ""}`}
                description={isContinued(o) ? `Already in ${targetCycle?.name ?? "that cycle"}` : undefined}
                disabled={isContinued(o)}
                checked={picked.has(o.id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setPicked((all) => {
                    const next = new Set(all);
                    if (on) next.add(o.id);
                    else next.delete(o.id);
                    return next;
                  });
                }}
              />
            ))}
          </Stack>
          {targets.length === 0 ? (
            <Text size="sm" c="dimmed">
              There is no cycle in planning or running to continue in. Create the next cycle first.
            </Text>
          ) : (
            <Group gap="sm" align="flex-end" wrap="wrap">
              <CycleSelect cycles={targets} value={target} onChange={setTarget} label="Continue in" w={200} />
              <Button
                leftSection={<IconArrowForwardUp size={16} />}
                disabled={!target || picked.size === 0}
                loading={roll.isPending}
                onClick={() =>
                  target &&
                  roll.mutate(
                    { objectiveIds: [...picked], cycleId: target },
                    {
                      onSuccess: (objectives) => {
                        setCreated(objectives);
                        notify(
                          `Rolled ${objectives.length} objective${objectives.length === 1 ? "" : "s"} into ${targetCycle?.name ?? "the next cycle"}.`,
                        );
                      },
                    },
                  )
                }
              >
                Roll over
              </Button>
            </Group>
          )}
          <FormError error={roll.error} />
        </>
      )}
    </Stack>
  );
}
