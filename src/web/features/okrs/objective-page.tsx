import { Button } from "@mantine/core";
import { IconTarget } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { may } from "../../../domain/roles.ts";
import { EmptyState } from "../../components/empty-state.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import type { ApiError } from "../../lib/api-client.ts";
import { isApiError } from "../../lib/api-client.ts";
import { useOrg } from "../../lib/org-context.tsx";
import { useSession } from "../../lib/session.ts";
import type { KeyResult } from "../../lib/types.ts";
import { useDocumentTitle } from "../../lib/use-document-title.ts";
import { CheckInModal } from "../check-ins/check-in-modal.tsx";
import type { TimelineEntry } from "../check-ins/check-in-timeline.tsx";
import { useCycles } from "../cycles/cycles-api.ts";
import { ObjectiveGrading } from "../grading/objective-grading.tsx";
import { ObjectiveBaselineOffers } from "../kpi-links/baseline-offer-card.tsx";
import { useTeamTree } from "../teams/teams-api.ts";
import { AlignModal } from "./align-modal.tsx";
import { DemoteKeyResultModal } from "./demote-key-result-modal.tsx";
import { HealthKpiStrip } from "./health-kpi-strip.tsx";
import { KpiImpactSection } from "./kpi-impact-section.tsx";
import { ActivationAlert, ObjectiveActions } from "./objective-actions.tsx";
import { ObjectiveCheckIns } from "./objective-check-ins.tsx";
import { ObjectiveFormModal } from "./objective-form-modal.tsx";
import { ObjectiveHeader } from "./objective-header.tsx";
import { ObjectiveKeyResults } from "./objective-key-results.tsx";
import { CycleNotStartedNotice, NewTargetNotice } from "./objective-notices.tsx";
import { ObjectiveOverview } from "./objective-overview.tsx";
import { useObjective } from "./okrs-api.ts";
import { useObjectiveCheckIns } from "./use-objective-check-ins.ts";

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
  const { byKr, entries, loading: checkInsLoading } = useObjectiveCheckIns(slug, krs);
  const [dialog, setDialog] = useState<"edit" | "align" | null>(null);
  const [checkInOn, setCheckInOn] = useState<KeyResult | null>(null);
  const [demoting, setDemoting] = useState<KeyResult | null>(null);
  const [editing, setEditing] = useState<TimelineEntry | null>(null);
  const [activationError, setActivationError] = useState<ApiError | Error | null>(null);
  useDocumentTitle(o?.title ?? "Objective");

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
  // Who may act comes with the Objective (`can`); whether its state lets anyone is judged here.
  const checkInsOpen = !frozen && !o.archived && running && o.state === "active";
  // Grading holds the Objective's outcome and its KRs' scores: either right opens it.
  const mayGrade = o.can.grade || krs.some((kr) => kr.can.checkIn);
  const editNow = o.can.edit && !frozen ? () => setDialog("edit") : null;

  return (
    <>
      <ObjectiveHeader
        slug={slug}
        objective={o}
        cycle={cycle}
        actions={
          o.can.edit && (
            <ObjectiveActions
              slug={slug}
              objective={o}
              onEdit={() => setDialog("edit")}
              onAlign={() => setDialog("align")}
              onActivateError={setActivationError}
              onReload={() => void objective.refetch()}
            />
          )
        }
      />
      <CycleNotStartedNotice
        slug={slug}
        objective={o}
        cycle={cycle}
        mayStartCycle={may(role, "manage_cycles")}
      />
      <NewTargetNotice objective={o} onEdit={editNow} />
      <ObjectiveBaselineOffers slug={slug} objectiveId={o.id} />
      <ActivationAlert
        error={activationError}
        onDismiss={() => setActivationError(null)}
        onEdit={() => setDialog("edit")}
      />
      <ObjectiveOverview slug={slug} objective={o} />
      <HealthKpiStrip slug={slug} objective={o} onEdit={editNow} />
      {(cycle?.state === "grading" || cycle?.state === "closed") && o.state !== "draft" && (
        <KpiImpactSection slug={slug} objectiveId={o.id} afterToo={cycle.state === "closed"} />
      )}
      {cycle?.state === "grading" && mayGrade && o.state !== "draft" && (
        <ObjectiveGrading slug={slug} objective={o} />
      )}
      <ObjectiveKeyResults
        objective={o}
        keyResults={krs}
        cycle={cycle}
        checkIns={byKr}
        checkInsOpen={checkInsOpen}
        onAdd={editNow}
        onCheckIn={setCheckInOn}
        onTurnIntoKpi={o.can.edit && !frozen ? setDemoting : null}
      />
      <DemoteKeyResultModal
        slug={slug}
        kr={demoting}
        objectiveTeamId={o.teamId}
        checkIns={demoting ? byKr.get(demoting.id) : undefined}
        roots={tree.data?.roots ?? []}
        onClose={() => setDemoting(null)}
        onDone={() => {
          setDemoting(null);
          void objective.refetch();
        }}
      />
      <ObjectiveCheckIns
        objective={o}
        entries={entries}
        loading={checkInsLoading}
        userId={userId}
        frozen={frozen}
        onEdit={setEditing}
      />

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
