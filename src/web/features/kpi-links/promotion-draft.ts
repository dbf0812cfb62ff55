import type { z } from "zod";
import type { FieldIssue } from "../../../shared/errors.ts";
import type { PromoteKpiSchema, PromotionDraftSchema } from "../../../shared/schemas/kpi-links.ts";
import { type FieldErrors, sentence } from "../../lib/zod-form.ts";
import type { NumberDraft } from "../kpis/kpi-draft.ts";

export type PromotionDraft = z.infer<typeof PromotionDraftSchema>;
export type PromoteKpiRequest = z.input<typeof PromoteKpiSchema>;
export type KpiReadMode = "latest" | "cycle";

/** A driver of the KPI as the dialog offers it: ticked ones become extra Key Results. */
export type DriverDraft = { kpiId: string; name: string; checked: boolean; targetValue: NumberDraft };

/** The "Make it a Key Result" form: one Key Result in an existing Objective or a new one. */
export type PromoteValues = {
  cycleId: string | null;
  objectiveChoice: "existing" | "new";
  objectiveId: string | null;
  objectiveTitle: string;
  problemStatement: string;
  teamId: string | null;
  title: string;
  targetValue: NumberDraft;
  kpiRead: KpiReadMode;
  drivers: DriverDraft[];
};

/**
 * Starts from the draft: its cycle, its title and the KPI's target. With no Objective the
 * person may edit in the cycle, drafting a new one is the only choice, so it is preselected.
 */
export function initialPromoteValues(draft: PromotionDraft): PromoteValues {
  return {
    cycleId: draft.cycleId,
    objectiveChoice: draft.objectives.length > 0 ? "existing" : "new",
    objectiveId: draft.objectives.length === 1 ? draft.objectives[0]!.id : null,
    objectiveTitle: "",
    problemStatement: "",
    teamId: draft.kpi.teamRunsOkrs ? draft.kpi.teamId : null,
    title: draft.suggestedTitle,
    targetValue: draft.target ?? "",
    kpiRead: "latest",
    drivers: draft.drivers.map((d) => ({ kpiId: d.id, name: d.name, checked: false, targetValue: "" })),
  };
}

/** The start a Key Result reading the KPI would get in each read mode. */
export function suggestedStartOf(draft: PromotionDraft, read: KpiReadMode): number | null {
  return read === "latest" ? draft.suggestedStart.latest : draft.suggestedStart.cycle;
}

/**
 * The request the form sends, or the problems to show under its fields. Checks only what
 * the schema cannot say about this form (which Objective choice needs which fields); the
 * API checks the rest and its issues come back through `promoteIssueMapper`.
 */
export function toPromoteRequest(
  v: PromoteValues,
): { ok: true; request: PromoteKpiRequest } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!v.cycleId) errors.cycleId = "Pick the cycle the Key Result belongs to.";
  if (v.objectiveChoice === "existing" && !v.objectiveId) errors.objectiveId = "Pick an Objective.";
  if (v.objectiveChoice === "new") {
    if (!v.objectiveTitle.trim()) errors.objectiveTitle = "Name the new Objective.";
    if (!v.problemStatement.trim())
      errors.problemStatement = "Say what stands between today's value and the one it needs.";
  }
  if (!v.title.trim()) errors.title = "Name the Key Result.";
  if (v.targetValue === "") errors.targetValue = "Enter the value the Key Result aims for.";
  const ticked = v.drivers.filter((d) => d.checked);
  v.drivers.forEach((d, i) => {
    if (d.checked && d.targetValue === "") errors[`drivers.${i}.targetValue`] = "Enter this driver's target.";
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const request: PromoteKpiRequest = {
    cycleId: v.cycleId!,
    keyResult: { title: v.title.trim(), targetValue: Number(v.targetValue), kpiRead: v.kpiRead },
    drivers: ticked.map((d) => ({
      kpiId: d.kpiId,
      title: d.name,
      targetValue: Number(d.targetValue),
      kpiRead: v.kpiRead,
    })),
  };
  if (v.objectiveChoice === "existing") request.objectiveId = v.objectiveId!;
  else
    request.newObjective = {
      title: v.objectiveTitle.trim(),
      problemStatement: v.problemStatement.trim(),
      teamId: v.teamId,
    };
  return { ok: true, request };
}

/** Request paths → form fields; drivers are renumbered (only ticked ones are sent). */
export function promoteIssueMapper(issues: FieldIssue[], values: PromoteValues) {
  const tickedIndexes = values.drivers.flatMap((d, i) => (d.checked ? [i] : []));
  const direct: Record<string, keyof PromoteValues> = {
    cycleId: "cycleId",
    objectiveId: "objectiveId",
    // The KPI already read by a Key Result of the chosen Objective: another Objective is the way out.
    kpiId: "objectiveId",
    "newObjective.title": "objectiveTitle",
    "newObjective.problemStatement": "problemStatement",
    "newObjective.teamId": "teamId",
    "keyResult.title": "title",
    "keyResult.targetValue": "targetValue",
    "keyResult.kpiRead": "kpiRead",
  };
  const errors: FieldErrors = {};
  const unplaced: FieldIssue[] = [];
  for (const issue of issues) {
    const driver = /^drivers\.(\d+)\./.exec(issue.field);
    const formIndex = driver ? tickedIndexes[Number(driver[1])] : undefined;
    const field =
      direct[issue.field] ?? (formIndex !== undefined ? `drivers.${formIndex}.targetValue` : null);
    if (field) errors[field] ??= sentence(issue.message);
    else unplaced.push(issue);
  }
  return { errors, unplaced };
}
