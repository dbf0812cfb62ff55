import { Button, Card, Group, Loader, Stack, Text } from "@mantine/core";
import { IconFileSpreadsheet, IconFileTypePdf, IconReportAnalytics } from "@tabler/icons-react";
import { EmptyState } from "../../components/empty-state.tsx";
import { FormError } from "../../components/form-error.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { CycleSelect } from "../okrs/cycle-select.tsx";
import { useOkrScope } from "../okrs/use-okr-scope.ts";
import { TeamSelect } from "../teams/team-select.tsx";
import { ReportSchedulesCard } from "./report-schedules-card.tsx";
import { ReportTeamSection } from "./report-team-section.tsx";
import { reportDownloadUrl, useConsolidatedReport } from "./reports-api.ts";

/**
 * /o/:org/reports: the consolidated OKR + KPI report of a team subtree (or the whole
 * organisation) for a cycle, on screen, with the same report as a zip of CSV files and
 * as a PDF. The choice is kept in the address (?cycle=…&team=…) so it can be shared.
 */
export function ReportsPage() {
  const scope = useOkrScope({ withTeam: true, teamOptional: true });
  const { slug, cycle, team, roots } = scope;
  const report = useConsolidatedReport(slug, scope.ready ? (cycle?.id ?? null) : null, team?.id ?? null);
  const shown = (report.data?.teams ?? []).filter(
    (t) =>
      (t.okrs?.objectives.length ?? 0) +
        (t.kpis ? t.kpis.kpis.length + t.kpis.floors.length + t.kpis.escalations.length : 0) >
      0,
  );
  const totals = report.data?.totals;

  return (
    <>
      <PageHeader
        title="Reports"
        description="OKRs with progress, grades and status, KPIs with values, floors, escalations and the linter's findings, for a team and everything below it."
      />
      <Card withBorder padding="sm" mb="md">
        <Group gap="sm">
          <CycleSelect
            cycles={scope.cycles.items}
            value={cycle?.id ?? null}
            onChange={scope.setCycle}
            ariaLabel="Choose cycle"
            w={170}
          />
          <TeamSelect
            ariaLabel="Choose team"
            roots={roots}
            value={team?.id ?? null}
            onChange={(v) => scope.setTeam(v)}
            allowTopLevel
            topLevelLabel="Whole organisation"
            w={230}
          />
          {cycle && (
            <Group gap="xs" ml="auto">
              <Button
                component="a"
                href={reportDownloadUrl(slug, "csv.zip", cycle.id, team?.id ?? null)}
                download
                variant="default"
                size="xs"
                leftSection={<IconFileSpreadsheet size={15} />}
              >
                CSV (zip)
              </Button>
              <Button
                component="a"
                href={reportDownloadUrl(slug, "pdf", cycle.id, team?.id ?? null)}
                download
                variant="default"
                size="xs"
                leftSection={<IconFileTypePdf size={15} />}
              >
                PDF
              </Button>
            </Group>
          )}
        </Group>
        {totals && (
          <Text size="sm" c="dimmed" mt="xs" aria-live="polite">
            {totals.teams} teams · {totals.objectives} Objectives · {totals.keyResults} Key Results ·{" "}
            {totals.kpis} KPIs · {totals.floors} floors · {totals.escalations} escalations ·{" "}
            {totals.openFindings} open linter findings
          </Text>
        )}
      </Card>
      {report.isPending && scope.ready && cycle && <Loader size="sm" aria-label="Loading the report" />}
      <FormError error={report.error} />
      {report.isSuccess && shown.length === 0 && (
        <EmptyState icon={<IconReportAnalytics size={24} />} title="Nothing in this cycle">
          No team in {team ? `${team.name} and below` : "the organisation"} has Objectives, KPIs or
          escalations in {cycle?.name ?? "this cycle"}. Choose another cycle or team.
        </EmptyState>
      )}
      <Stack gap="sm">
        {shown.map((t) => (
          <ReportTeamSection key={t.id} team={t} />
        ))}
      </Stack>
      {scope.ready && <ReportSchedulesCard slug={slug} roots={roots} teamId={team?.id ?? null} />}
    </>
  );
}
