import {
  Button,
  Fieldset,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { FormError } from "../../components/form-error.tsx";
import { isApiError } from "../../lib/api-client.ts";
import { notify } from "../../lib/notify.ts";
import { useSession } from "../../lib/session.ts";
import type { TeamNode } from "../../lib/types.ts";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { PersonSelect } from "../people/person-select.tsx";
import { TeamSelect } from "../teams/team-select.tsx";
import { useThemes } from "../themes/themes-api.ts";
import { BandsEditor } from "./bands-editor.tsx";
import {
  blankKpiDraft,
  draftFromKpi,
  type KpiDraft,
  type KpiDraftErrors,
  keptBands,
  keyFromName,
  mapKpiIssues,
  toCreateInput,
  toNumberDraft,
  toUpdatePatch,
  validateKpiDraft,
} from "./kpi-draft.ts";
import { aggregationHints, FormulaField, mono, options } from "./kpi-form-fields.tsx";
import {
  aggregationLabels,
  defaultAggregation,
  directionLabels,
  frequencyLabels,
  unitLabels,
  unitSuffix,
} from "./kpi-format.ts";
import { type Kpi, useCreateKpi, useUpdateKpi } from "./kpis-api.ts";

type Props = {
  slug: string;
  opened: boolean;
  onClose: () => void;
  roots: TeamNode[];
  /** Team preselected when creating. */
  teamId?: string | null;
  /** Editing this KPI; creating one when absent. */
  kpi?: Kpi | null;
  onCreated?: (kpi: Kpi) => void;
  onReload?: () => void;
};

/** Create a KPI with its threshold series, or edit one (key and frequency stay fixed). */
export function KpiFormModal({ slug, opened, onClose, roots, teamId, kpi, onCreated, onReload }: Props) {
  const me = useSession().data?.user ?? null;
  const bp = useBreakpoints();
  const create = useCreateKpi(slug);
  const update = useUpdateKpi(slug);
  const themes = useThemes(slug, "");
  const [draft, setDraft] = useState<KpiDraft>(() => blankKpiDraft(null, null));
  const [keyTouched, setKeyTouched] = useState(false);
  const [errors, setErrors] = useState<KpiDraftErrors>({});
  const [formError, setFormError] = useState<Error | null>(null);
  const [formulaHelp, setFormulaHelp] = useState(false);

  // A fresh form each time the dialog opens (not on each new version of the KPI).
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when opened or another KPI is edited
  useEffect(() => {
    if (!opened) return;
    setDraft(
      kpi ? draftFromKpi(kpi) : blankKpiDraft(teamId ?? null, me ? { id: me.id, name: me.name } : null),
    );
    setKeyTouched(Boolean(kpi));
    setErrors({});
    setFormError(null);
    setFormulaHelp(Boolean(kpi?.formula));
    create.reset();
    update.reset();
  }, [opened, kpi?.id]);

  const themeData = useMemo(
    () =>
      themes.items
        .filter((t) => !t.archived || t.id === draft.themeId)
        .map((t) => ({ value: t.id, label: t.name })),
    [themes.items, draft.themeId],
  );

  const set = <K extends keyof KpiDraft>(name: K, value: KpiDraft[K]) => {
    setDraft((d) => ({ ...d, [name]: value }));
    setErrors((e) => (e[name] ? { ...e, [name]: "" } : e));
  };

  const showServerError = (err: unknown, sent: KpiDraft) => {
    if (isApiError(err) && err.issues.length > 0) {
      const { errors: mapped, unplaced } = mapKpiIssues(err.issues, keptBands(sent), sent.direction);
      setErrors(mapped);
      setFormError(unplaced.length > 0 || Object.keys(mapped).length === 0 ? err : null);
      return;
    }
    setFormError(err instanceof Error ? err : new Error("Something went wrong. Try again."));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const problems = validateKpiDraft(draft, !kpi);
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    const sent = draft;
    if (kpi) {
      const patch = toUpdatePatch(kpi, draft);
      if (!patch) {
        onClose();
        return;
      }
      update.mutate(
        { id: kpi.id, patch },
        {
          onSuccess: (saved) => {
            notify(`Saved “${saved.name}”.`);
            onClose();
          },
          onError: (err) => showServerError(err, sent),
        },
      );
      return;
    }
    create.mutate(toCreateInput(draft), {
      onSuccess: (created) => {
        notify(`Created the KPI “${created.name}”. Enter its first value when it is due.`);
        onClose();
        onCreated?.(created);
      },
      onError: (err) => showServerError(err, sent),
    });
  };

  const suffix = unitSuffix({ unit: draft.unit, decimals: 0, currency: draft.currency || null });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={kpi ? `Edit ${kpi.name}` : "New KPI"}
      size={880}
      fullScreen={!bp.sm}
    >
      <form onSubmit={onSubmit} noValidate data-testid="kpi-form">
        <Stack gap="sm">
          <Group gap="sm" align="flex-start" wrap="wrap">
            <TextInput
              label="Name"
              placeholder="e.g. On-time delivery"
              value={draft.name}
              onChange={(e) => {
                const name = e.currentTarget.value;
                setDraft((d) => ({ ...d, name, key: keyTouched ? d.key : keyFromName(name) }));
                setErrors((x) => ({ ...x, name: "", key: keyTouched ? (x.key ?? "") : "" }));
              }}
              error={errors.name}
              style={{ flex: "2 1 300px" }}
              data-autofocus
            />
            <TextInput
              label="Key"
              description={kpi ? "Fixed: formulas and the API use it" : "Used in formulas and the API"}
              value={draft.key}
              onChange={(e) => {
                setKeyTouched(true);
                set("key", e.currentTarget.value);
              }}
              error={errors.key}
              disabled={Boolean(kpi)}
              styles={mono}
              style={{ flex: "1 1 200px" }}
            />
          </Group>
          <Textarea
            label="Description"
            placeholder="Optional: what it measures, where the number comes from"
            autosize
            minRows={1}
            maxRows={4}
            value={draft.description}
            onChange={(e) => set("description", e.currentTarget.value)}
            error={errors.description}
          />
          <Group gap="sm" grow align="flex-start" wrap="wrap">
            <TeamSelect
              label="Team"
              roots={roots}
              value={draft.teamId}
              onChange={(v) => set("teamId", v)}
              error={errors.teamId}
              testId="kpi-team-select"
              description="Its board shows the KPI; its lead answers escalations"
            />
            <PersonSelect
              slug={slug}
              label="Owner"
              value={draft.ownerUserId}
              valueLabel={draft.ownerName}
              onChange={(id, name) => {
                setDraft((d) => ({ ...d, ownerUserId: id, ownerName: name }));
                setErrors((x) => ({ ...x, ownerUserId: "" }));
              }}
              error={errors.ownerUserId}
              description="Enters the values and answers its escalations"
              clearable={false}
            />
          </Group>
          <Group gap="sm" align="flex-start" wrap="wrap">
            <Select
              label="Unit"
              data={options(unitLabels)}
              value={draft.unit}
              onChange={(v) => {
                if (!v) return;
                const unit = v as Kpi["unit"];
                // Follow the unit's usual roll-up unless the person already chose another.
                setDraft((d) => ({
                  ...d,
                  unit,
                  aggregation:
                    d.aggregation === defaultAggregation[d.unit] ? defaultAggregation[unit] : d.aggregation,
                }));
              }}
              allowDeselect={false}
              error={errors.unit}
              style={{ flex: "1 1 170px" }}
            />
            <NumberInput
              label="Decimals"
              min={0}
              max={6}
              allowDecimal={false}
              value={draft.decimals}
              onChange={(v) => set("decimals", toNumberDraft(v))}
              error={errors.decimals}
              w={100}
            />
            {draft.unit === "currency" && (
              <TextInput
                label="Currency"
                placeholder="EUR"
                maxLength={3}
                value={draft.currency}
                onChange={(e) => set("currency", e.currentTarget.value.toUpperCase())}
                error={errors.currency}
                w={100}
              />
            )}
            <Select
              label="Direction"
              data={options(directionLabels)}
              value={draft.direction}
              onChange={(v) => v && set("direction", v as Kpi["direction"])}
              allowDeselect={false}
              error={errors.direction}
              style={{ flex: "1 1 190px" }}
            />
          </Group>
          <Group gap="sm" align="flex-start" wrap="wrap">
            <Select
              label="Frequency"
              description={kpi ? "Fixed after creation" : "One value per period"}
              data={options(frequencyLabels)}
              value={draft.frequency}
              onChange={(v) => v && set("frequency", v as Kpi["frequency"])}
              allowDeselect={false}
              disabled={Boolean(kpi)}
              error={errors.frequency}
              style={{ flex: "1 1 150px" }}
            />
            <Select
              label="Aggregation"
              description={aggregationHints[draft.aggregation]}
              data={options(aggregationLabels)}
              value={draft.aggregation}
              onChange={(v) => v && set("aggregation", v as Kpi["aggregation"])}
              allowDeselect={false}
              error={errors.aggregation}
              style={{ flex: "2 1 260px" }}
            />
          </Group>
          <Group gap="sm" align="flex-start" wrap="wrap">
            <Select
              label="Strategic theme"
              description="Why this KPI matters"
              placeholder="No theme"
              data={themeData}
              value={draft.themeId}
              onChange={(v) => set("themeId", v)}
              clearable
              error={errors.themeId}
              style={{ flex: "2 1 260px" }}
            />
            <NumberInput
              label="Close escalations after"
              description="Green periods in a row"
              min={1}
              max={52}
              allowDecimal={false}
              value={draft.closeAfterGreenPeriods}
              onChange={(v) => set("closeAfterGreenPeriods", toNumberDraft(v))}
              error={errors.closeAfterGreenPeriods}
              style={{ flex: "1 1 180px" }}
            />
          </Group>
          <FormulaField
            value={draft.formula}
            onChange={(v) => set("formula", v)}
            error={errors.formula}
            helpOpen={formulaHelp}
            onToggleHelp={() => setFormulaHelp((v) => !v)}
          />
          <Fieldset
            legend="Thresholds"
            variant="unstyled"
            styles={{ legend: { fontWeight: 600, fontSize: "var(--mantine-font-size-sm)", marginBottom: 4 } }}
          >
            <BandsEditor
              direction={draft.direction}
              rows={draft.bands}
              errors={errors}
              suffix={suffix}
              onChange={(bands) => {
                setDraft((d) => ({ ...d, bands }));
                setErrors((x) =>
                  Object.fromEntries(Object.entries(x).filter(([k]) => !k.startsWith("band:"))),
                );
              }}
            />
            {errors.bands && (
              <Text size="xs" c="red" mt={4}>
                {errors.bands}
              </Text>
            )}
          </Fieldset>
          <FormError error={formError} onReload={onReload} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {kpi ? "Save changes" : "Create KPI"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
