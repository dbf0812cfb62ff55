import { Card, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ConfidenceCalibration } from "../../../shared/schemas/confidence-calibration.ts";
import { api } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";

/** A person's calibration (theirs, their manager's and admins' to read). */
export function usePersonCalibration(slug: string, userId: string | undefined) {
  return useQuery({
    queryKey: [...keys.okrs(slug), "calibration", "person", userId],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/people/{userId}/confidence-calibration", {
        path: { org: slug, userId: userId ?? "" },
        signal,
      }),
    enabled: Boolean(userId),
  });
}

/** A team's calibration (its leads', the leads' above and admins'). */
export function useTeamCalibration(slug: string, teamId: string | null) {
  return useQuery({
    queryKey: [...keys.okrs(slug), "calibration", "team", teamId],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/teams/{id}/confidence-calibration", {
        path: { org: slug, id: teamId ?? "" },
        signal,
      }),
    enabled: Boolean(teamId),
    retry: false,
  });
}

const pct = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)} %`);

/**
 * How well confidence in check-ins predicted final scores in closed cycles. Shown only
 * once there is at least one graded KR: before that it would be an empty promise.
 */
export function CalibrationCard({
  calibration,
  whose,
}: {
  calibration: ConfidenceCalibration | undefined;
  whose: string;
}) {
  if (!calibration || calibration.keyResults === 0) return null;
  return (
    <Card withBorder padding="md" mt="md" component="section" aria-labelledby="calibration-title">
      <Title order={2} size="h4" id="calibration-title">
        How well {whose} confidence predicted results
      </Title>
      <Text size="sm" mt={4} data-testid="calibration-summary">
        {calibration.summary}
      </Text>
      <Table mt="sm" maw={420} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Mean confidence</Table.Th>
            <Table.Th ta="right">Key results</Table.Th>
            <Table.Th ta="right">Delivered</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {calibration.bands.map((b) => (
            <Table.Tr key={b.from}>
              <Table.Td>
                {b.from}–{b.to} of 10
              </Table.Td>
              <Table.Td ta="right" className="keel-num">
                {b.keyResults}
              </Table.Td>
              <Table.Td ta="right" className="keel-num">
                {pct(b.delivered)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="xs">
        Graded key results of closed cycles; delivered means a final score of 0.7 or more.
      </Text>
    </Card>
  );
}
