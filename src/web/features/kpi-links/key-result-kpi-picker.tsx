import { Group, SegmentedControl, Select } from "@mantine/core";
import type { ReactNode } from "react";
import { useActiveKpiOptions } from "./kpi-links-api.ts";

type Props = {
  slug: string;
  kpiId: string | null;
  kpiRead: "latest" | "cycle";
  error?: ReactNode;
  onChange: (patch: { kpiId?: string | null; kpiRead?: "latest" | "cycle" }) => void;
};

/**
 * In a metric KR's row of the Objective form: the KPI the KR reads (a searchable list of
 * the organisation's active KPIs) and how it reads it. A KR reading a KPI takes its value
 * from the KPI's values; nobody enters it twice.
 */
export function KeyResultKpiPicker({ slug, kpiId, kpiRead, error, onChange }: Props) {
  const options = useActiveKpiOptions(slug, true);
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Select
        label="Reads KPI"
        description="Optional: the KR's value then follows this KPI"
        placeholder="No KPI: values are checked in"
        data={options.data ?? []}
        value={kpiId}
        onChange={(v) => onChange({ kpiId: v })}
        searchable
        clearable
        nothingFoundMessage="No active KPI matches"
        error={error}
        style={{ flex: "1 1 260px" }}
      />
      {kpiId && (
        <SegmentedControl
          aria-label="How the KR reads the KPI"
          size="xs"
          value={kpiRead}
          onChange={(v) => onChange({ kpiRead: v as "latest" | "cycle" })}
          data={[
            { value: "latest", label: "Latest value" },
            { value: "cycle", label: "Over the cycle" },
          ]}
        />
      )}
    </Group>
  );
}
