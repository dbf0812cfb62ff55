import { Anchor, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconInbox } from "@tabler/icons-react";
import { Link } from "react-router";
import { INBOX_KINDS } from "../../../domain/inbox/inbox-order.ts";
import { EmptyState } from "../../components/empty-state.tsx";
import "./inbox.css";
import { formatDate, formatRelative } from "../../lib/format.ts";
import { type Inbox, type InboxItem, type InboxKind, useReadNotification } from "./my-home-api.ts";

const headings: Record<InboxKind, string> = {
  escalation: "Escalations to answer",
  check_in_due: "Check-ins due",
  value_due: "KPI values due",
  one_on_one_item: "1:1 agenda items",
  lint_finding: "Findings on my drafts",
  notification: "Notifications",
};

/** What a group's link does, said once under its heading. */
const hints: Record<InboxKind, string> = {
  escalation: "Acknowledge or resolve them; they leave once someone has.",
  check_in_due: "No check-in yet this week; they leave when you check in.",
  value_due: "The period that ended has no value; they leave when you enter it.",
  one_on_one_item: "Open items of your next 1:1s; they leave when ticked.",
  lint_finding: "Warnings on drafts you own; they leave when fixed or dismissed.",
  notification: "Unread; they leave once read.",
};

/** The inbox grouped by kind, each item linking to where it is done. */
export function InboxList({
  slug,
  inbox,
  headingOrder = 2,
}: {
  slug: string;
  inbox: Inbox;
  headingOrder?: 2 | 3;
}) {
  if (inbox.total === 0) {
    return (
      <Card withBorder>
        <EmptyState icon={<IconInbox size={24} />} title="Nothing owed — nice.">
          Check-ins due, KPI values due, escalations sent to you, 1:1 items, findings on your drafts and
          unread notifications land here, and leave when they are done.
        </EmptyState>
      </Card>
    );
  }
  return (
    <Stack gap="sm" data-testid="inbox">
      {INBOX_KINDS.filter((kind) => inbox.counts[kind] > 0).map((kind) => (
        <Card key={kind} withBorder padding={0} component="section" aria-labelledby={`inbox-${kind}`}>
          <Group px="md" pt="sm" gap="xs" justify="space-between">
            <Title order={headingOrder} id={`inbox-${kind}`}>
              {headings[kind]} <span className="keel-num">({inbox.counts[kind]})</span>
            </Title>
            <Text size="xs" c="dimmed">
              {hints[kind]}
            </Text>
          </Group>
          <ul className="keel-inbox-list" data-testid={`inbox-group-${kind}`}>
            {inbox.items
              .filter((item) => item.kind === kind)
              .map((item) => (
                <InboxRow key={item.key} slug={slug} item={item} />
              ))}
          </ul>
        </Card>
      ))}
    </Stack>
  );
}

function InboxRow({ slug, item }: { slug: string; item: InboxItem }) {
  const read = useReadNotification(slug);
  const isNotice = item.kind === "notification";
  const markRead = () => {
    if (isNotice) read.mutate(item.subjectId);
  };
  return (
    <li className="keel-inbox-row" data-testid="inbox-item" data-kind={item.kind}>
      <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
        <Anchor component={Link} to={item.link} size="sm" fw={500} onClick={markRead}>
          {item.title}
        </Anchor>
        {item.detail && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {item.detail}
          </Text>
        )}
      </Stack>
      <Group gap="xs" wrap="nowrap">
        <When item={item} />
        {isNotice && (
          <Button size="compact-xs" variant="default" onClick={markRead} loading={read.isPending}>
            Mark read
          </Button>
        )}
      </Group>
    </li>
  );
}

/** The due date (red and worded when overdue), else how long ago it landed. */
function When({ item }: { item: InboxItem }) {
  if (item.dueOn) {
    return (
      <Text size="xs" c={item.overdue ? "red" : "dimmed"} fw={item.overdue ? 600 : 400} className="keel-num">
        {item.overdue ? "Overdue · " : "Due "}
        {formatDate(item.dueOn)}
      </Text>
    );
  }
  if (item.since) {
    return (
      <Text size="xs" c="dimmed">
        {formatRelative(item.since)}
      </Text>
    );
  }
  return null;
}
