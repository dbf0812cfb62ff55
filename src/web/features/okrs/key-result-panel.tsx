import { Badge, Box, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text } from "@mantine/core";
import { IconChecklist } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { formatRelative } from "../../lib/format.ts";
import { useOrg } from "../../lib/org-context.tsx";
import type { CheckIn, Cycle, KeyResult } from "../../lib/types.ts";
import { CheckInChart } from "../check-ins/check-in-chart.tsx";
import { useForecast } from "../check-ins/forecast-api.ts";
import { forecastLabel } from "../check-ins/forecast-label.ts";
import { KeyResultKpi } from "../kpi-links/key-result-kpi.tsx";
import { FlagNotice } from "./key-result-flag.tsx";
import {
  confidenceLabel,
  currentLabel,
  definitionLabel,
  formatScore,
  formatValue,
  kindLabels,
} from "./okr-format.ts";
import { OkrProgressBar } from "./okr-progress-bar.tsx";
import { OkrStatusBadge } from "./okr-status-badge.tsx";

type Props = {
  kr: KeyResult;
  expected: number | null;
  cycle: Cycle | null;
  checkIns: CheckIn[] | undefined;
  /** Check-ins are possible (the cycle runs and the Objective is not archived). */
  canCheckIn: boolean;
  onCheckIn: () => void;
  /** Offered to those who may edit the Objective, for metric KRs: "Turn into a KPI…". */
  onTurnIntoKpi?: (() => void) | undefined;
};

/** One KR on the Objective page: where it stands, its pace, and its value and confidence over time. */
export function KeyResultPanel({
  kr,
  expected,
  cycle,
  checkIns,
  canCheckIn,
  onCheckIn,
  onTurnIntoKpi,
}: Props) {
  const { slug } = useOrg();
  // Only metric KRs with three check-ins get a forecast; others need not ask.
  const forecastable = kr.kind === "metric" && (checkIns?.filter((c) => c.value !== null).length ?? 0) >= 3;
  const forecast = useForecast(slug, kr.id, forecastable).data?.forecast ?? null;
  return (
    <Card withBorder padding="sm" data-testid="key-result-panel" aria-label={kr.title} component="section">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap={6}>
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <Text fw={600} size="sm" style={{ overflowWrap: "anywhere" }}>
              {kr.title}
            </Text>
            <OkrStatusBadge status={kr.status} />
          </Group>
          <Group gap={6} wrap="wrap">
            <Badge color="gray" variant="outline">
              {kindLabels[kr.kind]}
            </Badge>
            {kr.kind === "metric" && (
              <Text size="xs" c="dimmed" className="keel-num">
                {definitionLabel(kr)}
              </Text>
            )}
            {kr.commitment === "committed" && (
              <Badge color="indigo" variant="light">
                Committed
              </Badge>
            )}
          </Group>
          {kr.kpi && <KeyResultKpi slug={slug} kpi={kr.kpi} />}
          <OkrProgressBar
            progress={kr.progress}
            expected={kr.kind === "milestone" ? null : expected}
            status={kr.status}
            size="sm"
            label={`Progress of ${kr.title}`}
          />
          <SimpleGrid cols={2} spacing={4} verticalSpacing={2}>
            <Fact label="Now">
              {currentLabel(kr)}
              {kr.kind === "metric" && kr.targetValue !== null
                ? ` of ${formatValue(kr.targetValue, kr.unit)}`
                : ""}
            </Fact>
            <Fact label="Owner">{kr.ownerName ?? "No owner"}</Fact>
            <Fact label="Confidence">{confidenceLabel(kr.lastConfidence)}</Fact>
            <Fact label="Last check-in">
              {kr.lastCheckInAt ? formatRelative(kr.lastCheckInAt) : "None yet"}
            </Fact>
            {forecast && kr.finalScore === null && (
              <Fact label="Forecast">
                {forecastLabel(forecast)}: {formatValue(forecast.expected, kr.unit)}
              </Fact>
            )}
            {kr.finalScore !== null && <Fact label="Final score">{formatScore(kr.finalScore)}</Fact>}
            {kr.weight !== 1 && <Fact label="KR weight">{kr.weight}</Fact>}
          </SimpleGrid>
          {kr.scoreComment && (
            <Text size="xs" c="dimmed" fs="italic">
              “{kr.scoreComment}”
            </Text>
          )}
          {kr.flag && <FlagNotice slug={slug} keyResultId={kr.id} flag={kr.flag} />}
          {(canCheckIn || onTurnIntoKpi) && (
            <Group>
              {canCheckIn && (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconChecklist size={14} />}
                  onClick={onCheckIn}
                >
                  Check in
                </Button>
              )}
              {onTurnIntoKpi && (
                <Button size="xs" variant="subtle" onClick={onTurnIntoKpi}>
                  Turn into a KPI…
                </Button>
              )}
            </Group>
          )}
        </Stack>
        <Box>
          {checkIns === undefined ? (
            <Skeleton height={120} />
          ) : checkIns.length === 0 ? (
            <Text size="sm" c="dimmed" py="lg" ta="center">
              No check-ins yet. The first one draws the line: value and confidence, weekly.
            </Text>
          ) : (
            <CheckInChart
              kr={kr}
              checkIns={checkIns}
              cycle={cycle}
              forecast={forecastable ? forecast : null}
            />
          )}
        </Box>
      </SimpleGrid>
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" className="keel-num">
        {children}
      </Text>
    </div>
  );
}
