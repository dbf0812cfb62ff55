import { Anchor, Button, Group, NumberInput, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { FormError } from "../../components/form-error.tsx";
import { notify } from "../../lib/notify.ts";
import type { KeyResult, Objective } from "../../lib/types.ts";
import { useUpdateKeyResult } from "../okrs/okrs-api.ts";

/**
 * Rolled-over KRs whose last value already reached their target: as copied they would
 * run backwards, so each asks for a new target here (activation is refused until then).
 */
export function NewTargetList({ slug, objectives }: { slug: string; objectives: Objective[] }) {
  const waiting = objectives.flatMap((o) =>
    o.keyResults.filter((k) => k.needsNewTarget && !k.archived).map((k) => ({ objective: o, keyResult: k })),
  );
  if (waiting.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="new-targets">
      <Text size="sm" fw={600}>
        {waiting.length === 1 ? "One key result needs" : `${waiting.length} key results need`} a new target:
        they already reached the old one, so they cannot be activated as they are.
      </Text>
      {waiting.map(({ objective, keyResult }) => (
        <NewTargetRow key={keyResult.id} slug={slug} objective={objective} keyResult={keyResult} />
      ))}
    </Stack>
  );
}

function NewTargetRow({
  slug,
  objective,
  keyResult,
}: {
  slug: string;
  objective: Objective;
  keyResult: KeyResult;
}) {
  const [target, setTarget] = useState<number | string>("");
  const [done, setDone] = useState(false);
  const update = useUpdateKeyResult(slug);
  const unit = keyResult.unit ? ` ${keyResult.unit}` : "";
  const save = () => {
    if (typeof target !== "number") return;
    update.mutate(
      { id: keyResult.id, patch: { version: keyResult.version, targetValue: target } },
      {
        onSuccess: () => {
          setDone(true);
          notify(`New target for "${keyResult.title}" saved.`);
        },
      },
    );
  };
  return (
    <Stack gap={4}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NumberInput
          label={keyResult.title}
          description={`Starts at ${keyResult.startValue ?? "?"}${unit}; the old target was ${keyResult.targetValue ?? "?"}${unit}`}
          value={target}
          onChange={setTarget}
          disabled={done}
          w={260}
        />
        <Button
          variant="light"
          onClick={save}
          disabled={done || typeof target !== "number"}
          loading={update.isPending}
        >
          {done ? "Saved" : "Set target"}
        </Button>
        <Anchor component={Link} to={`/o/${slug}/okrs/${objective.id}`} size="sm">
          {objective.title}
        </Anchor>
      </Group>
      <FormError error={update.error} />
    </Stack>
  );
}
