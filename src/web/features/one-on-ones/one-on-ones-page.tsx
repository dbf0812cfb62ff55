import { Anchor, Badge, Card, Stack, Table, Text, Title } from "@mantine/core";
import { IconMessages } from "@tabler/icons-react";
import { Link } from "react-router";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { plural } from "../../lib/format.ts";
import { useOrg } from "../../lib/org-context.tsx";
import { useMyOneOnOnes } from "./one-on-ones-api.ts";

/**
 * /o/:org/one-on-ones: my 1:1s. As a manager, one agenda per report with how much is
 * still to talk about; as a report, the agenda with my manager.
 */
export function OneOnOnesPage() {
  const { slug } = useOrg();
  const mine = useMyOneOnOnes(slug);
  const header = (
    <PageHeader
      title="1:1s"
      description="Your next 1:1 with each report and with your manager: Keel lists the key results in trouble, overdue check-ins and escalations; either of you adds the rest."
    />
  );
  if (mine.isPending) return <TableSkeleton rows={4} />;
  if (mine.isError) {
    return (
      <>
        {header}
        <QueryError error={mine.error} onRetry={() => void mine.refetch()} what="your 1:1s" />
      </>
    );
  }
  const { asManager, asReport } = mine.data;
  const path = (p: { manager: { userId: string }; report: { userId: string } }) =>
    `/o/${slug}/one-on-ones/${p.manager.userId}/${p.report.userId}`;
  if (asManager.length === 0 && asReport.length === 0) {
    return (
      <>
        {header}
        <EmptyState icon={<IconMessages size={24} />} title="No 1:1s yet">
          1:1s follow who manages whom: an admin sets a person's manager in People, and both of you then find
          your agenda here.
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {header}
      <Stack gap="lg">
        {asManager.length > 0 && (
          <Card withBorder padding={0}>
            <Title order={2} size="h4" p="sm">
              Your reports
            </Title>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Report</Table.Th>
                  <Table.Th>Next 1:1</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {asManager.map((p) => (
                  <Table.Tr key={p.report.userId}>
                    <Table.Td>
                      <Anchor component={Link} to={path(p)} size="sm">
                        1:1 with {p.report.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {p.openItems > 0 ? (
                        <Badge variant="light" color="indigo">
                          {plural(p.openItems, "item")} to talk about
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {p.agendaId ? "Nothing open" : "Not opened yet"}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        )}
        {asReport.length > 0 && (
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              With your manager
            </Title>
            {asReport.map((p) => (
              <Anchor key={p.manager.userId} component={Link} to={path(p)} size="sm" display="block">
                1:1 with {p.manager.name}
                {p.openItems > 0 ? ` (${plural(p.openItems, "item")} to talk about)` : ""}
              </Anchor>
            ))}
          </Card>
        )}
      </Stack>
    </>
  );
}
