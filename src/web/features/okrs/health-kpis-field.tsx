import { MultiSelect } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMemo, useState } from "react";
import type { KeelForm } from "../../components/form-modal.tsx";
import type { Objective } from "../../lib/types.ts";
import { kpiStatusLabels } from "../kpis/kpi-format.ts";
import { statusKey } from "../kpis/kpi-status.tsx";
import { useKpiList } from "../kpis/kpis-api.ts";
import { useHealthKpiSuggestions } from "./health-kpis-api.ts";
import type { ObjectiveDraft } from "./objective-draft.ts";

/** An Objective carries at most this many (the API refuses more). */
const MAX = 4;
const reasonLabels = { team: "this team", subtree: "a team below", theme: "same theme" } as const;

type Props = { form: KeelForm<ObjectiveDraft>; slug: string; objective?: Objective | null };

/**
 * The KPIs this Objective must not break (2–4, at most 4): a searchable multi-select whose
 * suggestions (the team's KPIs, then its subtree's, then its theme's; red and amber first)
 * come first in a group of their own, marked with why and their status.
 */
export function HealthKpisField({ form, slug, objective }: Props) {
  const draft = form.values;
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const suggestions = useHealthKpiSuggestions(slug, { teamId: draft.teamId, themeId: draft.themeId });
  const found = useKpiList(slug, { q: debounced || undefined });

  const data = useMemo(() => {
    const suggested = (suggestions.data?.items ?? []).map((k) => ({
      value: k.id,
      label: `${k.name} · ${reasonLabels[k.reason]} · ${kpiStatusLabels[statusKey(k.status)]}`,
    }));
    const taken = new Set(suggested.map((o) => o.value));
    const others = found.items
      .filter((k) => !taken.has(k.id))
      .map((k) => ({ value: k.id, label: `${k.name} · ${k.teamName}` }));
    for (const o of others) taken.add(o.value);
    // KPIs picked before (perhaps archived since) keep their names.
    const picked = (objective?.healthKpis ?? [])
      .filter((k) => !taken.has(k.id))
      .map((k) => ({ value: k.id, label: `${k.name} · ${k.teamName}` }));
    return [
      { group: "Suggested", items: suggested },
      { group: "All KPIs", items: [...others, ...picked] },
    ].filter((g) => g.items.length > 0);
  }, [suggestions.data, found.items, objective?.healthKpis]);

  const count = draft.healthKpiIds.length;
  return (
    <MultiSelect
      label="Health KPIs"
      description={`Pick 2–4 KPIs this Objective must not break while it changes things (${count} of ${MAX}). Suggested first: this team's, the teams below, the same theme's.`}
      placeholder={count === 0 ? "Search KPIs by name or key" : undefined}
      data={data}
      value={draft.healthKpiIds}
      onChange={(ids) => {
        form.setFieldValue("healthKpiIds", ids);
        form.clearFieldError("healthKpiIds");
      }}
      error={form.errors.healthKpiIds}
      maxValues={MAX}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={found.isFetching ? "Searching…" : "No KPI matches"}
      maxDropdownHeight={280}
      hidePickedOptions
      data-testid="health-kpis-field"
    />
  );
}
