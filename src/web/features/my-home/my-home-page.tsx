import { Anchor, Card, Skeleton, Stack, Title } from "@mantine/core";
import { Link } from "react-router";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { useOrg } from "../../lib/org-context.tsx";
import { useSession } from "../../lib/session.ts";
import { InboxList } from "./inbox-list.tsx";
import { useMyHome, useMyInbox } from "./my-home-api.ts";
import { MyKeyResultsSection, MyKpisSection } from "./my-work-sections.tsx";

/**
 * /o/:org/my (and the organisation's home for members): what I owe first, then my KRs and
 * my KPIs. The inbox comes from the same query as the navigation's count.
 */
export function MyHomePage() {
  const { slug, org } = useOrg();
  const name = useSession().data?.user.name ?? "";
  const inbox = useMyInbox(slug);
  const home = useMyHome(slug);
  const first = name.split(" ")[0];
  return (
    <>
      <PageHeader
        title={first ? `Hello, ${first}` : "My home"}
        description={`What you owe in ${org.name}, your key results and your KPIs.`}
      />
      <Stack gap="md">
        <section aria-labelledby="my-inbox-heading">
          <Title order={2} mb="xs" id="my-inbox-heading">
            Inbox
            {inbox.data && inbox.data.total > 0 && (
              <>
                {" "}
                <span className="keel-num">({inbox.data.total})</span>
              </>
            )}
          </Title>
          {inbox.isPending ? (
            <Card withBorder>
              <Skeleton height={56} />
            </Card>
          ) : inbox.isError ? (
            <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} what="your inbox" />
          ) : (
            <InboxList slug={slug} inbox={inbox.data} headingOrder={3} />
          )}
        </section>
        {home.isPending ? (
          <Card withBorder>
            <Skeleton height={120} />
          </Card>
        ) : home.isError ? (
          <QueryError
            error={home.error}
            onRetry={() => void home.refetch()}
            what="your key results and KPIs"
          />
        ) : (
          <>
            <MyKeyResultsSection slug={slug} home={home.data} />
            <MyKpisSection slug={slug} home={home.data} />
          </>
        )}
        <Anchor component={Link} to={`/o/${slug}/okrs`} size="sm">
          See every Objective of the organisation
        </Anchor>
      </Stack>
    </>
  );
}
