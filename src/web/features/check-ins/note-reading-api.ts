import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";

/** How long typing must pause before the note is read again. */
const READ_AFTER_MS = 500;

/**
 * What Keel reads in a note as it is typed: asked once typing pauses, the last answer
 * kept on screen meanwhile, nothing asked for an empty note.
 */
export function useNoteReading(slug: string, note: string) {
  const [settled] = useDebouncedValue(note.trim(), READ_AFTER_MS);
  return useQuery({
    queryKey: [...keys.okrs(slug), "note-reading", settled],
    queryFn: ({ signal }) =>
      api.post("/api/orgs/{org}/check-in-notes/analyze", {
        path: { org: slug },
        body: { note: settled },
        signal,
      }),
    enabled: settled.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
