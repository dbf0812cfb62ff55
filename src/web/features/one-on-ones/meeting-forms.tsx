import { Button, Group, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { notify } from "../../lib/notify.ts";
import { useAddOneOnOneItem, useCloseOneOnOne } from "./one-on-ones-api.ts";

/** Either person adds something to talk about; Enter adds it. */
export function AddItemForm({ slug, agendaId }: { slug: string; agendaId: string }) {
  const add = useAddOneOnOneItem(slug);
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    if (!title.trim()) {
      setError("Say what to talk about.");
      return;
    }
    add.mutate(
      { agendaId, title: title.trim() },
      {
        onSuccess: () => {
          setTitle("");
          setError(null);
        },
        onError: (err) => setError(err.message),
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label="Add to the agenda"
          placeholder="e.g. The on-call rota in December"
          value={title}
          maxLength={500}
          onChange={(e) => {
            setTitle(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          style={{ flex: 1 }}
        />
        <Button type="submit" variant="default" loading={add.isPending}>
          Add
        </Button>
      </Group>
    </form>
  );
}

/**
 * Closing the meeting keeps its notes and starts the next 1:1, carrying over whatever
 * nobody ticked. Ctrl/⌘+Enter in the notes closes it.
 */
export function CloseMeetingForm({ slug, agendaId, open }: { slug: string; agendaId: string; open: number }) {
  const close = useCloseOneOnOne(slug);
  const [notes, setNotes] = useState("");
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    close.mutate(
      { agendaId, notes: notes.trim() },
      {
        onSuccess: () => {
          setNotes("");
          setError(null);
          notify(
            open > 0 ? `Meeting closed; ${open} unticked item(s) moved to the next 1:1.` : "Meeting closed.",
          );
        },
        onError: (err) => setError(err.message),
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="xs">
        <Textarea
          label="Meeting notes"
          description="What you agreed and who does what next. Kept with this meeting in the history."
          autosize
          minRows={3}
          maxRows={12}
          maxLength={20000}
          value={notes}
          onChange={(e) => {
            setNotes(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) onSubmit(e);
          }}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={close.isPending}>
            Close the meeting
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
