import { List, Text } from "@mantine/core";
import { cueLabels } from "./blocker-cues.ts";
import { useNoteReading } from "./note-reading-api.ts";

/**
 * Under the note field: what Keel read in the note so far (blockers, each with the
 * sentence that shows it), so the person sees what their manager may see flagged. Read
 * out politely to screen readers, never stealing focus.
 */
export function NoteReading({ slug, note }: { slug: string; note: string }) {
  const reading = useNoteReading(slug, note);
  const signals = note.trim() ? reading.data : undefined;
  return (
    <div aria-live="polite" data-testid="note-reading">
      {signals && <Reading signals={signals} />}
    </div>
  );
}

function Reading({ signals }: { signals: NonNullable<ReturnType<typeof useNoteReading>["data"]> }) {
  if (!signals.analysed) {
    return signals.reason === "not-english" ? (
      <Text size="xs" c="dimmed">
        Not analysed: Keel reads notes in English only, so it looks for no blockers here.
      </Text>
    ) : null;
  }
  if (signals.blockers.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        Keel reads no blockers in this note.
      </Text>
    );
  }
  return (
    <div>
      <Text size="xs" c="dimmed">
        Keel reads {signals.blockers.length === 1 ? "a blocker" : `${signals.blockers.length} blockers`} in
        this note:
      </Text>
      <List size="xs" spacing={2} mt={2}>
        {signals.blockers.slice(0, 5).map((b, i) => (
          // Sentences can repeat; their place in the note keeps them apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is the note's, in order, never reordered
          <List.Item key={i}>
            “{b.sentence}”{" "}
            <Text span size="xs" c="dimmed">
              ({cueLabels[b.cue]})
            </Text>
          </List.Item>
        ))}
      </List>
    </div>
  );
}
