import type { LintFix } from "./lint-draft.ts";

/**
 * Fixes the Objective form cannot apply itself happen on another page: a KR that only
 * keeps a level becomes a KPI on the team's board, a missing floor is set on the team's
 * page. Each gets a link that opens that page with the form already open (and, for a
 * KPI, filled in from the KR), so the fix is still one step.
 */
export type FixLink = { href: string; label: string };

/** The KPI form's unit for a KR's free-text unit: only "%" maps to something specific. */
const kpiUnitOf = (unit: string | undefined) => (unit?.trim() === "%" ? "percent" : undefined);

export function fixLinkOf(slug: string, teamId: string | null, fix: LintFix | undefined): FixLink | null {
  if (!fix) return null;
  if (fix.kind === "move-to-kpi-board" && teamId) {
    const params = new URLSearchParams({ new: "kpi" });
    if (fix.name) params.set("name", fix.name);
    const unit = kpiUnitOf(fix.unit);
    if (unit) params.set("unit", unit);
    if (typeof fix.target === "number") params.set("target", String(fix.target));
    return { href: `/o/${slug}/teams/${teamId}/kpis?${params}`, label: "Add it to the team's KPI board" };
  }
  if (fix.kind === "add-floor") {
    const params = new URLSearchParams({ team: fix.teamId, cycle: fix.cycleId, floor: "new" });
    return { href: `/o/${slug}/okrs?${params}`, label: "Set the team's KPI floor" };
  }
  return null;
}

/** What a KPI board opened from a "move to the KPI board" link fills in. */
export type KpiPrefill = { name?: string; unit?: "percent"; target?: number };

export function kpiPrefillOf(params: URLSearchParams): KpiPrefill | null {
  if (params.get("new") !== "kpi") return null;
  const name = params.get("name")?.slice(0, 200);
  const target = params.get("target");
  return {
    ...(name ? { name } : {}),
    ...(params.get("unit") === "percent" ? { unit: "percent" as const } : {}),
    ...(target !== null && target.trim() !== "" && Number.isFinite(Number(target))
      ? { target: Number(target) }
      : {}),
  };
}
