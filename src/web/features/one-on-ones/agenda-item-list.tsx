import { Anchor, Badge, Blockquote, Checkbox, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { formatDateTime } from "../../lib/format.ts";
import { notify } from "../../lib/notify.ts";
import { type OneOnOneItem, useTickOneOnOneItem } from "./one-on-ones-api.ts";

const KIND_LABELS: Record<OneOnOneItem["kind"], { label: string; color: string }> = {
  risk_flag: { label: "Risk flag", color: "red" },
  overdue_check_in: { label: "Check-in overdue", color: "yellow" },
  kpi_escalation: { label: "KPI escalation", color: "red" },
  forecast_unlikely: { label: "Forecast unlikely", color: "orange" },
  added: { label: "Added", color: "gray" },
};

/** What an item says besides its title: who added it, the quoted sentence, or why there is none. */
function ItemDetails({ slug, item }: { slug: string; item: OneOnOneItem }) {
  const kind = KIND_LABELS[item.kind];
  return (
    <Stack gap={4} pl={30}>
      <Group gap="xs">
        <Badge size="sm" variant="light" color={kind.color}>
          {kind.label}
        </Badge>
        {item.addedByName && (
          <Text size="xs" c="dimmed">
            Added by {item.addedByName}
          </Text>
        )}
        {item.subject?.kind === "kpi" && (
          <Anchor component={Link} to={`/o/${slug}/kpis/${item.subject.id}`} size="xs">
            Open the KPI
          </Anchor>
        )}
        {item.done && item.doneAt && (
          <Text size="xs" c="dimmed">
            Ticked off{item.doneByName ? ` by ${item.doneByName}` : ""}, {formatDateTime(item.doneAt)}
          </Text>
        )}
      </Group>
      {item.quote && (
        <Blockquote p="xs" fz="sm" data-testid="one-on-one-quote">
          {item.quote}
        </Blockquote>
      )}
      {item.quoteWithheld && (
        <Text size="xs" c="dimmed">
          {item.quoteWithheld}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The agenda's items, each ticked off with its checkbox (Space on the focused box), and
 * read-only for a meeting that is over or for a reader who may not change it.
 */
export function AgendaItemList({
  slug,
  agendaId,
  items,
  editable,
}: {
  slug: string;
  agendaId: string;
  items: OneOnOneItem[];
  editable: boolean;
}) {
  const tick = useTickOneOnOneItem(slug);
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing on the agenda yet. Keel adds key results in trouble, overdue check-ins and escalations as they
        happen; add anything else you want to talk about.
      </Text>
    );
  }
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {items.map((item) => (
        <li key={item.id} data-testid="one-on-one-item">
          <Checkbox
            label={item.title}
            checked={item.done}
            disabled={!editable || tick.isPending}
            onChange={(e) =>
              tick.mutate(
                { agendaId, itemId: item.id, done: e.currentTarget.checked },
                { onError: (err) => notify(err.message, "error") },
              )
            }
          />
          <ItemDetails slug={slug} item={item} />
        </li>
      ))}
    </Stack>
  );
}
