import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  FileButton,
  Group,
  Stack,
  Table,
  Text,
  Textarea,
} from "@mantine/core";
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconEye,
  IconFileUpload,
  IconPencil,
  IconPlus,
  IconUpload,
} from "@tabler/icons-react";
import { type ReactNode, useMemo, useState } from "react";
import { Link } from "react-router";
import { FormError } from "../../components/form-error.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { isApiError } from "../../lib/api-client.ts";
import { notify } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { type CsvImportReport, useCsvImport } from "./kpis-api.ts";

type Row = CsvImportReport["rows"][number];

const outcomes: Record<Row["outcome"], { label: string; color: string; icon: ReactNode }> = {
  error: { label: "Error", color: "red", icon: <IconAlertTriangle size={11} /> },
  create: { label: "New value", color: "green", icon: <IconPlus size={11} /> },
  correct: { label: "Correction", color: "grape", icon: <IconPencil size={11} /> },
  unchanged: { label: "Unchanged", color: "gray", icon: <IconCircleCheck size={11} /> },
};
const rank: Record<Row["outcome"], number> = { error: 0, correct: 1, create: 2, unchanged: 3 };

const example = `kpi,date,value,note
on_time_delivery,2026-03-02,96.4,
on_time_delivery,2026-03-09,95.1,
cost_per_order,2026-03-01,4.82,March close`;

const plain = new Intl.NumberFormat(undefined, { maximumFractionDigits: 6 });
const num = (v: number | null) => (v === null ? "–" : plain.format(v));

/** Errors first, then corrections, then new values; by line within each. */
export function sortReportRows(rows: readonly Row[]): Row[] {
  return [...rows].sort((a, b) => rank[a.outcome] - rank[b.outcome] || a.row - b.row);
}

/**
 * /o/:org/kpi-import: values from a CSV file. "Preview" checks every row and says what
 * would happen; "Import" writes all rows or none, and only once the preview has no errors.
 */
export function KpiImportPage() {
  const { slug } = useOrg();
  const bp = useBreakpoints();
  const run = useCsvImport(slug);
  const [csv, setCsv] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [report, setReport] = useState<CsvImportReport | null>(null);
  const [previewed, setPreviewed] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const rows = useMemo(() => (report ? sortReportRows(report.rows) : []), [report]);
  const errorCount = report
    ? Math.max(report.errors.length, rows.filter((r) => r.outcome === "error").length)
    : 0;
  const fresh = report !== null && previewed === csv && !report.committed;
  const counts = useMemo(() => {
    const c = { create: 0, correct: 0, unchanged: 0, error: 0 };
    for (const r of rows) c[r.outcome] += 1;
    return c;
  }, [rows]);

  const send = (dryRun: boolean) => {
    setError(null);
    run.mutate(
      { csv, dryRun },
      {
        onSuccess: (r) => {
          setReport(r);
          setPreviewed(csv);
          if (r.committed && r.outcome)
            notify(
              `Imported: ${r.outcome.created} new, ${r.outcome.corrected} corrected, ${r.outcome.unchanged} unchanged.`,
            );
        },
        onError: (err) => {
          // A refused import may carry the same report in its details.
          const details = isApiError(err) ? (err.details as Partial<CsvImportReport>) : null;
          if (details?.rows) {
            setReport({ committed: false, rows: details.rows, errors: details.errors ?? [], outcome: null });
            setPreviewed(csv);
          } else setError(err);
        },
      },
    );
  };

  const readFile = async (file: File | null) => {
    if (!file) return;
    setCsv(await file.text());
    setFileName(file.name);
    setReport(null);
  };

  return (
    <>
      <PageHeader
        title="Import KPI values"
        description="Load many values at once from a spreadsheet export. Preview first: nothing is written until every row is valid, and then all rows are written together."
      />
      <Stack gap="md">
        <Card withBorder padding="sm">
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              Format
            </Text>
            <Text size="sm">
              A header row <Code>kpi,date,value,note</Code>, then one value per line. <b>kpi</b> is the KPI's
              key; <b>date</b> is any day of the period, written YYYY-MM-DD (a weekly KPI takes one value per
              week); <b>value</b> is a number with a dot for decimals, percentages as 0–100; <b>note</b> is
              optional and says where a figure came from; a row for a period that already has a value corrects
              it, and the old value stays in the period's history. Formula KPIs and archived KPIs take no
              values.
            </Text>
            <Code block fz="xs">
              {example}
            </Code>
          </Stack>
        </Card>
        <Card withBorder padding="sm">
          <Stack gap="xs">
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text size="sm" fw={600}>
                Your file
              </Text>
              <Group gap="xs">
                {fileName && (
                  <Text size="xs" c="dimmed">
                    {fileName}
                  </Text>
                )}
                <FileButton onChange={(f) => void readFile(f)} accept=".csv,text/csv,text/plain">
                  {(props) => (
                    <Button {...props} size="xs" variant="default" leftSection={<IconFileUpload size={14} />}>
                      Choose a file
                    </Button>
                  )}
                </FileButton>
              </Group>
            </Group>
            <Textarea
              aria-label="CSV"
              placeholder={`Paste the CSV here, or choose a file.\n\n${example}`}
              autosize
              minRows={6}
              maxRows={16}
              ff="monospace"
              value={csv}
              onChange={(e) => {
                setCsv(e.currentTarget.value);
                setFileName(null);
              }}
              styles={{ input: { fontSize: "var(--mantine-font-size-xs)" } }}
            />
            <FormError error={error} />
            <Group justify="flex-end" gap="xs">
              <Button
                variant="default"
                leftSection={<IconEye size={16} />}
                onClick={() => send(true)}
                loading={run.isPending && run.variables?.dryRun === true}
                disabled={!csv.trim()}
              >
                Preview
              </Button>
              <Button
                leftSection={<IconUpload size={16} />}
                onClick={() => send(false)}
                loading={run.isPending && run.variables?.dryRun === false}
                disabled={!fresh || errorCount > 0 || rows.length === 0}
                title={
                  !fresh
                    ? "Preview the current text first"
                    : errorCount > 0
                      ? "Fix the rows with errors first"
                      : undefined
                }
              >
                Import{" "}
                {fresh && rows.length > 0 && errorCount === 0
                  ? `${rows.length - counts.unchanged} values`
                  : ""}
              </Button>
            </Group>
          </Stack>
        </Card>

        {report && (
          <Card withBorder padding={0} data-testid="import-report">
            <Stack gap={6} p="sm">
              {report.committed ? (
                <Alert color="green" icon={<IconCircleCheck size={18} />} title="Imported">
                  {report.outcome
                    ? `${report.outcome.created} new values, ${report.outcome.corrected} corrections, ${report.outcome.unchanged} unchanged. Statuses and escalations are up to date.`
                    : "All rows were written."}{" "}
                  <Link to={`/o/${slug}/kpis`}>See the KPIs</Link>
                </Alert>
              ) : errorCount > 0 ? (
                <Alert
                  color="red"
                  icon={<IconAlertTriangle size={18} />}
                  title={`${errorCount} row${errorCount === 1 ? "" : "s"} with errors`}
                >
                  Nothing can be imported until they are fixed: correct the file and preview again.
                </Alert>
              ) : (
                <Alert color="blue" icon={<IconEye size={18} />} title="Preview: nothing written yet">
                  Every row is valid. Import writes them all at once.
                </Alert>
              )}
              <Group gap="xs">
                {(Object.keys(outcomes) as Row["outcome"][]).map((o) =>
                  counts[o] > 0 ? (
                    <Badge key={o} color={outcomes[o].color} leftSection={outcomes[o].icon}>
                      {counts[o]} {outcomes[o].label.toLowerCase()}
                      {counts[o] === 1 || o === "unchanged" ? "" : "s"}
                    </Badge>
                  ) : null,
                )}
              </Group>
              {report.errors
                .filter((e) => e.row === 0 || !rows.some((r) => r.row === e.row))
                .map((e) => (
                  <Text key={`${e.row}-${e.field}`} size="sm" c="red">
                    {e.row > 0 ? `Line ${e.row}: ` : ""}
                    {e.field}: {e.message}
                  </Text>
                ))}
            </Stack>
            <div className="keel-table-scroll">
              <Table data-testid="import-rows">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={60}>Line</Table.Th>
                    <Table.Th>Outcome</Table.Th>
                    <Table.Th>KPI</Table.Th>
                    {bp.sm && <Table.Th>Period</Table.Th>}
                    <Table.Th ta="right">Value</Table.Th>
                    {bp.md && <Table.Th ta="right">Before</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.slice(0, 500).map((r) => (
                    <Table.Tr key={r.row} data-testid="import-row" data-outcome={r.outcome}>
                      <Table.Td className="keel-num">{r.row}</Table.Td>
                      <Table.Td>
                        <StatusBadge color={outcomes[r.outcome].color} icon={outcomes[r.outcome].icon}>
                          {outcomes[r.outcome].label}
                        </StatusBadge>
                        {r.error && (
                          <Text size="xs" c="red" mt={2}>
                            {r.error}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{r.kpiName ?? r.kpiKey}</Text>
                        {r.kpiName && (
                          <Text size="xs" c="dimmed" ff="monospace">
                            {r.kpiKey}
                          </Text>
                        )}
                      </Table.Td>
                      {bp.sm && <Table.Td style={{ whiteSpace: "nowrap" }}>{r.periodStart ?? "–"}</Table.Td>}
                      <Table.Td ta="right" className="keel-num">
                        {num(r.value)}
                      </Table.Td>
                      {bp.md && (
                        <Table.Td ta="right" className="keel-num" c="dimmed">
                          {num(r.previousValue)}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
            {rows.length > 500 && (
              <Text size="xs" c="dimmed" p="sm">
                The first 500 of {rows.length} rows are shown (errors first).
              </Text>
            )}
          </Card>
        )}
      </Stack>
    </>
  );
}
