import { Alert, Badge, Button, Fieldset, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconPlus } from "@tabler/icons-react";
import { Fragment, type ReactNode, useState } from "react";
import type { KeelForm } from "../../components/form-modal.tsx";
import { KeyResultFields } from "./key-result-fields.tsx";
import {
  emptyKeyResult,
  type KeyResultDraft,
  keptKeyResults,
  type ObjectiveDraft,
} from "./objective-draft.ts";

const MAX_KEY_RESULTS = 20;
const legend = { legend: { fontWeight: 600, fontSize: "var(--mantine-font-size-sm)", marginBottom: 4 } };

/**
 * The Objective form's key results: one row each, added and removed here. A saved KR that
 * is removed stays in the draft, marked, so the edit can delete it.
 */
export function KeyResultsSection({
  form,
  slug,
  findingsOf,
}: {
  form: KeelForm<ObjectiveDraft>;
  slug: string;
  /** The linter's findings to show under a row (by its key). */
  findingsOf?: (key: string) => ReactNode;
}) {
  const draft = form.values;
  // The row just added takes the focus, so keyboard users can type its title at once.
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const shown = draft.keyResults.filter((k) => !k.removed);
  const counted = keptKeyResults(draft).length;

  const change = (key: string, patch: Partial<KeyResultDraft>) => {
    form.setFieldValue("keyResults", (rows) => rows.map((k) => (k.key === key ? { ...k, ...patch } : k)));
    form.setErrors((errors) => {
      const next = { ...errors };
      for (const field of Object.keys(patch)) delete next[`kr:${key}:${field}`];
      return next;
    });
  };
  const add = () => {
    const kr = emptyKeyResult(draft.ownerUserId, draft.ownerName);
    form.setFieldValue("keyResults", (rows) => [...rows, kr]);
    setFocusKey(kr.key);
  };
  const remove = (kr: KeyResultDraft) =>
    form.setFieldValue("keyResults", (rows) =>
      kr.id === null
        ? rows.filter((k) => k.key !== kr.key)
        : rows.map((k) => (k.key === kr.key ? { ...k, removed: true } : k)),
    );

  return (
    <Fieldset legend="Key results" variant="unstyled" data-testid="key-results-section" styles={legend}>
      <Stack gap="xs">
        <Group gap="xs" justify="space-between">
          <Text size="xs" c="dimmed">
            2–5 measurable results that prove the Objective was reached. A draft may be incomplete; to
            activate it, every key result needs an owner and a target.
          </Text>
          <Badge
            color={counted >= 2 && counted <= 5 ? "green" : counted > 5 ? "yellow" : "gray"}
            className="keel-num"
          >
            {counted} of 2–5
          </Badge>
        </Group>
        {shown.map((kr, i) => (
          <Fragment key={kr.key}>
            <KeyResultFields
              slug={slug}
              index={i}
              kr={kr}
              errors={form.errors}
              onChange={(patch) => change(kr.key, patch)}
              onRemove={() => remove(kr)}
              autoFocus={kr.key === focusKey}
            />
            {findingsOf?.(kr.key)}
          </Fragment>
        ))}
        {counted > 5 && (
          <Alert color="yellow" icon={<IconAlertTriangle size={16} />} p="xs">
            More than 5 key results dilute focus: keep the ones that prove the Objective, and move the rest to
            the KPI board.
          </Alert>
        )}
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={add}
            disabled={shown.length >= MAX_KEY_RESULTS}
          >
            Add key result
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
