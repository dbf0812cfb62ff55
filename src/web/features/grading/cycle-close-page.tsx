import { Alert, Anchor, Button, Card, Group, List, Stack, Stepper, Text } from "@mantine/core";
import { IconAlertTriangle, IconArrowLeft, IconCalendarStats, IconLock } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { AdminOnly } from "../../components/admin-only.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { FormError } from "../../components/form-error.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { isApiError } from "../../lib/api-client.ts";
import { notify } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import type { Cycle } from "../../lib/types.ts";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { CycleProgress } from "../cycles/cycle-progress.tsx";
import { CycleStateBadge } from "../cycles/cycle-state-badge.tsx";
import { useCycles } from "../cycles/cycles-api.ts";
import { CycleBaselineOffers } from "../kpi-links/baseline-offer-card.tsx";
import { useObjectives } from "../okrs/okrs-api.ts";
import { useTeamTree } from "../teams/teams-api.ts";
import { GradeReport } from "./grade-report.tsx";
import { useCycle, useCycleReport, useMoveCycle } from "./grading-api.ts";
import { isGraded } from "./grading-draft.ts";
import { RollOverStep } from "./roll-over-step.tsx";
import { ScoringStep } from "./scoring-step.tsx";

/** The step a cycle in this state starts on: grading → scores, closed → done (roll-over). */
function stepFor(state: Cycle["state"]): number {
  if (state === "grading") return 1;
  if (state === "closed") return 4;
  return 0;
}

/**
 * /o/:org/admin/cycles/:cycleId/close: the end of a cycle in four steps: move it to
 * grading, score and grade, read the report, close; then roll over what was missed.
 */
export function CycleClosePage() {
  return (
    <AdminOnly title="Close a cycle" what="grade and close cycles">
      <CycleCloseWizard />
    </AdminOnly>
  );
}

function CycleCloseWizard() {
  const { cycleId = "" } = useParams();
  const { slug } = useOrg();
  const bp = useBreakpoints();
  const cycle = useCycle(slug, cycleId);
  const cycles = useCycles(slug, "", 200);
  const tree = useTeamTree(slug);
  const objectives = useObjectives(slug, { cycleId });
  const move = useMoveCycle(slug);
  const [step, setStep] = useState<number | null>(null);
  const c = cycle.data;
  const report = useCycleReport(slug, cycleId, step === 2 || step === 3);

  useEffect(() => {
    if (c && step === null) setStep(stepFor(c.state));
  }, [c, step]);

  if (cycle.isPending || objectives.isPending) return <TableSkeleton rows={8} />;
  if (cycle.isError || !c)
    return <QueryError error={cycle.error} onRetry={() => void cycle.refetch()} what="the cycle" />;

  const items = objectives.data?.items ?? [];
  const gradable = items.filter((o) => o.state !== "draft" && !o.archived);
  const ungraded = gradable.filter((o) => !isGraded(o));
  const drafts = items.filter((o) => o.state === "draft" && !o.archived).length;
  const active = step ?? stepFor(c.state);
  const closeError = move.error && move.variables?.state === "closed" ? move.error : null;
  const gaps = closeError && isApiError(closeError) ? closeError.details : null;
  const unscored = (gaps?.unscoredKeyResults as string[] | undefined) ?? [];
  const noOutcome = (gaps?.objectivesWithoutOutcome as string[] | undefined) ?? [];

  const moveTo = (state: "grading" | "closed", next: number) =>
    move.mutate(
      { cycle: c, state },
      {
        onSuccess: (saved) => {
          notify(
            state === "closed"
              ? `${saved.name} is closed: its OKRs are frozen.`
              : `${saved.name} is in grading.`,
          );
          setStep(next);
        },
      },
    );

  return (
    <>
      <Anchor component={Link} to={`/o/${slug}/admin/cycles`} size="sm" mb="xs" display="inline-block">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} />
          Cycles
        </Group>
      </Anchor>
      <PageHeader
        title={`Close ${c.name}`}
        description="Grade what was reached, read the distribution, freeze the cycle, then carry what is unfinished forward."
        actions={<CycleStateBadge state={c.state} />}
      />
      <Stepper
        active={active}
        onStepClick={setStep}
        allowNextStepsSelect={false}
        size="sm"
        orientation={bp.sm ? "horizontal" : "vertical"}
        mb="md"
      >
        <Stepper.Step label="Grading" description="Move to grading" allowStepSelect={c.state !== "closed"}>
          <Card withBorder padding="md">
            <Stack gap="sm">
              {c.state === "planning" ? (
                <Text size="sm">
                  {c.name} has not started yet. Start it on the cycles page; it can be graded once it has run.
                </Text>
              ) : (
                <>
                  <Text size="sm">
                    Grading ends the weekly rhythm: owners give each key result its final score (0.0–1.0) and
                    each Objective its outcome. Check-ins stay possible until the cycle closes.
                  </Text>
                  <CycleProgress cycle={c} />
                  <Text size="sm" c="dimmed">
                    {gradable.length} active objective{gradable.length === 1 ? "" : "s"} to grade
                    {drafts > 0 ? `; ${drafts} draft${drafts === 1 ? "" : "s"} are not graded` : ""}.
                  </Text>
                </>
              )}
              <FormError
                error={move.variables?.state === "grading" ? move.error : null}
                onReload={() => void cycle.refetch()}
              />
              <Group>
                {c.state === "active" && (
                  <Button onClick={() => moveTo("grading", 1)} loading={move.isPending}>
                    Start grading
                  </Button>
                )}
                {c.state === "grading" && (
                  <Button variant="default" onClick={() => setStep(1)}>
                    Next: scores
                  </Button>
                )}
              </Group>
            </Stack>
          </Card>
        </Stepper.Step>
        <Stepper.Step label="Scores" description="Score key results, grade objectives">
          <ScoringStep
            slug={slug}
            objectives={items}
            roots={tree.data?.roots ?? []}
            editable={c.state === "grading"}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={() => setStep(2)}>
              Next: report
            </Button>
          </Group>
        </Stepper.Step>
        <Stepper.Step label="Report" description="Distribution per team">
          <Card withBorder padding="md">
            {report.isPending ? (
              <TableSkeleton rows={4} />
            ) : report.isError ? (
              <QueryError error={report.error} onRetry={() => void report.refetch()} what="the report" />
            ) : (
              <GradeReport report={report.data} />
            )}
          </Card>
          <Group justify="space-between" mt="sm">
            <Button variant="default" onClick={() => setStep(1)}>
              Back to scores
            </Button>
            <Button variant="default" onClick={() => setStep(3)}>
              Next: close
            </Button>
          </Group>
        </Stepper.Step>
        <Stepper.Step label="Close" description="Freeze the cycle">
          <Card withBorder padding="md">
            <Stack gap="sm">
              <Text size="sm">
                Closing freezes {c.name}: no more check-ins, scores or edits. A promoted KPI whose Key Result
                met its target is then offered its achieved level as the new baseline. An admin can reopen it
                later, with a reason kept in the audit log.
              </Text>
              {ungraded.length > 0 && !closeError && (
                <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>
                  {ungraded.length} objective{ungraded.length === 1 ? " is" : "s are"} not fully graded yet:{" "}
                  {ungraded
                    .slice(0, 3)
                    .map((o) => `“${o.title}”`)
                    .join(", ")}
                  {ungraded.length > 3 ? "…" : ""}. Closing will be refused until they are.
                </Alert>
              )}
              {closeError && (
                <Alert
                  color="red"
                  icon={<IconAlertTriangle size={18} />}
                  title="Not ready to close"
                  role="alert"
                  data-testid="close-gaps"
                >
                  {unscored.length === 0 && noOutcome.length === 0 ? (
                    <Text size="sm">{closeError.message}</Text>
                  ) : (
                    <Stack gap={4}>
                      {unscored.length > 0 && (
                        <div>
                          <Text size="sm" fw={500}>
                            Key results without a final score
                          </Text>
                          <List size="sm">
                            {unscored.slice(0, 10).map((t) => (
                              <List.Item key={t}>{t}</List.Item>
                            ))}
                          </List>
                          {unscored.length > 10 && <Text size="xs">and {unscored.length - 10} more</Text>}
                        </div>
                      )}
                      {noOutcome.length > 0 && (
                        <div>
                          <Text size="sm" fw={500}>
                            Objectives without an outcome
                          </Text>
                          <List size="sm">
                            {noOutcome.slice(0, 10).map((t) => (
                              <List.Item key={t}>{t}</List.Item>
                            ))}
                          </List>
                        </div>
                      )}
                      <Button
                        size="xs"
                        variant="white"
                        color="red"
                        onClick={() => setStep(1)}
                        style={{ alignSelf: "flex-start" }}
                      >
                        Back to scores
                      </Button>
                    </Stack>
                  )}
                </Alert>
              )}
              <Group>
                <Button
                  color="red"
                  leftSection={<IconLock size={16} />}
                  onClick={() => moveTo("closed", 4)}
                  loading={move.isPending}
                  disabled={c.state !== "grading"}
                >
                  Close cycle
                </Button>
                {c.state !== "grading" && (
                  <Text size="sm" c="dimmed">
                    Only a cycle in grading can be closed.
                  </Text>
                )}
              </Group>
            </Stack>
          </Card>
        </Stepper.Step>
        <Stepper.Completed>
          <Card withBorder padding="md">
            <Stack gap="sm">
              <Group gap={6}>
                <IconCalendarStats size={18} />
                <Text fw={600}>{c.state === "closed" ? `${c.name} is closed` : "Almost done"}</Text>
              </Group>
              {c.state === "closed" ? (
                <>
                  <CycleBaselineOffers slug={slug} cycleId={c.id} />
                  <RollOverStep slug={slug} cycle={c} cycles={cycles.items} objectives={items} />
                </>
              ) : (
                <EmptyState icon={<IconLock size={22} />} title="Not closed yet">
                  Go back a step to close the cycle.
                </EmptyState>
              )}
            </Stack>
          </Card>
        </Stepper.Completed>
      </Stepper>
    </>
  );
}
