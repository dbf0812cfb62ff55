import { FormModal } from "../../components/form-modal.tsx";
import { notify } from "../../lib/notify.ts";
import { useSession } from "../../lib/session.ts";
import type { TeamNode } from "../../lib/types.ts";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { assertNoErrors, type IssueMapper } from "../../lib/zod-form.ts";
import type { KpiPrefill } from "../okrs/lint-fix-links.ts";
import {
  blankKpiDraft,
  draftFromKpi,
  type KpiDraft,
  keptBands,
  mapKpiIssues,
  toCreateInput,
  toUpdatePatch,
  validateKpiDraft,
} from "./kpi-draft.ts";
import { KpiIdentityFields } from "./kpi-identity-fields.tsx";
import { KpiMeasureFields } from "./kpi-measure-fields.tsx";
import { KpiThresholdFields } from "./kpi-threshold-fields.tsx";
import { type Kpi, useCreateKpi, useUpdateKpi } from "./kpis-api.ts";

type Props = {
  slug: string;
  opened: boolean;
  onClose: () => void;
  roots: TeamNode[];
  /** Team preselected when creating. */
  teamId?: string | null;
  /** Editing this KPI; creating one when absent. */
  kpi?: Kpi | null;
  onCreated?: (kpi: Kpi) => void;
  onReload?: () => void;
  /** Creating: what to fill in beyond the blank form (a KR moved to the KPI board). */
  prefill?: KpiPrefill | null;
};

/** Band issues name rows by their index in what was sent; the form names them by row key. */
const mapIssues: IssueMapper<KpiDraft> = (issues, sent) =>
  mapKpiIssues(issues, keptBands(sent), sent.direction);

/**
 * Create a KPI with its threshold series, or edit one (key and frequency stay fixed).
 * Its sections: who and what (identity), how it is measured, formula and thresholds.
 */
export function KpiFormModal({
  slug,
  opened,
  onClose,
  roots,
  teamId,
  kpi,
  onCreated,
  onReload,
  prefill,
}: Props) {
  const me = useSession().data?.user ?? null;
  const bp = useBreakpoints();
  const create = useCreateKpi(slug);
  const update = useUpdateKpi(slug);

  const send = async (draft: KpiDraft) => {
    assertNoErrors(validateKpiDraft(draft, !kpi));
    if (kpi) {
      const patch = toUpdatePatch(kpi, draft);
      if (patch) {
        const saved = await update.mutateAsync({ id: kpi.id, patch });
        notify(`Saved “${saved.name}”.`);
      }
      onClose();
      return;
    }
    const created = await create.mutateAsync(toCreateInput(draft));
    notify(`Created the KPI “${created.name}”. Enter its first value when it is due.`);
    onClose();
    onCreated?.(created);
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={kpi ? `Edit ${kpi.name}` : "New KPI"}
      size={880}
      fullScreen={!bp.sm}
      testId="kpi-form"
      resetKey={kpi?.id}
      version={kpi?.version}
      onReload={onReload}
      initialValues={() =>
        kpi
          ? draftFromKpi(kpi)
          : prefilledKpiDraft(
              blankKpiDraft(teamId ?? null, me ? { id: me.id, name: me.name } : null),
              prefill,
            )
      }
      onSubmit={send}
      mapIssues={mapIssues}
      submitLabel={kpi ? "Save changes" : "Create KPI"}
    >
      {(form) => (
        <>
          <KpiIdentityFields form={form} slug={slug} roots={roots} editing={Boolean(kpi)} />
          <KpiMeasureFields form={form} slug={slug} editing={Boolean(kpi)} />
          <KpiThresholdFields form={form} />
        </>
      )}
    </FormModal>
  );
}

/** A blank draft with what a "move to the KPI board" link carried: name, unit, target. */
function prefilledKpiDraft(draft: KpiDraft, prefill: KpiPrefill | null | undefined): KpiDraft {
  if (!prefill) return draft;
  const [band, ...rest] = draft.bands;
  return {
    ...draft,
    ...(prefill.name ? { name: prefill.name } : {}),
    ...(prefill.unit ? { unit: prefill.unit, decimals: 1 } : {}),
    bands:
      band && prefill.target !== undefined ? [{ ...band, target: prefill.target }, ...rest] : draft.bands,
  };
}
