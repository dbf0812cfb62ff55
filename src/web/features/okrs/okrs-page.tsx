import { Alert, Anchor, Button, Card, Group, Stack, Switch, Text } from "@mantine/core";
import {
  IconBinaryTree,
  IconClipboardCheck,
  IconHierarchy2,
  IconLock,
  IconPlus,
  IconTarget,
  IconUsersGroup,
} from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { daysUntil, plural } from "../../lib/format.ts";
import { useOrg } from "../../lib/org-context.tsx";
import { useSession } from "../../lib/session.ts";
import type { Objective } from "../../lib/types.ts";
import { CycleProgress } from "../cycles/cycle-progress.tsx";
import { CycleStateBadge } from "../cycles/cycle-state-badge.tsx";
import { TeamKpiSection } from "../kpis/team-kpi-section.tsx";
import { mayFollow } from "../team-check-ins/team-check-ins-scope.ts";
import { TeamSelect } from "../teams/team-select.tsx";
import { AlignModal } from "./align-modal.tsx";
import { CycleSelect } from "./cycle-select.tsx";
import { ObjectiveCard } from "./objective-card.tsx";
import { ObjectiveFormModal } from "./objective-form-modal.tsx";
import { useObjectives, useTeamHealth } from "./okrs-api.ts";
import { StatusSummary } from "./status-summary.tsx";
import { TeamHealthBadge } from "./team-health-badge.tsx";
import { useOkrScope } from "./use-okr-scope.ts";

type Dialog = { kind: "create" } | { kind: "edit"; id: string } | { kind: "align"; id: string } | null;

/**
 * /o/:org/okrs: the team page: one team's Objectives in one cycle, with every KR, status
 * and pace, and beside them its KPI board, KPI floor and open escalations.
 */
export function OkrsPage() {
  const { org, isAdmin, role } = useOrg();
  const scope = useOkrScope({ withTeam: true });
  const { slug, cycle, team, roots } = scope;
  const [showArchived, setShowArchived] = useState(false);
  const userId = useSession().data?.user.id ?? "";
  const [dialog, setDialog] = useState<Dialog>(null);
  const objectives = useObjectives(
    slug,
    { cycleId: cycle?.id, teamId: team?.id, ...(showArchived ? { includeArchived: "true" } : {}) },
    scope.ready && cycle !== null && team !== null,
  );
  const health = useTeamHealth(slug, scope.ready ? (team?.id ?? null) : null, cycle?.id ?? null);
  const items = objectives.data?.items ?? [];
  const byId = (id: string): Objective | null => items.find((o) => o.id === id) ?? null;
  const canEdit = role !== "viewer";
  const frozen = cycle?.state === "closed";
  const kpiOnly = team?.methodology === "kpi";

  const title = team && cycle ? `${team.name} · ${cycle.name}` : "OKRs";
  return (
    <>
      <PageHeader
        title="OKRs"
        description={
          team && cycle
            ? `What ${team.name} aims to change in ${cycle.name}, and how it is going.`
            : "Each team's Objectives and Key Results for a cycle."
        }
        actions={
          canEdit && (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setDialog({ kind: "create" })}
              disabled={!cycle || frozen || !scope.ready}
              data-shortcut-new
            >
              New objective
            </Button>
          )
        }
      />
      <Card withBorder padding="sm" mb="md">
        <Group gap="sm" wrap="wrap" align="center">
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
            onChange={(v) => v && scope.setTeam(v)}
            leftSection={<IconHierarchy2 size={15} />}
            w={230}
            testId="okr-team-select"
          />
          {cycle && <CycleStateBadge state={cycle.state} />}
          {cycle && (cycle.state === "active" || cycle.state === "grading") && (
            <div style={{ flex: "1 1 220px", maxWidth: 320 }}>
              <CycleProgress cycle={cycle} showDates={false} />
            </div>
          )}
          <Group gap="md" ml="auto" wrap="nowrap">
            <Anchor
              component={Link}
              to={`../alignment${cycle ? `?cycle=${cycle.id}` : ""}`}
              relative="path"
              size="sm"
            >
              <Group gap={4} wrap="nowrap">
                <IconBinaryTree size={15} />
                Alignment
              </Group>
            </Anchor>
            {team && mayFollow(roots, team.id, userId, isAdmin) && (
              <Anchor component={Link} to={`/o/${slug}/teams/${team.id}/check-ins`} size="sm">
                <Group gap={4} wrap="nowrap">
                  <IconUsersGroup size={15} />
                  Team check-ins
                </Group>
              </Anchor>
            )}
            <Switch
              size="xs"
              label="Show archived"
              checked={showArchived}
              onChange={(e) => setShowArchived(e.currentTarget.checked)}
            />
          </Group>
        </Group>
      </Card>

      {cycle?.state === "grading" && (
        <Alert
          color="yellow"
          icon={<IconClipboardCheck size={18} />}
          mb="md"
          title={`${cycle.name} is in grading`}
        >
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm">
              Owners give each key result its final score (0.0–1.0) and each Objective its outcome. Closing
              the cycle then freezes them.
            </Text>
            {isAdmin && (
              <Button
                component={Link}
                to={`/o/${slug}/admin/cycles/${cycle.id}/close`}
                size="xs"
                variant="white"
                color="yellow"
              >
                Open the close wizard
              </Button>
            )}
          </Group>
        </Alert>
      )}
      {isAdmin && cycle?.state === "active" && daysUntil(cycle.endsOn) <= 14 && (
        <Alert color="blue" icon={<IconClipboardCheck size={18} />} mb="md">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm">
              {daysUntil(cycle.endsOn) < 0
                ? `${cycle.name} has ended. Grade its OKRs and close it.`
                : `${cycle.name} ends in ${plural(daysUntil(cycle.endsOn), "day")}. Grading comes next.`}
            </Text>
            <Button
              component={Link}
              to={`/o/${slug}/admin/cycles/${cycle.id}/close`}
              size="xs"
              variant="white"
            >
              Grade and close
            </Button>
          </Group>
        </Alert>
      )}
      {frozen && cycle && (
        <Alert color="gray" icon={<IconLock size={18} />} mb="md">
          {cycle.name} is closed: its OKRs and check-ins are frozen. An admin can reopen it.
        </Alert>
      )}

      {!scope.ready || (objectives.isPending && cycle && team) ? (
        <Card withBorder>
          <TableSkeleton rows={6} />
        </Card>
      ) : scope.cycles.isError || scope.tree.isError ? (
        <QueryError
          error={scope.cycles.error ?? scope.tree.error}
          onRetry={() => {
            void scope.cycles.refetch();
            void scope.tree.refetch();
          }}
          what="the cycles and teams"
        />
      ) : !cycle ? (
        <EmptyState
          icon={<IconTarget size={24} />}
          title="No cycles yet"
          action={
            isAdmin && (
              <Button component={Link} to={`/o/${slug}/admin/cycles`} variant="default">
                Go to cycles
              </Button>
            )
          }
        >
          OKRs live in cycles, usually quarters.{" "}
          {isAdmin ? "Generate a fiscal year of cycles first." : "An admin creates them."}
        </EmptyState>
      ) : !team ? (
        <EmptyState icon={<IconHierarchy2 size={24} />} title="No teams yet">
          OKRs belong to teams.{" "}
          {isAdmin ? "Create the company as the top team first." : "An admin creates teams."}
        </EmptyState>
      ) : objectives.isError ? (
        <QueryError
          error={objectives.error}
          onRetry={() => void objectives.refetch()}
          what="the objectives"
        />
      ) : items.length === 0 ? (
        <Card withBorder>
          <EmptyState
            icon={<IconTarget size={24} />}
            title={
              kpiOnly ? `${team.name} runs KPIs only` : `No Objectives for ${team.name} in ${cycle.name} yet`
            }
            action={
              canEdit &&
              !frozen &&
              !kpiOnly && (
                <Button
                  variant="default"
                  leftSection={<IconPlus size={15} />}
                  onClick={() => setDialog({ kind: "create" })}
                >
                  Write the first objective
                </Button>
              )
            }
          >
            {kpiOnly
              ? `Teams that run KPIs only keep their health on the KPI board. To set OKRs, an admin changes ${team.name}'s methodology to OKRs or both.`
              : frozen
                ? `${cycle.name} is closed, so nothing can be added to it.`
                : "An Objective says what must change this cycle, in words that inspire; add 2–5 measurable Key Results that prove it happened, and align it to what the level above aims at. It starts as a draft: activate it when every key result has an owner and a target."}
          </EmptyState>
        </Card>
      ) : (
        <Stack gap="sm">
          <Group gap="lg" wrap="wrap">
            {health.data && <TeamHealthBadge health={health.data} teamName={team.name} />}
            <StatusSummary objectives={items} label={title} />
          </Group>
          {items.map((o) => (
            <ObjectiveCard
              key={o.id}
              slug={slug}
              objective={o}
              canEdit={canEdit}
              onEdit={(x) => setDialog({ kind: "edit", id: x.id })}
              onAlign={(x) => setDialog({ kind: "align", id: x.id })}
              onReload={() => void objectives.refetch()}
            />
          ))}
          {isAdmin && (
            <Anchor component={Link} to={`../teams?newUnder=${team.id}`} relative="path" size="xs">
              New sub-team under {team.name}
            </Anchor>
          )}
          {team.children.length > 0 && (
            <Text size="xs" c="dimmed">
              Sub-teams:{" "}
              {team.children
                .filter((c) => !c.archived)
                .map((c, i) => (
                  <span key={c.id}>
                    {i > 0 && " · "}
                    <Anchor size="xs" onClick={() => scope.setTeam(c.id)} component="button" type="button">
                      {c.name}
                    </Anchor>
                  </span>
                ))}
            </Text>
          )}
        </Stack>
      )}
      {scope.ready && team && (
        <TeamKpiSection slug={slug} team={team} cycle={cycle} roots={roots} role={role} />
      )}
      {!canEdit && (
        <Text size="xs" c="dimmed" mt="xs">
          As a viewer in {org.name} you read OKRs; members write and check in.
        </Text>
      )}

      <ObjectiveFormModal
        slug={slug}
        opened={dialog?.kind === "create" || (dialog?.kind === "edit" && byId(dialog.id) !== null)}
        onClose={() => setDialog(null)}
        cycle={cycle}
        roots={roots}
        teamId={team?.id ?? null}
        objective={dialog?.kind === "edit" ? byId(dialog.id) : null}
        onReload={() => void objectives.refetch()}
        onCreated={(created) => {
          if (created.teamId && created.teamId !== team?.id) scope.setTeam(created.teamId);
        }}
      />
      <AlignModal
        slug={slug}
        objective={dialog?.kind === "align" ? byId(dialog.id) : null}
        cycles={scope.cycles.items}
        onClose={() => setDialog(null)}
        onReload={() => void objectives.refetch()}
      />
    </>
  );
}
