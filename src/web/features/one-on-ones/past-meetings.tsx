import { Accordion, Badge, Group, Text, Title } from "@mantine/core";
import { formatDateTime } from "../../lib/format.ts";
import { AgendaItemList } from "./agenda-item-list.tsx";
import { useOneOnOneHistory } from "./one-on-ones-api.ts";

/** Meetings the pair held (and an agenda that ended with the pair), newest first, read-only. */
export function PastMeetings({
  slug,
  pair,
}: {
  slug: string;
  pair: { managerUserId: string; reportUserId: string };
}) {
  const history = useOneOnOneHistory(slug, pair);
  const items = history.data?.items ?? [];
  return (
    <section aria-labelledby="past-meetings-heading">
      <Title order={2} size="h4" id="past-meetings-heading" mb="xs">
        Past meetings
      </Title>
      {history.isPending ? (
        <Text size="sm" c="dimmed" role="status">
          Loading past meetings…
        </Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No meetings closed yet. When you close one with its notes, it is kept here.
        </Text>
      ) : (
        <Accordion variant="separated">
          {items.map((a) => (
            <Accordion.Item key={a.id} value={a.id}>
              <Accordion.Control>
                <Group gap="xs">
                  <Text size="sm">
                    {a.closedAt ? formatDateTime(a.closedAt) : formatDateTime(a.createdAt)}
                  </Text>
                  {a.status === "archived" && (
                    <Badge size="sm" variant="light" color="gray">
                      Ended: the manager changed
                    </Badge>
                  )}
                  {a.closedByName && (
                    <Text size="xs" c="dimmed">
                      closed by {a.closedByName}
                    </Text>
                  )}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }} mb="sm">
                  {a.notes || "No notes were written."}
                </Text>
                <AgendaItemList slug={slug} agendaId={a.id} items={a.items} editable={false} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </section>
  );
}
