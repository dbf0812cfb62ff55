import { Alert, Badge, Box, Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import { IconAlertTriangle, IconFlag } from "@tabler/icons-react";
import type { CycleReport, TeamReport } from "../../lib/types.ts";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { formatScore } from "../okrs/okr-format.ts";
import { barHeights } from "./report-utils.ts";

/** Eleven small bars (0.0 … 1.0), the stretch sweet spot 0.6–0.7 marked. */
export function DistributionBars({ team }: { team: TeamReport }) {
  const heights = barHeights(team.distribution.byTenth);
  const H = 30;
  const W = 9;
  const GAP = 2;
  const label = team.distribution.byTenth.map((n, i) => `${(i / 10).toFixed(1)}: ${n}`).join(", ");
  return (
    <svg
      width={heights.length * (W + GAP)}
      height={H + 10}
      role="img"
      aria-label={`Scores of ${team.teamName} by tenth: ${label}`}
      className="keel-chart"
      data-testid="distribution-bars"
    >
      {heights.map((h, i) => {
        const sweet = i === 6 || i === 7;
        const count = team.distribution.byTenth[i] ?? 0;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed buckets 0.0…1.0
          <g key={i}>
            <rect
              x={i * (W + GAP)}
              y={0}
              width={W}
              height={H}
              fill="var(--mantine-color-default-border)"
              opacity={0.35}
              rx={1}
            />
            <rect
              x={i * (W + GAP)}
              y={H - Math.max(count > 0 ? 2 : 0, h * H)}
              width={W}
              height={Math.max(count > 0 ? 2 : 0, h * H)}
              fill={
                sweet
                  ? "var(--mantine-color-green-filled)"
                  : i === 10
                    ? "var(--mantine-color-yellow-filled)"
                    : "var(--mantine-color-indigo-filled)"
              }
              rx={1}
            >
              <title>
                {(i / 10).toFixed(1)}: {count} key result{count === 1 ? "" : "s"}
              </title>
            </rect>
          </g>
        );
      })}
      <text x={0} y={H + 9}>
        0
      </text>
      <text x={heights.length * (W + GAP) - GAP} y={H + 9} textAnchor="end">
        1
      </text>
    </svg>
  );
}

/** The cycle's grade distribution per team, with teams at 1.0 everywhere (and sandbagging) flagged. */
export function GradeReport({ report }: { report: CycleReport }) {
  const bp = useBreakpoints();
  const perfect = report.teams.filter((t) => t.allPerfect && !t.sandbagging);
  const sandbagging = report.teams.filter((t) => t.sandbagging);
  if (report.teams.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No key results in this cycle yet, so there is nothing to report.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {sandbagging.length > 0 && (
        <Alert
          color="red"
          icon={<IconFlag size={18} />}
          title="Targets may be too low"
          data-testid="sandbagging-flag"
        >
          {sandbagging.map((t) => t.teamName).join(", ")} scored 1.0 on every key result two closed cycles
          running. Stretch goals are meant to land around 0.6–0.7; talk about raising the bar next cycle.
        </Alert>
      )}
      {perfect.length > 0 && (
        <Alert
          color="yellow"
          icon={<IconAlertTriangle size={18} />}
          title="1.0 on everything"
          data-testid="all-perfect-flag"
        >
          {perfect.map((t) => t.teamName).join(", ")} scored 1.0 on every key result this cycle. Once is fine;
          twice running suggests targets that are too safe.
        </Alert>
      )}
      <div className="keel-table-scroll">
        <Table verticalSpacing={6} data-testid="grade-report">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Team</Table.Th>
              <Table.Th>Scored</Table.Th>
              <Table.Th>Mean</Table.Th>
              {bp.xs && <Table.Th>Distribution (0.0 → 1.0)</Table.Th>}
              {bp.sm && <Table.Th>Bands</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.teams.map((t) => (
              <Table.Tr key={t.teamId ?? "personal"} data-testid="report-team">
                <Table.Td>
                  <Group gap={6} wrap="wrap">
                    <Text size="sm">{t.teamName}</Text>
                    {t.sandbagging ? (
                      <Badge color="red" leftSection={<IconFlag size={11} />}>
                        Sandbagging
                      </Badge>
                    ) : t.allPerfect ? (
                      <Badge color="yellow" leftSection={<IconAlertTriangle size={11} />}>
                        All 1.0
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td className="keel-num" fz="sm">
                  <Tooltip
                    label={
                      t.suggestedMean !== null
                        ? `Suggested mean ${formatScore(t.suggestedMean)}`
                        : "No suggestion"
                    }
                  >
                    <span>
                      {t.scored} of {t.keyResults}
                    </span>
                  </Tooltip>
                </Table.Td>
                <Table.Td className="keel-num" fz="sm">
                  {formatScore(t.distribution.mean)}
                </Table.Td>
                {bp.xs && (
                  <Table.Td>
                    <Box>
                      <DistributionBars team={t} />
                    </Box>
                  </Table.Td>
                )}
                {bp.sm && (
                  <Table.Td>
                    <Text size="xs" c="dimmed" className="keel-num">
                      {t.distribution.bands.delivered ?? 0} delivered · {t.distribution.bands.fell_short ?? 0}{" "}
                      short · {t.distribution.bands.failed ?? 0} failed
                    </Text>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Text size="xs" c="dimmed">
        Green bars: 0.6–0.7, the healthy spot for stretch goals. Missing about a third of the time is
        expected.
      </Text>
    </Stack>
  );
}
