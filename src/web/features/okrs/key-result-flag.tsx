import { Alert, Button, Group, Text, Textarea } from "@mantine/core";
import { IconFlag } from "@tabler/icons-react";
import { useState } from "react";
import { ResolveFlagSchema } from "../../../shared/schemas/key-result-flags.ts";
import { FormModal } from "../../components/form-modal.tsx";
import { notify } from "../../lib/notify.ts";
import type { KeyResult } from "../../lib/types.ts";
import { parseFields } from "../../lib/zod-form.ts";
import { cueLabels } from "../check-ins/blocker-cues.ts";
import { useResolveFlag } from "./key-result-flag-api.ts";

type Flag = NonNullable<KeyResult["flag"]>;

/** "Confidence fell from 7 to 3": the plain facts behind a flag. */
export function flagSummary(flag: Flag): string {
  return `Confidence fell from ${flag.confidenceBefore} to ${flag.confidenceNow} over the last check-ins, and a note mentions a blocker (${cueLabels[flag.cue]}).`;
}

/** The compact form for a KR row: one line, the quote when the reader may see it. */
export function FlagLine({ flag }: { flag: Flag }) {
  return (
    <Group gap={4} wrap="nowrap" mt={2} data-testid="key-result-flag-line">
      <IconFlag size={12} color="var(--mantine-color-orange-text)" aria-hidden />
      <Text size="xs" c="orange" truncate title={flag.quote ?? undefined}>
        {flag.quote
          ? `Needs a look: “${flag.quote}”`
          : "Needs a look: confidence falling, blocker in the notes"}
      </Text>
    </Group>
  );
}

/** The full flag on the Objective page: what Keel saw, the quote, and for those allowed, Resolve. */
export function FlagNotice({ slug, keyResultId, flag }: { slug: string; keyResultId: string; flag: Flag }) {
  const [resolving, setResolving] = useState(false);
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconFlag size={16} aria-hidden />}
      title="This Key Result needs a look"
      data-testid="key-result-flag"
    >
      <Text size="sm">{flagSummary(flag)}</Text>
      {flag.quote ? (
        <Text size="sm" fs="italic" mt={4} component="blockquote" style={{ margin: "4px 0 0" }}>
          “{flag.quote}”
        </Text>
      ) : (
        <Text size="xs" c="dimmed" mt={4}>
          The sentence is visible to the Objective's team only.
        </Text>
      )}
      <Group justify="space-between" mt={6}>
        <Text size="xs" c="dimmed">
          It clears when confidence is back at {flag.confidenceBefore}, or when the owner's manager resolves
          it.
        </Text>
        {flag.can.resolve && (
          <Button size="xs" variant="light" color="orange" onClick={() => setResolving(true)}>
            Resolve…
          </Button>
        )}
      </Group>
      <ResolveFlagModal
        slug={slug}
        keyResultId={resolving ? keyResultId : null}
        onClose={() => setResolving(false)}
      />
    </Alert>
  );
}

function ResolveFlagModal({
  slug,
  keyResultId,
  onClose,
}: {
  slug: string;
  keyResultId: string | null;
  onClose: () => void;
}) {
  const resolve = useResolveFlag(slug);
  return (
    <FormModal
      opened={keyResultId !== null}
      onClose={onClose}
      title="Resolve the flag"
      resetKey={keyResultId}
      initialValues={() => ({ note: "" })}
      onSubmit={async (values) => {
        if (!keyResultId) return;
        const body = parseFields(ResolveFlagSchema, values);
        await resolve.mutateAsync({ keyResultId, note: body.note });
        notify("Flag resolved. Your note is kept with it.");
        onClose();
      }}
      submitLabel="Resolve"
    >
      {(form) => (
        <Textarea
          label="What was done about it"
          description="Kept with the flag and in the audit log."
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps("note")}
        />
      )}
    </FormModal>
  );
}
