import { Anchor, Card, Group, SimpleGrid, Text } from "@mantine/core";
import { Link } from "react-router";
import { formatKpiValue, targetLabel, trendLabel } from "../kpis/kpi-format.ts";
import { KpiStatusBadge, TrendArrow } from "../kpis/kpi-status.tsx";
import { Sparkline } from "../kpis/sparkline.tsx";
import type { LeadershipKpi } from "./leadership-api.ts";

const reasons: Record<LeadershipKpi["reason"], string> = {
  headline: "Headline",
  company: "Company KPI",
  red: "Red in scope",
};

/**
 * The KPI strip: each KPI's value, target, status word and colour, a light SVG sparkline of
 * its last periods and its trend in words. No chart library: the strip is on the first page.
 */
export function LeadershipKpiStrip({ slug, kpis }: { slug: string; kpis: LeadershipKpi[] }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="sm" data-testid="kpi-strip">
      {kpis.map((k) => (
        <Card
          key={k.id}
          withBorder
          padding="sm"
          data-testid="strip-kpi"
          data-status={k.current.status ?? "none"}
        >
          <Anchor component={Link} to={`/o/${slug}/kpis/${k.id}`} fw={600} size="sm" lineClamp={1}>
            {k.name}
          </Anchor>
          <Text size="xs" c="dimmed" mb={6}>
            {k.teamName} · {reasons[k.reason]}
          </Text>
          <Group gap="xs" align="center" mb={4} wrap="nowrap">
            <Text fz={20} fw={600} className="keel-num">
              {k.current.value === null ? "–" : formatKpiValue(k.current.value, k)}
            </Text>
            <TrendArrow kpi={k} />
            <KpiStatusBadge status={k.current.status} />
          </Group>
          <Text size="xs" c="dimmed">
            {targetLabel(k)} · {trendLabel(k)}
          </Text>
          <Sparkline
            points={k.sparkline}
            status={k.current.status}
            target={k.bandsInForce?.target ?? null}
            label={`${k.name}, last periods`}
          />
        </Card>
      ))}
    </SimpleGrid>
  );
}
