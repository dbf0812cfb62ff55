import { Alert, Card, Stack, Text, Title } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useParams } from "react-router";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { useOrg } from "../../lib/org-context.tsx";
import { useSession } from "../../lib/session.ts";
import { AgendaItemList } from "./agenda-item-list.tsx";
import { AddItemForm, CloseMeetingForm } from "./meeting-forms.tsx";
import { useOneOnOne } from "./one-on-ones-api.ts";
import { PastMeetings } from "./past-meetings.tsx";

/**
 * /o/:org/one-on-ones/:managerUserId/:reportUserId: the pair's next 1:1 (tick items off,
 * add one, close the meeting with its notes) and the meetings they held.
 */
export function OneOnOnePage() {
  const { managerUserId = "", reportUserId = "" } = useParams();
  const { slug } = useOrg();
  const me = useSession().data?.user.id;
  const pair = { managerUserId, reportUserId };
  const query = useOneOnOne(slug, pair);
  if (query.isPending) return <TableSkeleton rows={5} />;
  if (query.isError) {
    return (
      <>
        <PageHeader title="1:1" />
        <QueryError error={query.error} onRetry={() => void query.refetch()} what="this 1:1" />
      </>
    );
  }
  const { manager, report, agenda, can } = query.data;
  const other = me === manager.userId ? report.name : me === report.userId ? manager.name : null;
  const open = agenda?.items.filter((i) => !i.done).length ?? 0;
  return (
    <>
      <PageHeader
        title={other ? `1:1 with ${other}` : `1:1: ${manager.name} and ${report.name}`}
        description={`${manager.name} (manager) and ${report.name}. Private to the two of you; owners and admins may read it.`}
      />
      <Stack gap="lg">
        {agenda ? (
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              Next 1:1
            </Title>
            {!can.write && (
              <Alert color="gray" icon={<IconInfoCircle size={18} />} mb="sm">
                You are reading this agenda; only {manager.name} and {report.name} change it.
              </Alert>
            )}
            <AgendaItemList slug={slug} agendaId={agenda.id} items={agenda.items} editable={can.write} />
            {can.write && (
              <Stack gap="md" mt="lg">
                <AddItemForm slug={slug} agendaId={agenda.id} />
                <CloseMeetingForm slug={slug} agendaId={agenda.id} open={open} />
              </Stack>
            )}
          </Card>
        ) : (
          <Text size="sm" c="dimmed">
            {report.name} no longer reports to {manager.name}: this pair has no next 1:1, only its history.
          </Text>
        )}
        <PastMeetings slug={slug} pair={pair} />
      </Stack>
    </>
  );
}
