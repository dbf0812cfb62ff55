import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconGauge, IconTarget } from "@tabler/icons-react";
import { Link } from "react-router";
import { EmptyState } from "../../components/empty-state.tsx";
import { formatDate } from "../../lib/format.ts";
import { KpiCard } from "../kpis/kpi-card.tsx";
import { confidenceLabel } from "../okrs/okr-format.ts";
import { OkrProgressBar } from "../okrs/okr-progress-bar.tsx";
import { OkrStatusBadge } from "../okrs/okr-status-badge.tsx";
import type { MyHome } from "./my-home-api.ts";

/** My KRs in active cycles: status, progress, confidence and when the next check-in is due. */
export function MyKeyResultsSection({ slug, home }: { slug: string; home: MyHome }) {
  const cycles = home.cycles.map((c) => c.name).join(", ");
  return (
    <Card withBorder padding={0} component="section" aria-labelledby="my-key-results">
      <Group justify="space-between" px="md" pt="sm" pb="xs">
        <Title order={2} id="my-key-results">
          My key results
        </Title>
        {home.keyResults.length > 0 && (
          <Anchor component={Link} to={`/o/${slug}/check-ins`} size="sm">
            Check in
          </Anchor>
        )}
      </Group>
      {home.keyResults.length === 0 ? (
        <EmptyState icon={<IconTarget size={22} />} title="No key results of yours are running">
          When you own or contribute to a key result of an active Objective, it shows here with its status and
          when its next weekly check-in is due.
        </EmptyState>
      ) : (
        <>
          {cycles && (
            <Text size="xs" c="dimmed" px="md" pb={4}>
              {cycles}
            </Text>
          )}
          <ul className="keel-inbox-list">
            {home.keyResults.map(({ objective, keyResult, checkIn }) => (
              <li key={keyResult.id} className="keel-inbox-row" data-testid="my-key-result">
                <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                  <Anchor component={Link} to={`/o/${slug}/okrs/${objective.id}`} size="sm" fw={500}>
                    {keyResult.title}
                  </Anchor>
                  <Text size="xs" c="dimmed" truncate>
                    {objective.title}
                  </Text>
                </Stack>
                <Group gap="sm" wrap="nowrap">
                  <OkrStatusBadge status={keyResult.status} compact />
                  <div style={{ width: 120 }}>
                    <OkrProgressBar
                      progress={keyResult.progress}
                      status={keyResult.status}
                      label={`Progress of ${keyResult.title}`}
                    />
                  </div>
                  <Text size="xs" c="dimmed" w={110}>
                    {confidenceLabel(keyResult.lastConfidence)}
                  </Text>
                  <Text
                    size="xs"
                    w={180}
                    c={checkIn.overdue ? "red" : checkIn.due ? undefined : "dimmed"}
                    fw={checkIn.due ? 600 : 400}
                  >
                    {checkIn.overdue
                      ? "Overdue · check in by "
                      : checkIn.due
                        ? "Check in by "
                        : "Next check-in by "}
                    {formatDate(checkIn.nextDueOn)}
                  </Text>
                </Group>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

/** My KPIs as on a board, each saying when a value is owed. */
export function MyKpisSection({ slug, home }: { slug: string; home: MyHome }) {
  const owed = home.kpis.filter((k) => k.valueDue).length;
  return (
    <Card withBorder padding={0} component="section" aria-labelledby="my-kpis">
      <Group justify="space-between" px="md" pt="sm" pb="xs">
        <Title order={2} id="my-kpis">
          My KPIs
        </Title>
        {owed > 0 && (
          <Anchor component={Link} to={`/o/${slug}/kpi-entry`} size="sm">
            Enter {owed === 1 ? "the value" : `${owed} values`}
          </Anchor>
        )}
      </Group>
      {home.kpis.length === 0 ? (
        <EmptyState icon={<IconGauge size={22} />} title="You own no KPIs">
          KPIs you own show here with their latest value and status, and say when a value is due.
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" p="md" pt={0}>
          {home.kpis.map(({ kpi, valueDue }) => (
            <Stack key={kpi.id} gap={4}>
              <KpiCard slug={slug} kpi={kpi} />
              {valueDue && (
                <Text size="xs" c={valueDue.overdue ? "red" : undefined} data-testid="kpi-value-due">
                  {valueDue.periodLabel}: value {valueDue.overdue ? "overdue since" : "due by"}{" "}
                  {formatDate(valueDue.dueOn)}
                </Text>
              )}
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Card>
  );
}
