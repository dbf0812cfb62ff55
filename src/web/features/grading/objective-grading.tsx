import { Button, Card, Group, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconClipboardCheck } from "@tabler/icons-react";
import { FormError } from "../../components/form-error.tsx";
import { notify } from "../../lib/notify.ts";
import type { Objective } from "../../lib/types.ts";
import { useFormSubmit } from "../../lib/use-form-submit.ts";
import { assertNoErrors } from "../../lib/zod-form.ts";
import { useSaveGrading } from "./grading-api.ts";
import {
  type GradingDraft,
  gradingProblems,
  gradingRequests,
  initialGrading,
  isGraded,
} from "./grading-draft.ts";
import { GradingFields } from "./grading-fields.tsx";

/**
 * Grading one Objective from its own page while its cycle is in grading. A reloaded
 * Objective (or any of its KRs) starts the grading again from what was saved.
 */
export function ObjectiveGrading({ slug, objective }: { slug: string; objective: Objective }) {
  const saved = [objective.id, objective.version, ...objective.keyResults.map((k) => k.version)].join();
  return <GradingCard key={saved} slug={slug} objective={objective} />;
}

function GradingCard({ slug, objective }: { slug: string; objective: Objective }) {
  const form = useForm<GradingDraft>({ mode: "controlled", initialValues: initialGrading(objective) });
  const save = useSaveGrading(slug);
  const { submit, pending, formError } = useFormSubmit(form, async (draft) => {
    assertNoErrors(gradingProblems(objective, draft));
    const requests = gradingRequests(objective, draft);
    if (requests.scores.length === 0 && !requests.grade) {
      notify("Nothing changed.", "info");
      return;
    }
    await save.mutateAsync({ objective, ...requests });
    notify(`Saved the grading of “${objective.title}”.`);
  });

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
        draft={form.values}
        onChange={(draft) => form.setValues(draft)}
        problems={form.errors}
        disabled={pending}
      />
      <FormError error={formError} />
      <Group justify="flex-end" mt="xs">
        <Button size="xs" onClick={() => void submit()} loading={pending}>
          Save grading
        </Button>
      </Group>
    </Card>
  );
}
