import { Button, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { roleAtLeast } from "../../../domain/roles.ts";
import { PageHeader } from "../../components/page-header.tsx";
import { useOrg } from "../../lib/org-context.tsx";
import { useSession } from "../../lib/session.ts";
import type { Objective } from "../../lib/types.ts";
import { TeamKpiSection } from "../kpis/team-kpi-section.tsx";
import { mayFollow } from "../team-check-ins/team-check-ins-scope.ts";
import { AlignModal } from "./align-modal.tsx";
import { CyclePhaseNotices } from "./cycle-phase-notices.tsx";
import { ObjectiveFormModal } from "./objective-form-modal.tsx";
import { useObjectives, useTeamHealth } from "./okrs-api.ts";
import { OkrsToolbar } from "./okrs-toolbar.tsx";
import { TeamFlagsSection } from "./team-flags-section.tsx";
import { TeamObjectives } from "./team-objectives.tsx";
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
  // Anyone who writes OKRs may start one; the form offers the teams (or a personal one).
  const canCreate = roleAtLeast(role, "member");
  const frozen = cycle?.state === "closed";

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
          canCreate && (
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
      <OkrsToolbar
        scope={scope}
        followsTeam={team !== null && mayFollow(roots, team.id, userId, isAdmin)}
        showArchived={showArchived}
        onShowArchived={setShowArchived}
      />
      <CyclePhaseNotices slug={slug} cycle={cycle} mayClose={isAdmin} />
      {scope.ready && team && <TeamFlagsSection slug={slug} teamId={team.id} teamName={team.name} />}
      <TeamObjectives
        scope={scope}
        objectives={objectives}
        health={health}
        isAdmin={isAdmin}
        canCreate={canCreate}
        onCreate={() => setDialog({ kind: "create" })}
        onEdit={(o) => setDialog({ kind: "edit", id: o.id })}
        onAlign={(o) => setDialog({ kind: "align", id: o.id })}
      />
      {scope.ready && team && <TeamKpiSection slug={slug} team={team} cycle={cycle} roots={roots} />}
      {!canCreate && (
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
