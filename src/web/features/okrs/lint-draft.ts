/**
 * Between the Objective form and the OKR linter: the draft as the lint endpoint takes it
 * (with which form row each `keyResults.N` is), and applying a finding's fix to the draft.
 * Pure, so both are unit-tested (lint-draft.test.ts).
 */
import type { ApiBody, ApiResponse } from "../../../shared/api/client.ts";
import {
  type KeyResultDraft,
  keptKeyResults,
  keyResultInput,
  type ObjectiveDraft,
} from "./objective-draft.ts";

export type LintBody = ApiBody<"/api/orgs/{org}/lint", "post">;
export type LintFinding = ApiResponse<"/api/orgs/{org}/lint", "post">["findings"][number];
export type LintFix = NonNullable<LintFinding["fix"]>;

/** The lint request for a draft, and the form row key of each KR sent (keyResults.N → keys[N]). */
export function toLintBody(
  draft: ObjectiveDraft,
  where: { cycleId: string | null; objectiveId: string | null },
): { body: LintBody; keys: string[] } {
  // Rows still being typed count too: a finding should show while the title is half written.
  const rows = keptKeyResults(draft);
  const body: LintBody = {
    ...(where.cycleId ? { cycleId: where.cycleId } : {}),
    ...(where.objectiveId ? { objectiveId: where.objectiveId } : {}),
    teamId: draft.teamId,
    ownerUserId: draft.ownerUserId,
    title: draft.title.trim(),
    description: draft.description.trim(),
    themeId: draft.themeId,
    healthKpiIds: draft.healthKpiIds,
    keyResults: rows.map((kr) => {
      const { contributorUserIds: _, ...fields } = keyResultInput(kr);
      return fields;
    }),
  };
  return { body, keys: rows.map((kr) => kr.key) };
}

/** The form row a finding is on; null for the Objective. */
export function rowKeyOf(finding: LintFinding, keys: string[]): string | null {
  const match = /^keyResults\.(\d+)$/.exec(finding.on);
  return match ? (keys[Number(match[1])] ?? null) : null;
}

/** The button's words for a fix the form can apply; null when it cannot be applied here. */
export function fixLabel(fix: LintFix): string | null {
  switch (fix.kind) {
    case "re-target":
      return `Set the target to ${fix.targetValue}`;
    case "move-to-kpi-board":
      return "Move to the KPI board";
    case "merge":
      return "Remove it: contribute to the parent's key result";
    case "link-kpi":
      return `Read the KPI “${fix.kpiName}”`;
    case "link-health-kpis":
      return "Add the team's KPIs as health KPIs";
    case "rewrite":
      return "Use the suggested wording";
    case "add-floor":
      return null;
  }
}

const removeRow = (rows: KeyResultDraft[], key: string | null) =>
  rows.flatMap((k) => (k.key !== key ? [k] : k.id === null ? [] : [{ ...k, removed: true }]));

/** The draft with the fix applied (unchanged for fixes the form cannot apply). */
export function applyFix(draft: ObjectiveDraft, finding: LintFinding, keys: string[]): ObjectiveDraft {
  const fix = finding.fix;
  if (!fix) return draft;
  const key = rowKeyOf(finding, keys);
  const patchRow = (patch: Partial<KeyResultDraft>) => ({
    ...draft,
    keyResults: draft.keyResults.map((k) => (k.key === key ? { ...k, ...patch } : k)),
  });
  switch (fix.kind) {
    case "re-target":
      return patchRow({ targetValue: fix.targetValue });
    case "link-kpi":
      return patchRow({ kpiId: fix.kpiId, kind: "metric" });
    case "move-to-kpi-board":
    case "merge":
      return { ...draft, keyResults: removeRow(draft.keyResults, key) };
    case "link-health-kpis":
      return { ...draft, healthKpiIds: [...new Set([...draft.healthKpiIds, ...fix.kpiIds])].slice(0, 4) };
    case "rewrite":
      return key ? patchRow({ title: fix.suggestion }) : { ...draft, title: fix.suggestion };
    case "add-floor":
      return draft;
  }
}
