import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { IconChecks } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import type { ApiResponse } from "../../../shared/api/client.ts";
import { EmptyState } from "../../components/empty-state.tsx";
import { FormError } from "../../components/form-error.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { notify } from "../../lib/notify.ts";
import { TeamSelect } from "../teams/team-select.tsx";
import { CycleSelect } from "./cycle-select.tsx";
import { RULE_NAMES } from "./lint-findings.tsx";
import { type FixLink, fixLinkOf } from "./lint-fix-links.ts";
import { useFindingStanding, useHealthCheck } from "./okr-lint-api.ts";
import { useOkrScope } from "./use-okr-scope.ts";

type Check = ApiResponse<"/api/orgs/{org}/health-check">;
type Listed = Check["objectives"][number];
type SavedFinding = Listed["findings"][number];
type Dismissing = { objective: Listed; finding: SavedFinding } | null;

/**
 * /o/:org/health-check: the OKR linter's findings on a cycle's saved Objectives (one
 * team's, or all), open ones first; people who may edit an Objective dismiss a finding
 * with a reason (kept in the audit log) or reopen it.
 */
export function HealthCheckPage() {
  const scope = useOkrScope({ withTeam: true, teamOptional: true });
  const { slug, cycle, team, roots } = scope;
  const check = useHealthCheck(slug, scope.ready ? (cycle?.id ?? null) : null, team?.id ?? null);
  const { dismiss, reopen } = useFindingStanding(slug);
  const [dismissing, setDismissing] = useState<Dismissing>(null);
  const [reason, setReason] = useState("");
  const listed = (check.data?.objectives ?? []).filter((o) => o.findings.length > 0);

  const submitDismissal = () => {
    if (!dismissing || reason.trim().length < 3) return;
    dismiss.mutate(
      {
        objectiveId: dismissing.objective.objectiveId,
        rule: dismissing.finding.rule,
        keyResultId: dismissing.finding.keyResultId,
        reason: reason.trim(),
      },
      {
        onSuccess: () => {
          notify("Dismissed; the reason is kept in the audit log.");
          setDismissing(null);
          setReason("");
        },
      },
    );
  };

  return (
    <>
      <PageHeader
        title="Health check"
        description="The OKR linter's findings on this cycle's saved Objectives: fix them in the editor, or dismiss them with a reason."
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
            topLevelLabel="Every team"
            w={230}
          />
          {check.data && (
            <Text size="sm" c="dimmed" aria-live="polite">
              {check.data.open} open, {check.data.dismissed} dismissed
            </Text>
          )}
        </Group>
      </Card>
      {check.isPending && scope.ready && cycle && <Loader size="sm" aria-label="Loading findings" />}
      <FormError error={check.error} />
      {check.isSuccess && listed.length === 0 && (
        <EmptyState icon={<IconChecks size={24} />} title="Nothing to flag">
          Keel found no mistakes in {team ? `${team.name}'s` : "the"} Objectives of{" "}
          {cycle?.name ?? "this cycle"}.
        </EmptyState>
      )}
      <Stack gap="md">
        {listed.map((objective) => (
          <Card
            key={objective.objectiveId}
            withBorder
            padding="sm"
            component="section"
            aria-labelledby={`hc-${objective.objectiveId}`}
          >
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4" id={`hc-${objective.objectiveId}`}>
                <Anchor component={Link} to={`/o/${slug}/okrs/${objective.objectiveId}`}>
                  {objective.title}
                </Anchor>
              </Title>
              <Badge variant="light" color={objective.state === "draft" ? "gray" : "green"}>
                {objective.state}
              </Badge>
            </Group>
            <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {objective.findings.map((finding) => (
                <li key={`${finding.rule}:${finding.on}`} data-rule={finding.rule}>
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Group gap={6}>
                        <Text size="sm" fw={600}>
                          {RULE_NAMES[finding.rule]}
                        </Text>
                        <Badge
                          size="xs"
                          color={finding.severity === "warning" ? "yellow" : "blue"}
                          variant="light"
                        >
                          {finding.severity}
                        </Badge>
                        {finding.status === "dismissed" && (
                          <Badge size="xs" color="gray">
                            dismissed
                          </Badge>
                        )}
                        <Text size="xs" c="dimmed">
                          {finding.on === "objective"
                            ? "on the Objective"
                            : `on key result ${Number(finding.on.split(".")[1]) + 1}`}
                        </Text>
                      </Group>
                      <Text size="sm">{finding.message}</Text>
                      <FixLinkAnchor link={fixLinkOf(slug, objective.teamId, finding.fix)} />
                      {finding.dismissal && (
                        <Text size="xs" c="dimmed">
                          Dismissed: “{finding.dismissal.reason}”
                        </Text>
                      )}
                    </Stack>
                    {objective.canDismiss &&
                      (finding.status === "open" ? (
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => setDismissing({ objective, finding })}
                        >
                          Dismiss…
                        </Button>
                      ) : (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          loading={reopen.isPending}
                          onClick={() =>
                            reopen.mutate(
                              {
                                objectiveId: objective.objectiveId,
                                rule: finding.rule,
                                keyResultId: finding.keyResultId,
                              },
                              { onSuccess: () => notify("Reopened.") },
                            )
                          }
                        >
                          Reopen
                        </Button>
                      ))}
                  </Group>
                </li>
              ))}
            </Stack>
          </Card>
        ))}
      </Stack>
      <FormError error={reopen.error} />
      <Modal
        opened={dismissing !== null}
        onClose={() => setDismissing(null)}
        title={dismissing ? `Dismiss “${RULE_NAMES[dismissing.finding.rule]}”` : ""}
        size="sm"
      >
        <Stack gap="sm">
          <Text size="sm">{dismissing?.finding.message}</Text>
          <Textarea
            label="Why it does not apply"
            description="Required; kept in the audit log."
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reason.length > 0 && reason.trim().length < 3 ? "Say why in a few words" : undefined}
            data-autofocus
          />
          <FormError error={dismiss.error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setDismissing(null)}>
              Cancel
            </Button>
            <Button onClick={submitDismissal} loading={dismiss.isPending} disabled={reason.trim().length < 3}>
              Dismiss finding
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** A fix made on another page (the KPI board, the team's floor), as a link under the finding. */
function FixLinkAnchor({ link }: { link: FixLink | null }) {
  if (!link) return null;
  return (
    <Anchor component={Link} to={link.href} size="sm">
      {link.label}
    </Anchor>
  );
}
