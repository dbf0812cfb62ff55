import { Button, Group, Modal, SegmentedControl, Stack, Textarea } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { FormError } from "../../components/form-error.tsx";
import { notify } from "../../lib/notify.ts";
import { type Escalation, useAddEscalationEntry, useResolveEscalation } from "./escalations-api.ts";

/** A note (what is known) or an action (what will be done), added to the timeline. */
export function EntryForm({ slug, escalation }: { slug: string; escalation: Escalation }) {
  const add = useAddEscalationEntry(slug);
  const [kind, setKind] = useState<"note" | "action">("note");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    if (!text.trim()) {
      setError(kind === "action" ? "Say what will be done, by whom and by when." : "Write the note first.");
      return;
    }
    add.mutate(
      { id: escalation.id, kind, text: text.trim() },
      {
        onSuccess: () => {
          setText("");
          setError(null);
          notify(kind === "action" ? "Action added." : "Note added.");
        },
        onError: (err) => setError(err.message),
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap={6} mt="md" pt="sm" style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
        <SegmentedControl
          size="xs"
          aria-label="Kind of entry"
          value={kind}
          onChange={(v) => setKind(v as "note" | "action")}
          data={[
            { value: "note", label: "Note" },
            { value: "action", label: "Action" },
          ]}
          w={180}
        />
        <Textarea
          aria-label={kind === "action" ? "Action" : "Note"}
          placeholder={
            kind === "action"
              ? "What will be done, by whom, by when (e.g. Add a second shift at Hub Rotterdam until the backlog clears)"
              : "What is known: the cause, who was told"
          }
          autosize
          minRows={2}
          maxRows={6}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) onSubmit(e);
          }}
        />
        <Group justify="flex-end">
          <Button type="submit" size="xs" variant="default" loading={add.isPending}>
            {kind === "action" ? "Add action" : "Add note"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Resolving needs a resolution: what was done, so the next person learns from it. */
export function ResolveModal({
  slug,
  escalation,
  onClose,
}: {
  slug: string;
  escalation: Escalation | null;
  onClose: () => void;
}) {
  const resolve = useResolveEscalation(slug);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  // A refusal from the last attempt (someone resolved it first) must not greet the next one.
  const close = () => {
    resolve.reset();
    setError(null);
    onClose();
  };
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    if (!escalation) return;
    if (!text.trim()) {
      setError("Say how it was resolved.");
      return;
    }
    resolve.mutate(
      { id: escalation.id, version: escalation.version, resolution: text.trim() },
      {
        onSuccess: () => {
          notify("Resolved. If the KPI turns red or falls through a floor again, a new escalation opens.");
          setText("");
          close();
        },
      },
    );
  };
  return (
    <Modal opened={escalation !== null} onClose={close} title="Resolve the escalation" size="md">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Textarea
            label="Resolution"
            description="What was done, and why the KPI is expected to hold now"
            autosize
            minRows={3}
            maxRows={8}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            data-autofocus
          />
          <FormError error={resolve.error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="green" loading={resolve.isPending}>
              Resolve
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
