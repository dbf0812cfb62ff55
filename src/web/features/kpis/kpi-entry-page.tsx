import { Anchor, Box, Button, Card, Group, NumberInput, Stack, Text, Textarea } from "@mantine/core";
import { IconFileImport, IconPencilPlus } from "@tabler/icons-react";
import { useId } from "react";
import { Link } from "react-router";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryError } from "../../components/query-error.tsx";
import {
  RowFormHeader,
  RowFormRow,
  RowFormSaveBar,
  rowFieldLabel,
  useRowForm,
} from "../../components/row-form.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { useOrg } from "../../lib/org-context.tsx";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { toNumberDraft } from "./kpi-draft.ts";
import {
  type EntryRow,
  entryKey,
  entryProblem,
  initialEntry,
  isChanged,
  isCorrection,
  toMeasurementInput,
} from "./kpi-entry-draft.ts";
import { formatKpiValue, periodName, targetLabel, unitSuffix } from "./kpi-format.ts";
import { KpiStatusBadge } from "./kpi-status.tsx";
import { type EntryItem, useEnterMeasurements, useKpiEntry } from "./kpis-api.ts";

/**
 * /o/:org/kpi-entry: this period's value of every KPI I own, in one form. Rows start
 * from what is stored; only changed rows are saved (Ctrl/⌘ + Enter saves them all).
 */
export function KpiEntryPage() {
  const { slug } = useOrg();
  const entry = useKpiEntry(slug);
  const save = useEnterMeasurements(slug);
  const items = entry.data?.items ?? [];
  const form = useRowForm({
    items,
    keyOf: entryKey,
    initialRow: initialEntry,
    isDirty: isChanged,
    problemOf: entryProblem,
    toRequest: (item, row) => ({ kpiId: item.kpi.id, input: toMeasurementInput(item, row) }),
    save,
    noun: "value",
    nothingChanged: "Nothing changed yet: type this period's values first.",
  });
  const missing = items.filter((i) => i.value === null).length;

  return (
    <>
      <PageHeader
        title="Enter KPI values"
        description="This period's value of every KPI you own, in one form. A late figure for the period that just ended comes first."
        actions={
          <Button
            component={Link}
            to={`/o/${slug}/kpi-import`}
            variant="default"
            leftSection={<IconFileImport size={16} />}
          >
            Import CSV
          </Button>
        }
      />
      {entry.isPending ? (
        <Card withBorder>
          <TableSkeleton rows={5} />
        </Card>
      ) : entry.isError ? (
        <QueryError error={entry.error} onRetry={() => void entry.refetch()} what="your KPIs" />
      ) : items.length === 0 ? (
        <Card withBorder>
          <EmptyState
            icon={<IconPencilPlus size={24} />}
            title="No KPIs to enter"
            action={
              <Button component={Link} to={`/o/${slug}/kpis`} variant="default">
                Go to KPIs
              </Button>
            }
          >
            You own no KPI that takes values by hand. When you own one (and it is not computed by a formula),
            its period shows up here: one number per KPI, with last period's value beside it.
          </EmptyState>
        </Card>
      ) : (
        <form {...form.formProps} aria-label="KPI values">
          <Text size="sm" mb="sm" data-testid="entry-summary">
            {missing === 0 ? (
              "Every KPI has a value for its period."
            ) : (
              <>
                <b className="keel-num">{missing}</b> of {items.length} still without a value for their
                period.
              </>
            )}
          </Text>
          <Card withBorder padding={0}>
            <RowFormHeader
              pt={8}
              columns={[
                { label: "KPI and period", flex: "1 1 260px" },
                { label: "Previous period", w: 150 },
                { label: "Value", w: 140 },
                { label: "Note (required to correct a value)", flex: "1 1 240px" },
              ]}
            />
            {items.map((item) => (
              <EntryRowFields
                key={entryKey(item)}
                slug={slug}
                item={item}
                row={form.rowOf(item)}
                error={form.errorOf(item)}
                disabled={form.saving}
                onChange={(patch) => form.change(item, patch)}
              />
            ))}
          </Card>
          <RowFormSaveBar
            form={form}
            idle="Unchanged rows are not saved."
            saveLabel="Save values"
            countTestId="changed-count"
          />
        </form>
      )}
    </>
  );
}

type RowProps = {
  slug: string;
  item: EntryItem;
  row: EntryRow;
  error: string | null;
  disabled: boolean;
  onChange: (patch: Partial<EntryRow>) => void;
};

/** One KPI: its period, last period's value, the new value and (for a correction) why. */
function EntryRowFields({ slug, item, row, error, disabled, onChange }: RowProps) {
  const titleId = useId();
  const bp = useBreakpoints();
  const wide = bp.md;
  const { kpi } = item;
  const changed = isChanged(item, row);
  const correction = isCorrection(item, row);
  const suffix = unitSuffix(kpi);
  const label = (text: string) => rowFieldLabel(wide, text);
  return (
    <RowFormRow
      titleId={titleId}
      testId="entry-row"
      changed={changed}
      error={error}
      hint={
        correction && (
          <Text size="xs" c="dimmed" mt={4}>
            A correction: {formatKpiValue(item.value, kpi)} stays in the period's history with your note.
          </Text>
        )
      }
    >
      <Stack gap={2} style={{ flex: "1 1 260px", minWidth: 0 }}>
        <Anchor
          component={Link}
          to={`/o/${slug}/kpis/${kpi.id}`}
          id={titleId}
          fw={500}
          size="sm"
          c="var(--mantine-color-text)"
        >
          {kpi.name}
        </Anchor>
        <Group gap={6} wrap="wrap">
          <KpiStatusBadge status={kpi.current.status} />
          <Text size="xs" c="dimmed">
            {item.periodLabel} · {targetLabel(kpi)} · {kpi.teamName}
          </Text>
        </Group>
      </Stack>
      <Box w={wide ? 150 : "100%"} style={{ flexShrink: 0 }} pt={wide ? 4 : 0}>
        {!wide && (
          <Text size="xs" c="dimmed">
            Previous
          </Text>
        )}
        <Text size="sm" className="keel-num" data-testid="entry-previous">
          {item.previous ? formatKpiValue(item.previous.value, kpi) : "–"}
        </Text>
        {item.previous && (
          <Text size="xs" c="dimmed">
            {periodName(item.previous.periodStart, kpi.frequency)}
          </Text>
        )}
      </Box>
      <Box w={140} style={{ flexShrink: 0 }}>
        <NumberInput
          {...label("Value")}
          value={row.value}
          onChange={(v) => onChange({ value: toNumberDraft(v) })}
          decimalScale={6}
          hideControls
          rightSection={
            suffix ? (
              <Text size="xs" c="dimmed" pr={6}>
                {suffix}
              </Text>
            ) : undefined
          }
          rightSectionWidth={suffix.length > 1 ? 40 : 28}
          disabled={disabled}
          error={error ? true : undefined}
          placeholder={item.value === null ? "No value yet" : undefined}
        />
      </Box>
      <Box style={{ flex: wide ? "1 1 240px" : "1 1 100%", minWidth: 0 }}>
        <Textarea
          {...label(correction ? "Note (why the correction)" : "Note")}
          placeholder={correction ? `Why it changes from ${formatKpiValue(item.value, kpi)}` : "Optional"}
          autosize
          minRows={1}
          maxRows={4}
          value={row.note}
          onChange={(e) => onChange({ note: e.currentTarget.value })}
          disabled={disabled}
          required={correction}
          withAsterisk={correction}
          error={correction && error ? true : undefined}
        />
      </Box>
    </RowFormRow>
  );
}
