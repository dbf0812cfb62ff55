import { Badge, Card, Group, SegmentedControl, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";

type Verdict = "moved" | "moved_the_wrong_way" | "no_visible_effect" | "not_enough_data";

const VERDICTS: Record<Verdict, { label: string; color: string }> = {
  moved: { label: "Moved", color: "green" },
  moved_the_wrong_way: { label: "Moved the wrong way", color: "red" },
  no_visible_effect: { label: "No visible effect", color: "gray" },
  not_enough_data: { label: "Not enough data", color: "gray" },
};

/**
 * Did the Objective move its KPIs (GET /objectives/{id}/kpi-impact)? Shown once its cycle
 * is in grading (during the cycle only: the "after" window has no data yet) or closed
 * (during and after, with the lag chosen here).
 */
export function KpiImpactSection({
  slug,
  objectiveId,
  afterToo,
}: {
  slug: string;
  objectiveId: string;
  /** The cycle is closed, so the window after it may have values. */
  afterToo: boolean;
}) {
  const [lag, setLag] = useState("1");
  const impact = useQuery({
    queryKey: [...keys.okrs(slug), "kpi-impact", objectiveId, lag],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/objectives/{id}/kpi-impact", {
        path: { org: slug, id: objectiveId },
        query: { lagCycles: Number(lag) },
        signal,
      }),
  });
  if (impact.isPending) return <Skeleton height={80} mb="md" />;
  if (impact.isError || impact.data.kpis.length === 0) return null;
  return (
    <Card withBorder padding="md" mb="md" component="section" aria-labelledby="kpi-impact-title">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={2} size="h4" id="kpi-impact-title">
            Did it move its KPIs?
          </Title>
          <Text size="xs" c="dimmed">
            Each KPI against the trend it was on before the cycle. A change at the same time is not proof of
            cause.
          </Text>
        </div>
        {afterToo && (
          <SegmentedControl
            size="xs"
            aria-label="Window after the cycle"
            value={lag}
            onChange={setLag}
            data={[
              { value: "1", label: "Next cycle" },
              { value: "2", label: "The one after" },
            ]}
          />
        )}
      </Group>
      <Stack gap="sm">
        {impact.data.kpis.map((k) => (
          <div key={k.kpiId} data-testid="kpi-impact">
            <Text fw={600} size="sm">
              {k.name}
            </Text>
            {(afterToo ? (["during", "after"] as const) : (["during"] as const)).map((w) => (
              <Group key={w} gap="xs" wrap="nowrap" align="flex-start">
                <Badge color={VERDICTS[k[w].verdict].color} variant="light" style={{ flexShrink: 0 }}>
                  {w === "during" ? "During" : "After"}: {VERDICTS[k[w].verdict].label}
                </Badge>
                <Text size="sm">{k[w].sentence}</Text>
              </Group>
            ))}
          </div>
        ))}
      </Stack>
    </Card>
  );
}
