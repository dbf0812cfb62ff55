import { Anchor, Box, Button, Card, Group, Kbd, NumberInput, Stack, Text, Textarea } from "@mantine/core";
import { IconDeviceFloppy, IconFileImport, IconPencilPlus } from "@tabler/icons-react";
import { type FormEvent, type KeyboardEvent, useId, useState } from "react";
import { Link } from "react-router";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { messageOf } from "../../lib/api-client.ts";
import { notify } from "../../lib/notify.ts";
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

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * /o/:org/kpi-entry: this period's value of every KPI I own, in one form. Rows start
 * from what is stored; only changed rows are saved (Ctrl/⌘ + Enter saves them all).
 */
export function KpiEntryPage() {
  const { slug } = useOrg();
  const entry = useKpiEntry(slug);
  const save = useEnterMeasurements(slug);
  const [rows, setRows] = useState<Record<string, EntryRow>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const bp = useBreakpoints();
  const items = entry.data?.items ?? [];
  const rowOf = (item: EntryItem) => rows[entryKey(item)] ?? initialEntry(item);
  const changed = items.filter((i) => isChanged(i, rowOf(i)));
  const missing = items.filter((i) => i.value === null).length;

  const change = (item: EntryItem, patch: Partial<EntryRow>) => {
    const key = entryKey(item);
    setRows((all) => ({ ...all, [key]: { ...(all[key] ?? initialEntry(item)), ...patch } }));
    setErrors((e) => {
      if (!e[key]) return e;
      const next = { ...e };
      delete next[key];
      return next;
    });
  };

  const submit = () => {
    if (save.isPending) return;
    if (changed.length === 0) {
      notify("Nothing changed yet: type this period's values first.", "info");
      return;
    }
    const problems: Record<string, string> = {};
    for (const item of changed) {
      const problem = entryProblem(item, rowOf(item));
      if (problem) problems[entryKey(item)] = problem;
    }
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    const sent = changed.map((item) => ({ item, row: rowOf(item) }));
    save.mutate(
      sent.map(({ item, row }) => ({ kpiId: item.kpi.id, input: toMeasurementInput(item, row) })),
      {
        onSuccess: (results) => {
          const byKpi = new Map(sent.map((s) => [s.item.kpi.id, entryKey(s.item)]));
          const failed = results.filter((r) => !r.ok);
          const ok = results.length - failed.length;
          setRows((all) => {
            const next = { ...all };
            for (const r of results) if (r.ok) delete next[byKpi.get(r.kpiId) ?? ""];
            return next;
          });
          setErrors(
            Object.fromEntries(failed.map((r) => [byKpi.get(r.kpiId) ?? "", r.ok ? "" : messageOf(r.error)])),
          );
          if (ok > 0) notify(`Saved ${ok} value${ok === 1 ? "" : "s"}. Statuses are up to date.`);
          if (failed.length > 0)
            notify(
              `${failed.length} value${failed.length === 1 ? "" : "s"} could not be saved; see the rows marked in red.`,
              "error",
            );
        },
      },
    );
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };

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
        <form onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-label="KPI values">
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
            {bp.md && (
              <Group gap="md" px="sm" pt={8} pb={4} wrap="nowrap" aria-hidden>
                <Text size="xs" c="dimmed" style={{ flex: "1 1 260px" }}>
                  KPI and period
                </Text>
                <Text size="xs" c="dimmed" w={150} style={{ flexShrink: 0 }}>
                  Previous period
                </Text>
                <Text size="xs" c="dimmed" w={140} style={{ flexShrink: 0 }}>
                  Value
                </Text>
                <Text size="xs" c="dimmed" style={{ flex: "1 1 240px" }}>
                  Note (required to correct a value)
                </Text>
              </Group>
            )}
            {items.map((item) => (
              <EntryRowFields
                key={entryKey(item)}
                slug={slug}
                item={item}
                row={rowOf(item)}
                error={errors[entryKey(item)] ?? null}
                disabled={save.isPending}
                onChange={(patch) => change(item, patch)}
              />
            ))}
          </Card>
          <Card
            withBorder
            padding="sm"
            mt="md"
            shadow="sm"
            style={{ position: "sticky", bottom: 12, zIndex: 5 }}
          >
            <Group justify="space-between" gap="sm" wrap="wrap">
              <Text size="sm" c={changed.length > 0 ? undefined : "dimmed"} data-testid="changed-count">
                {changed.length === 0
                  ? "Unchanged rows are not saved."
                  : `${changed.length} value${changed.length === 1 ? "" : "s"} to save`}
              </Text>
              <Group gap="xs">
                <Text size="xs" c="dimmed" aria-hidden visibleFrom="sm">
                  <Kbd size="xs">{isMac ? "⌘" : "Ctrl"}</Kbd> + <Kbd size="xs">Enter</Kbd>
                </Text>
                {changed.length > 0 && (
                  <Button variant="subtle" color="gray" onClick={() => setRows({})} disabled={save.isPending}>
                    Reset
                  </Button>
                )}
                <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending}>
                  Save values
                </Button>
              </Group>
            </Group>
          </Card>
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
  const label = (text: string) => (wide ? { "aria-label": text } : { label: text });
  return (
    <Box
      role="group"
      aria-labelledby={titleId}
      data-testid="entry-row"
      data-changed={changed || undefined}
      py="xs"
      px="sm"
      style={{
        borderTop: "1px solid var(--mantine-color-default-border)",
        borderLeft: `3px solid ${changed ? "var(--mantine-primary-color-filled)" : "transparent"}`,
      }}
    >
      <Group gap="md" wrap={wide ? "nowrap" : "wrap"} align="flex-start">
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
      </Group>
      {correction && !error && (
        <Text size="xs" c="dimmed" mt={4}>
          A correction: {formatKpiValue(item.value, kpi)} stays in the period's history with your note.
        </Text>
      )}
      {error && (
        <Text size="xs" c="red" mt={4} role="alert">
          {error}
        </Text>
      )}
    </Box>
  );
}
