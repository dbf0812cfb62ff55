import { Anchor, Button, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { statusColors, statusLabels } from "../okrs/okr-format.ts";
import { OkrStatusBadge } from "../okrs/okr-status-badge.tsx";
import type { LeadershipTeamRow } from "./leadership-api.ts";

type Props = {
  slug: string;
  cycleId: string | null;
  teams: LeadershipTeamRow[];
  onFocus: (teamId: string) => void;
};

const columns = ["on_track", "at_risk", "off_track", "stale"] as const;

/**
 * Teams × status as a heat grid: each cell is a number on a tint of its status colour, and
 * the column says the word, so colour never carries the meaning alone. KPI-only teams
 * without Objectives are left out (they have no OKR health to show). A team's name opens its
 * OKRs; "Focus" narrows the home to its subtree.
 */
export function LeadershipGrid({ slug, cycleId, teams, onFocus }: Props) {
  const shown = teams.filter((t) => t.objectives > 0 || t.methodology !== "kpi");
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing={6} data-testid="leadership-grid">
        <caption className="keel-visually-hidden">OKR health per team: Objectives per status</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Team</Table.Th>
            <Table.Th scope="col">Health</Table.Th>
            {columns.map((s) => (
              <Table.Th key={s} scope="col" ta="right">
                {statusLabels[s]}
              </Table.Th>
            ))}
            <Table.Th scope="col">Progress / expected</Table.Th>
            <Table.Th scope="col">Check-ins this week</Table.Th>
            <Table.Th scope="col">
              <span className="keel-visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((t) => (
            <Table.Tr key={t.teamId} data-testid="leadership-team" data-status={t.overall ?? "none"}>
              <Table.Th scope="row" style={{ paddingLeft: 8 + t.depth * 16, fontWeight: 500 }}>
                <Anchor
                  component={Link}
                  to={`/o/${slug}/okrs?${cycleId ? `cycle=${cycleId}&` : ""}team=${t.teamId}`}
                >
                  {t.name}
                </Anchor>
              </Table.Th>
              <Table.Td>
                {t.overall ? (
                  <OkrStatusBadge status={t.overall} compact />
                ) : (
                  <Text size="xs" c="dimmed">
                    No Objectives
                  </Text>
                )}
              </Table.Td>
              {columns.map((s) => (
                <Table.Td
                  key={s}
                  ta="right"
                  className="keel-num"
                  style={
                    t.counts[s] > 0
                      ? { background: `var(--mantine-color-${statusColors[s]}-light)` }
                      : undefined
                  }
                >
                  {t.counts[s]}
                </Table.Td>
              ))}
              <Table.Td className="keel-num">{paceText(t)}</Table.Td>
              <Table.Td className="keel-num">
                {t.checkIns.expected === 0 ? "–" : `${t.checkIns.done} of ${t.checkIns.expected}`}
              </Table.Td>
              <Table.Td>
                <Button
                  variant="subtle"
                  size="compact-xs"
                  onClick={() => onFocus(t.teamId)}
                  aria-label={`Focus on ${t.name} and the teams below it`}
                >
                  Focus
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function paceText(t: LeadershipTeamRow): string {
  if (t.progress === null) return "–";
  const pct = (n: number) => `${Math.round(n * 100)} %`;
  return `${pct(t.progress)} / ${pct(t.expectedProgress ?? 0)}`;
}
