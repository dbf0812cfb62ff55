import { useMemo } from "react";
import { FormModal } from "../../components/form-modal.tsx";
import { notify } from "../../lib/notify.ts";
import { useSession } from "../../lib/session.ts";
import type { Cycle, Objective, TeamNode } from "../../lib/types.ts";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { assertNoErrors, type IssueMapper } from "../../lib/zod-form.ts";
import { flattenTree } from "../teams/team-tree-utils.ts";
import {
  diffEdits,
  draftFromObjective,
  emptyKeyResult,
  keptKeyResults,
  mapIssues,
  type ObjectiveDraft,
  toCreateInput,
  validateDraft,
} from "./objective-draft.ts";
import { ObjectiveFormBody } from "./objective-form-body.tsx";
import { useCreateObjective, useSaveObjectiveEdits } from "./okrs-api.ts";

type Props = {
  slug: string;
  opened: boolean;
  onClose: () => void;
  cycle: Cycle | null;
  roots: TeamNode[];
  /** Team preselected when creating (the page's team). */
  teamId?: string | null;
  /** Editing this Objective; creating a new one when absent. */
  objective?: Objective | null;
  onCreated?: (objective: Objective) => void;
  onReload?: () => void;
};

/** A create request's issues say "keyResults.N.field": N counts the KRs sent, not the rows. */
const mapCreateIssues: IssueMapper<ObjectiveDraft> = (issues, draft) =>
  mapIssues(issues, keptKeyResults(draft));
/** An edit is several requests; their issues name no row, so they show above the buttons. */
const mapEditIssues: IssueMapper<ObjectiveDraft> = (issues) => ({ errors: {}, unplaced: [...issues] });

/**
 * Create an Objective with its Key Results (a draft: it may be incomplete), or edit one.
 * Blank KR rows are ignored, so adding a row too many does no harm. Its sections: the
 * Objective (objective-fields.tsx) and its key results (key-results-section.tsx).
 */
export function ObjectiveFormModal(props: Props) {
  const { slug, opened, onClose, cycle, roots, teamId, objective, onCreated, onReload } = props;
  const me = useSession().data?.user ?? null;
  const bp = useBreakpoints();
  const create = useCreateObjective(slug);
  const save = useSaveObjectiveEdits(slug);

  // Teams that run KPIs only cannot hold OKRs (the API refuses): not offered.
  const kpiOnly = useMemo(
    () =>
      new Set(
        flattenTree(roots)
          .filter((f) => f.team.methodology === "kpi" && f.team.id !== objective?.teamId)
          .map((f) => f.team.id),
      ),
    [roots, objective?.teamId],
  );

  const send = async (draft: ObjectiveDraft) => {
    assertNoErrors(validateDraft(draft));
    if (objective) {
      const edits = diffEdits(objective, draft);
      if (edits.patch || edits.added.length > 0 || edits.changed.length > 0) {
        await save.mutateAsync({ id: objective.id, ...edits });
        notify(`Saved “${draft.title.trim()}”.`);
      }
      onClose();
      return;
    }
    if (!cycle) return;
    const created = await create.mutateAsync(toCreateInput(draft, cycle.id));
    notify(`Created the draft “${created.title}”. Activate it when its key results have owners and targets.`);
    onClose();
    onCreated?.(created);
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={objective ? "Edit objective" : `New objective${cycle ? ` in ${cycle.name}` : ""}`}
      size={880}
      fullScreen={!bp.sm}
      testId="objective-form"
      resetKey={objective?.id}
      version={objective?.version}
      onReload={onReload}
      initialValues={() =>
        objective
          ? draftFromObjective(objective)
          : blankDraft(teamId && !kpiOnly.has(teamId) ? teamId : null, me?.id ?? null, me?.name ?? null)
      }
      onSubmit={send}
      mapIssues={objective ? mapEditIssues : mapCreateIssues}
      submitLabel={objective ? "Save changes" : "Create objective"}
    >
      {(form) => (
        <ObjectiveFormBody
          form={form}
          slug={slug}
          cycleId={objective?.cycleId ?? cycle?.id ?? null}
          roots={roots}
          kpiOnly={kpiOnly}
          objective={objective}
        />
      )}
    </FormModal>
  );
}

function blankDraft(
  teamId: string | null,
  ownerUserId: string | null,
  ownerName: string | null,
): ObjectiveDraft {
  return {
    title: "",
    description: "",
    teamId,
    ownerUserId,
    ownerName,
    themeId: null,
    visibility: "organization",
    keyResults: [emptyKeyResult(ownerUserId, ownerName)],
    healthKpiIds: [],
  };
}
