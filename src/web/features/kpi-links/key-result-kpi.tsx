import { Anchor, Group, Text } from "@mantine/core";
import { Link } from "react-router";
import type { KeyResult } from "../../lib/types.ts";
import { KpiStatusBadge } from "../kpis/kpi-status.tsx";

type KrKpi = NonNullable<KeyResult["kpi"]>;

function formatKpiValue(kpi: KrKpi, value: number | null): string {
  if (value === null) return "no value yet";
  const n = value.toFixed(kpi.decimals);
  return kpi.unit === "percent"
    ? `${n} %`
    : kpi.unit === "currency" && kpi.currency
      ? `${n} ${kpi.currency}`
      : n;
}

/** The bands in force, in words: what green and red mean for this KPI. */
function bandsLabel(kpi: KrKpi): string {
  const b = kpi.bandsInForce;
  if (!b) return "no bands";
  const parts = [];
  if (b.target !== null) parts.push(`target ${formatKpiValue(kpi, b.target)}`);
  if (b.greenMin !== null) parts.push(`green from ${formatKpiValue(kpi, b.greenMin)}`);
  if (b.greenMax !== null) parts.push(`green up to ${formatKpiValue(kpi, b.greenMax)}`);
  if (b.redMin !== null) parts.push(`red below ${formatKpiValue(kpi, b.redMin)}`);
  if (b.redMax !== null) parts.push(`red above ${formatKpiValue(kpi, b.redMax)}`);
  return parts.join(", ");
}

/** A KR's KPI in one line: name (linked to its page), status word and colour, value and bands. */
export function KeyResultKpi({ slug, kpi }: { slug: string; kpi: KrKpi }) {
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="xs" c="dimmed">
        Reads KPI
      </Text>
      <Anchor size="xs" component={Link} to={`/o/${slug}/kpis/${kpi.id}`}>
        {kpi.name}
      </Anchor>
      <KpiStatusBadge status={kpi.status} />
      <Text size="xs">
        {formatKpiValue(kpi, kpi.value)} ({kpi.read === "cycle" ? "over the cycle" : "latest"};{" "}
        {bandsLabel(kpi)})
      </Text>
    </Group>
  );
}

/** In the check-in dialog of a KR reading a KPI: the value comes from the KPI, shown read-only. */
export function KpiValueReadout({ slug, kpi, value }: { slug: string; kpi: KrKpi; value: number | null }) {
  return (
    <div>
      <Text size="sm" fw={500}>
        Value from the KPI: {formatKpiValue(kpi, value)}
      </Text>
      <Text size="xs" c="dimmed">
        This Key Result reads its value from the KPI; the check-in records it with your confidence and note.
      </Text>
      <KeyResultKpi slug={slug} kpi={kpi} />
    </div>
  );
}
