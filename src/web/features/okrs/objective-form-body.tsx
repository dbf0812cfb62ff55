import type { KeelForm } from "../../components/form-modal.tsx";
import { notify } from "../../lib/notify.ts";
import type { Objective, TeamNode } from "../../lib/types.ts";
import { HealthKpisField } from "./health-kpis-field.tsx";
import { KeyResultsSection } from "./key-results-section.tsx";
import { applyFix, type LintFinding, rowKeyOf, toLintBody } from "./lint-draft.ts";
import { LintFindings } from "./lint-findings.tsx";
import { fixLinkOf } from "./lint-fix-links.ts";
import type { ObjectiveDraft } from "./objective-draft.ts";
import { ObjectiveFields } from "./objective-fields.tsx";
import { useDraftFindings } from "./okr-lint-api.ts";

type Props = {
  form: KeelForm<ObjectiveDraft>;
  slug: string;
  cycleId: string | null;
  roots: TeamNode[];
  kpiOnly: Set<string>;
  objective?: Objective | null | undefined;
};

/**
 * The Objective form's fields with the OKR linter beside them: findings on the Objective
 * under its fields, each KR's under its row, refreshed as the user types. A linter that
 * cannot answer stays quiet: it advises, it never blocks saving.
 */
export function ObjectiveFormBody({ form, slug, cycleId, roots, kpiOnly, objective }: Props) {
  const { body, keys } = toLintBody(form.values, { cycleId, objectiveId: objective?.id ?? null });
  const lint = useDraftFindings(slug, body, true);
  const findings = lint.data?.findings ?? [];
  const on = (key: string | null) => findings.filter((f) => rowKeyOf(f, keys) === key);
  const linkOf = (finding: LintFinding) => fixLinkOf(slug, form.values.teamId, finding.fix);
  const fix = (finding: LintFinding) => {
    form.setValues(applyFix(form.values, finding, keys));
    if (finding.fix?.kind === "move-to-kpi-board") {
      // One click: the KR leaves the draft and the KPI board opens beside it, filled in.
      const link = linkOf(finding);
      if (link) window.open(link.href, "_blank", "noopener");
      notify(
        link
          ? "Removed the key result; the team's KPI board opened in a new tab with it filled in."
          : "Removed the key result. Watch its level on the team's KPI board (KPIs → New KPI).",
      );
    }
  };
  const objectiveFindings = on(null);
  return (
    <>
      <ObjectiveFields form={form} slug={slug} roots={roots} kpiOnly={kpiOnly} objective={objective} />
      {objectiveFindings.length > 0 && (
        <LintFindings findings={objectiveFindings} onFix={fix} linkOf={linkOf} />
      )}
      <HealthKpisField form={form} slug={slug} objective={objective} />
      <KeyResultsSection
        form={form}
        slug={slug}
        findingsOf={(key) => {
          const list = on(key);
          return list.length > 0 ? <LintFindings findings={list} onFix={fix} linkOf={linkOf} /> : null;
        }}
      />
    </>
  );
}
