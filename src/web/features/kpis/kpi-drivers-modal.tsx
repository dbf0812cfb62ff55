import { MultiSelect, Text } from "@mantine/core";
import { useMemo } from "react";
import { SetKpiDriversSchema } from "../../../shared/schemas/kpi-drivers.ts";
import { FormModal } from "../../components/form-modal.tsx";
import { notify } from "../../lib/notify.ts";
import { parseFields } from "../../lib/zod-form.ts";
import { type KpiDriverNode, useSetKpiDrivers } from "./kpi-drivers-api.ts";
import { type Kpi, useKpiList } from "./kpis-api.ts";

type Props = {
  slug: string;
  kpi: Kpi;
  /** The drivers as they are, in order (from the tree). */
  current: KpiDriverNode[];
  opened: boolean;
  onClose: () => void;
};

type Values = { driverKpiIds: string[] };

/** Picks the KPIs that drive this one, from every active KPI of the organisation, in order. */
export function KpiDriversModal({ slug, kpi, current, opened, onClose }: Props) {
  const save = useSetKpiDrivers(slug);
  const list = useKpiList(slug, {}, opened);
  const data = useMemo(() => {
    const options = list.items
      .filter((k) => k.id !== kpi.id)
      .map((k) => ({ value: k.id, label: `${k.name} · ${k.teamName}` }));
    // Drivers picked before stay named even when beyond the first page (or archived since).
    for (const node of current) {
      if (!options.some((o) => o.value === node.id)) {
        options.push({ value: node.id, label: `${node.name} · ${node.teamName}` });
      }
    }
    return options;
  }, [list.items, current, kpi.id]);

  const send = async (values: Values) => {
    const body = parseFields(SetKpiDriversSchema, values);
    await save.mutateAsync({ kpiId: kpi.id, driverKpiIds: body.driverKpiIds });
    notify(
      body.driverKpiIds.length === 0
        ? `“${kpi.name}” has no drivers now.`
        : `Saved ${body.driverKpiIds.length} driver${body.driverKpiIds.length === 1 ? "" : "s"} of “${kpi.name}”.`,
    );
    onClose();
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={`Drivers of ${kpi.name}`}
      size="lg"
      resetKey={kpi.id}
      initialValues={(): Values => ({ driverKpiIds: current.map((n) => n.id) })}
      onSubmit={send}
      submitLabel="Save drivers"
      testId="kpi-drivers-modal"
    >
      {(form) => (
        <>
          <Text size="sm" c="dimmed">
            Name the KPIs whose movement moves this one, from any team, in the order they should be shown.
            Unlike a formula, nothing is computed: the tree shows where to look when this KPI turns amber or
            red.
          </Text>
          <MultiSelect
            label="Driven by"
            placeholder={form.values.driverKpiIds.length === 0 ? "Search KPIs by name" : undefined}
            data={data}
            searchable
            clearable
            hidePickedOptions
            maxValues={12}
            maxDropdownHeight={280}
            nothingFoundMessage={list.isFetching ? "Loading KPIs…" : "No KPI matches"}
            description="At most 12. A KPI cannot drive itself, and drivers cannot go round in a loop."
            data-autofocus
            {...form.getInputProps("driverKpiIds")}
          />
        </>
      )}
    </FormModal>
  );
}
