import { Anchor, Breadcrumbs, Button, Card, Grid, Group, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconTarget, IconUser } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { EmptyState } from "../../components/empty-state.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import type { ApiError } from "../../lib/api-client.ts";
import { isApiError } from "../../lib/api-client.ts";
import { useOrg } from "../../lib/org-context.tsx";
import { useSession } from "../../lib/session.ts";
import type { CheckIn, KeyResult } from "../../lib/types.ts";
import { useDocumentTitle } from "../../lib/use-document-title.ts";
import { CheckInModal } from "../check-ins/check-in-modal.tsx";
import { CheckInTimeline, type TimelineEntry, timelineEntries } from "../check-ins/check-in-timeline.tsx";
import { useCheckInHistories } from "../check-ins/check-ins-api.ts";
import { CycleStateBadge } from "../cycles/cycle-state-badge.tsx";
import { useCycles } from "../cycles/cycles-api.ts";
import { ObjectiveGrading } from "../grading/objective-grading.tsx";
import { useTeamTree } from "../teams/teams-api.ts";
import { AlignModal } from "./align-modal.tsx";
import { AlignmentLinks } from "./alignment-links.tsx";
import { KeyResultPanel } from "./key-result-panel.tsx";
import { ActivationAlert, ObjectiveActions } from "./objective-actions.tsx";
import { ObjectiveFormModal } from "./objective-form-modal.tsx";
import { CycleNotStartedNotice, NewTargetNotice } from "./objective-notices.tsx";
import { ObjectiveStateBadge } from "./objective-state-badge.tsx";
import { formatProgress, formatScore } from "./okr-format.ts";
import { OkrProgressBar } from "./okr-progress-bar.tsx";
import { OkrStatusBadge } from "./okr-status-badge.tsx";
import { useObjective } from "./okrs-api.ts";

/** /o/:org/okrs/:objectiveId: one Objective with its KRs, charts, check-ins and alignment. */
export function ObjectivePage() {
  const { objectiveId = "" } = useParams();
  const { slug, role } = useOrg();
  const userId = useSession().data?.user.id ?? "";
  const objective = useObjective(slug, objectiveId);
  const cycles = useCycles(slug, "", 200);
  const tree = useTeamTree(slug);
  const o = objective.data;
  const krs = useMemo(() => (o?.keyResults ?? []).filter((k) => !k.archived), [o]);
  const histories = useCheckInHistories(
    slug,
    krs.map((k) => k.id),
  );
  const [dialog, setDialog] = useState<"edit" | "align" | null>(null);
  const [checkInOn, setCheckInOn] = useState<KeyResult | null>(null);
  const [editing, setEditing] = useState<TimelineEntry | null>(null);
  const [activationError, setActivationError] = useState<ApiError | Error | null>(null);
  useDocumentTitle(o?.title ?? "Objective");

  const byKr = useMemo(() => {
    const map = new Map<string, CheckIn[]>();
    krs.forEach((kr, i) => {
      const items = histories[i]?.data?.items;
      if (items) map.set(kr.id, items);
    });
    return map;
  }, [krs, histories]);
  const entries = useMemo(() => timelineEntries(krs, byKr), [krs, byKr]);

  if (objective.isPending) return <TableSkeleton rows={8} />;
  if (objective.isError || !o) {
    return isApiError(objective.error, "not_found") ? (
      <EmptyState
        icon={<IconTarget size={24} />}
        title="Objective not found"
        action={
          <Button component={Link} to={`/o/${slug}/okrs`} variant="default">
            Back to OKRs
          </Button>
        }
      >
        It may have been archived, or the link is wrong.
      </EmptyState>
    ) : (
      <QueryError error={objective.error} onRetry={() => void objective.refetch()} what="the objective" />
    );
  }

  const cycle = cycles.items.find((c) => c.id === o.cycleId) ?? null;
  const frozen = o.state === "closed" || cycle?.state === "closed";
  const running = cycle ? cycle.state === "active" || cycle.state === "grading" : false;
  const canEdit = role !== "viewer";
  const canCheckIn = canEdit && !frozen && !o.archived && running && o.state === "active";
  const back = `/o/${slug}/okrs?cycle=${o.cycleId}${o.teamId ? `&team=${o.teamId}` : ""}`;

  return (
    <>
      <Breadcrumbs mb="xs" separator="›" fz="sm">
        <Anchor component={Link} to={back} size="sm">
          <Group gap={4} wrap="nowrap">
            <IconArrowLeft size={14} />
            OKRs
          </Group>
        </Anchor>
        {o.teamName && (
          <Text size="sm" c="dimmed">
            {o.teamName}
          </Text>
        )}
        {cycle && (
          <Text size="sm" c="dimmed">
            {cycle.name}
          </Text>
        )}
      </Breadcrumbs>

      <Group justify="space-between" align="flex-start" gap="sm" mb="sm" wrap="wrap">
        <Stack gap={4} style={{ flex: "1 1 320px", minWidth: 0 }}>
          <Title order={1} style={{ overflowWrap: "anywhere" }}>
            {o.restricted ? "Objective visible to its team only" : o.title}
          </Title>
          <Group gap="xs" wrap="wrap">
            {o.state !== "draft" && <OkrStatusBadge status={o.status} />}
            <ObjectiveStateBadge objective={o} />
            {cycle && cycle.state !== "active" && <CycleStateBadge state={cycle.state} />}
            <Group gap={4} wrap="nowrap">
              <IconUser size={14} color="var(--mantine-color-dimmed)" aria-hidden />
              <Text size="sm">{o.ownerName ?? "No owner"}</Text>
            </Group>
            {o.archived && (
              <Text size="sm" c="dimmed">
                Archived
              </Text>
            )}
          </Group>
          {o.description && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
              {o.description}
            </Text>
          )}
        </Stack>
        {canEdit && (
          <ObjectiveActions
            slug={slug}
            objective={o}
            onEdit={() => setDialog("edit")}
            onAlign={() => setDialog("align")}
            onActivateError={setActivationError}
            onReload={() => void objective.refetch()}
          />
        )}
      </Group>
      <CycleNotStartedNotice slug={slug} objective={o} cycle={cycle} role={role} />
      <NewTargetNotice objective={o} onEdit={canEdit && !frozen ? () => setDialog("edit") : null} />
      <ActivationAlert
        error={activationError}
        onDismiss={() => setActivationError(null)}
        onEdit={() => setDialog("edit")}
      />

      <Grid gap="md" my="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder padding="sm" h="100%">
            <Text size="xs" c="dimmed" fw={500} mb={4}>
              Progress
            </Text>
            <Group gap="sm" align="baseline" mb={6}>
              <Text fz={24} fw={600} className="keel-num" data-testid="objective-progress">
                {formatProgress(o.progress)}
              </Text>
              {o.state !== "draft" && (
                <Text size="sm" c="dimmed" className="keel-num">
                  expected by now {formatProgress(o.expectedProgress)}
                </Text>
              )}
              {o.grade !== null && (
                <Text size="sm" className="keel-num">
                  Grade {formatScore(o.grade)}
                </Text>
              )}
            </Group>
            <OkrProgressBar
              progress={o.progress}
              expected={o.state === "draft" ? null : o.expectedProgress}
              status={o.state === "draft" ? undefined : o.status}
              size="md"
              withLabel={false}
              label={`Progress of ${o.title}`}
            />
            <Text size="xs" c="dimmed" mt={6}>
              The weighted mean of its key results, each counted up to 100 %. The tick marks how much of the
              cycle has passed.
            </Text>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <AlignmentLinks slug={slug} objective={o} />
        </Grid.Col>
      </Grid>

      {o.retrospective && (
        <Card withBorder padding="sm" mb="md">
          <Text size="xs" c="dimmed" fw={500}>
            Retrospective
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {o.retrospective}
          </Text>
        </Card>
      )}

      {cycle?.state === "grading" && canEdit && o.state !== "draft" && (
        <ObjectiveGrading slug={slug} objective={o} />
      )}

      <Title order={2} mb="xs" mt="md">
        Key results
      </Title>
      {krs.length === 0 ? (
        <Card withBorder>
          <EmptyState
            icon={<IconTarget size={22} />}
            title="No key results yet"
            action={
              canEdit &&
              !frozen && (
                <Button variant="default" onClick={() => setDialog("edit")}>
                  Add key results
                </Button>
              )
            }
          >
            Add 2–5 measurable key results: how will you know this Objective was reached?
          </EmptyState>
        </Card>
      ) : (
        <Stack gap="sm">
          {krs.map((kr) => (
            <KeyResultPanel
              key={kr.id}
              kr={kr}
              expected={o.state === "draft" ? null : o.expectedProgress}
              cycle={cycle}
              checkIns={byKr.get(kr.id)}
              canCheckIn={canCheckIn}
              onCheckIn={() => setCheckInOn(kr)}
            />
          ))}
        </Stack>
      )}

      <Title order={2} mb="xs" mt="lg">
        Check-ins
      </Title>
      <Card withBorder padding="md">
        {histories.some((h) => h.isPending) ? (
          <TableSkeleton rows={4} />
        ) : entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {o.state === "draft"
              ? "Check-ins start once the Objective is active."
              : "No check-ins yet. Owners check in weekly: the new value, a confidence from 0 to 10, and a note on progress, next steps and blockers."}
          </Text>
        ) : (
          <CheckInTimeline entries={entries} userId={userId} frozen={frozen} onEdit={setEditing} />
        )}
      </Card>

      <ObjectiveFormModal
        slug={slug}
        opened={dialog === "edit"}
        onClose={() => setDialog(null)}
        cycle={cycle}
        roots={tree.data?.roots ?? []}
        objective={o}
        onReload={() => void objective.refetch()}
      />
      <AlignModal
        slug={slug}
        objective={dialog === "align" ? o : null}
        cycles={cycles.items}
        onClose={() => setDialog(null)}
        onReload={() => void objective.refetch()}
      />
      <CheckInModal
        slug={slug}
        keyResult={checkInOn ?? editing?.kr ?? null}
        editing={editing?.checkIn ?? null}
        onClose={() => {
          setCheckInOn(null);
          setEditing(null);
        }}
      />
    </>
  );
}
