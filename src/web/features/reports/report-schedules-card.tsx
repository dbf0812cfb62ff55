import { Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconMailForward, IconPlus } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { notify } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import { useSession } from "../../lib/session.ts";
import type { TeamNode } from "../../lib/types.ts";
import { usePeople } from "../people/people-api.ts";
import { findTeam, flattenTree } from "../teams/team-tree-utils.ts";
import { ReportScheduleFormModal } from "./report-schedule-form-modal.tsx";
import { type ReportSchedule, useDeleteReportSchedule, useReportSchedules } from "./report-schedules-api.ts";

const FREQUENCY = { weekly: "Weekly", monthly: "Monthly" } as const;
const FORMAT = { pdf: "PDF", csv: "CSV (zip)" } as const;

/**
 * Reports emailed on a schedule (docs/reports.md, "Scheduled reports"): admins manage all
 * of them, leads those of the teams they lead. Others do not see the card.
 */
export function ReportSchedulesCard({
  slug,
  roots,
  teamId,
}: {
  slug: string;
  roots: TeamNode[];
  teamId: string | null;
}) {
  const { role, isAdmin } = useOrg();
  const me = useSession().data?.user.id ?? null;
  // Admins, and members who lead a team (they schedule the reports of the teams they lead).
  const leads = useMemo(() => flattenTree(roots).some((f) => f.team.leadUserId === me), [roots, me]);
  const mayManage = isAdmin || (role === "member" && leads);
  const schedules = useReportSchedules(slug, mayManage);
  const people = usePeople(slug, "", "all", 200, mayManage);
  const remove = useDeleteReportSchedule(slug);
  const [editing, setEditing] = useState<ReportSchedule | null | "new">(null);
  const [deleting, setDeleting] = useState<ReportSchedule | null>(null);
  if (!mayManage) return null;

  const names = new Map(people.items.map((p) => [p.userId, p]));
  const subtreeOf = (s: ReportSchedule) =>
    s.teamId ? (findTeam(roots, s.teamId)?.name ?? "A team") : "Whole organisation";
  const recipientsOf = (s: ReportSchedule) =>
    s.recipientUserIds
      .map((id) => {
        const p = names.get(id);
        if (!p) return "someone";
        return p.status === "active" ? p.name : `${p.name} (no longer a member: skipped)`;
      })
      .join(", ");

  return (
    <Card withBorder padding="md" mt="lg" component="section" aria-labelledby="report-schedules-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="report-schedules-title">
            Scheduled reports
          </Title>
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing("new")}>
            Schedule a report
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {isAdmin
            ? "Keel emails this report weekly or monthly to the people you choose,"
            : "As a team lead you can email the report of the teams you lead, weekly or monthly,"}{" "}
          each copy showing only what its recipient may see.
        </Text>
        {schedules.isPending ? (
          <Skeleton height={48} />
        ) : schedules.isError ? (
          <QueryError
            error={schedules.error}
            onRetry={() => void schedules.refetch()}
            what="the scheduled reports"
          />
        ) : schedules.data.items.length === 0 ? (
          <Group gap="xs" c="dimmed">
            <IconMailForward size={18} aria-hidden />
            <Text size="sm">No scheduled reports yet.</Text>
          </Group>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {schedules.data.items.map((s) => (
              <Card key={s.id} withBorder padding="sm" component="li" data-testid="report-schedule">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500}>
                      {subtreeOf(s)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      To {recipientsOf(s)}
                    </Text>
                  </Stack>
                  <Group gap={6} wrap="nowrap">
                    <Badge variant="light">{FREQUENCY[s.frequency]}</Badge>
                    <Badge variant="light" color="gray">
                      {FORMAT[s.format]}
                    </Badge>
                  </Group>
                </Group>
                <Group gap={4} mt="xs">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setEditing(s)}
                    aria-label={`Edit the scheduled report of ${subtreeOf(s)}`}
                  >
                    Edit
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setDeleting(s)}
                    aria-label={`Delete the scheduled report of ${subtreeOf(s)}`}
                  >
                    Delete
                  </Button>
                </Group>
              </Card>
            ))}
          </Stack>
        )}
      </Stack>
      <ReportScheduleFormModal
        slug={slug}
        roots={roots}
        isAdmin={isAdmin}
        editing={editing === "new" ? null : editing}
        teamId={teamId}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title="Stop this scheduled report?"
        confirmLabel="Delete schedule"
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notify("Scheduled report deleted.");
              setDeleting(null);
            },
          })
        }
      >
        Its recipients get no more copies of the {deleting ? subtreeOf(deleting) : ""} report.
      </ConfirmModal>
    </Card>
  );
}
