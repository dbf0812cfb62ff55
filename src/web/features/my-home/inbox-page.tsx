import { Anchor, Card } from "@mantine/core";
import { Link } from "react-router";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { useOrg } from "../../lib/org-context.tsx";
import { InboxList } from "./inbox-list.tsx";
import { useMyInbox } from "./my-home-api.ts";

/** /o/:org/inbox: everything I owe, where the navigation's one count leads. */
export function InboxPage() {
  const { slug } = useOrg();
  const inbox = useMyInbox(slug);
  return (
    <>
      <PageHeader
        title="Inbox"
        description="What you owe, in one list. Each item links to where it is done and leaves once it is."
        actions={
          <Anchor component={Link} to={`/o/${slug}/my`} size="sm">
            My key results and KPIs
          </Anchor>
        }
      />
      {inbox.isPending ? (
        <Card withBorder>
          <TableSkeleton rows={4} />
        </Card>
      ) : inbox.isError ? (
        <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} what="your inbox" />
      ) : (
        <InboxList slug={slug} inbox={inbox.data} />
      )}
    </>
  );
}
