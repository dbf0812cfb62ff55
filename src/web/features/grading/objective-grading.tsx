import { Button, Card, Group, Text, Title } from "@mantine/core";
import { IconClipboardCheck } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { FormError } from "../../components/form-error.tsx";
import { notify } from "../../lib/notify.ts";
import type { Objective } from "../../lib/types.ts";
import { useSaveGrading } from "./grading-api.ts";
import {
  type GradingDraft,
  gradingProblems,
  gradingRequests,
  initialGrading,
  isGraded,
} from "./grading-draft.ts";
import { GradingFields } from "./grading-fields.tsx";

/** Grading one Objective from its own page while its cycle is in grading. */
export function ObjectiveGrading({ slug, objective }: { slug: string; objective: Objective }) {
  const [draft, setDraft] = useState<GradingDraft>(() => initialGrading(objective));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useSaveGrading(slug);

  // biome-ignore lint/correctness/useExhaustiveDependencies: start again when the Objective reloads
  useEffect(() => {
    setDraft(initialGrading(objective));
    setProblems({});
  }, [objective.id, objective.version, objective.keyResults.map((k) => k.version).join()]);

  const onSave = () => {
    const found = gradingProblems(objective, draft);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const requests = gradingRequests(objective, draft);
    if (requests.scores.length === 0 && !requests.grade) {
      notify("Nothing changed.", "info");
      return;
    }
    save.mutate(
      { objective, ...requests },
      { onSuccess: () => notify(`Saved the grading of “${objective.title}”.`) },
    );
  };

  return (
    <Card withBorder padding="sm" mb="md" data-testid="objective-grading">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Group gap={6}>
          <IconClipboardCheck size={18} />
          <Title order={2}>Grading</Title>
        </Group>
        <Text size="xs" c={isGraded(objective) ? "green" : "dimmed"}>
          {isGraded(objective) ? "Graded; you can still change it until the cycle closes." : "Not graded yet"}
        </Text>
      </Group>
      <GradingFields
        objective={objective}
        draft={draft}
        onChange={setDraft}
        problems={problems}
        disabled={save.isPending}
      />
      <FormError error={save.error} />
      <Group justify="flex-end" mt="xs">
        <Button size="xs" onClick={onSave} loading={save.isPending}>
          Save grading
        </Button>
      </Group>
    </Card>
  );
}
