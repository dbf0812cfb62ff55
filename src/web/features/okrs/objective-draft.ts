import type { FieldIssue } from "../../../shared/errors.ts";
import type { KeyResultKind, Objective } from "../../lib/types.ts";
import type {
  Commitment,
  KeyResultInput,
  KeyResultPatch,
  ObjectiveInput,
  ObjectivePatch,
  Visibility,
} from "./okrs-api.ts";

/** One KR row of the Objective form. Numbers stay "" while empty (a draft may lack them). */
export type KeyResultDraft = {
  key: string;
  /** Set for KRs that exist already. */
  id: string | null;
  version: number | null;
  title: string;
  kind: KeyResultKind;
  startValue: number | "";
  targetValue: number | "";
  unit: string;
  ownerUserId: string | null;
  ownerName: string | null;
  /** Relative weight in the Objective's progress; "" while the field is empty. */
  weight: number | "";
  commitment: Commitment;
  /** People who check in besides the owner. */
  contributorUserIds: string[];
  /** Metric KRs: the KPI the KR reads its value from, and how. */
  kpiId: string | null;
  kpiRead: "latest" | "cycle";
  /** Existing KRs removed in the form are archived on save (their history stays). */
  removed: boolean;
};

export type ObjectiveDraft = {
  title: string;
  description: string;
  teamId: string | null;
  ownerUserId: string | null;
  ownerName: string | null;
  themeId: string | null;
  visibility: Visibility;
  keyResults: KeyResultDraft[];
  /** The KPIs it must not break, in order (at most 4). */
  healthKpiIds: string[];
};

/** Errors by field: "title", "ownerUserId", or "kr:<key>:<field>" for a KR row. */
export type DraftErrors = Record<string, string>;

let counter = 0;
export function newKey(): string {
  counter += 1;
  return `kr-${counter}`;
}

export function emptyKeyResult(
  ownerUserId: string | null = null,
  ownerName: string | null = null,
): KeyResultDraft {
  return {
    key: newKey(),
    id: null,
    version: null,
    title: "",
    kind: "metric",
    startValue: "",
    targetValue: "",
    unit: "",
    ownerUserId,
    ownerName,
    weight: 1,
    commitment: "aspirational",
    kpiId: null,
    kpiRead: "latest",
    contributorUserIds: [],
    removed: false,
  };
}

export function draftFromObjective(o: Objective): ObjectiveDraft {
  return {
    title: o.title,
    description: o.description,
    teamId: o.teamId,
    ownerUserId: o.ownerUserId,
    ownerName: o.ownerName,
    themeId: o.themeId,
    visibility: o.visibility,
    healthKpiIds: o.healthKpiIds,
    keyResults: o.keyResults
      .filter((k) => !k.archived)
      .map((k) => ({
        key: k.id,
        id: k.id,
        version: k.version,
        title: k.title,
        kind: k.kind,
        startValue: k.startValue ?? "",
        targetValue: k.targetValue ?? "",
        unit: k.kind === "percentage" ? "" : k.unit,
        ownerUserId: k.ownerUserId,
        ownerName: k.ownerName,
        weight: k.weight,
        commitment: k.commitment,
        contributorUserIds: k.contributorUserIds,
        kpiId: k.kpi?.id ?? null,
        kpiRead: k.kpi?.read ?? "latest",
        removed: false,
      })),
  };
}

/** A new row nobody typed into: dropped on save, so an extra "Add key result" is harmless. */
export function isBlank(kr: KeyResultDraft): boolean {
  return (
    kr.id === null && !kr.title.trim() && kr.startValue === "" && kr.targetValue === "" && !kr.unit.trim()
  );
}

/** The KR rows that will be saved, in order (new blank rows and removed rows left out). */
export function keptKeyResults(draft: ObjectiveDraft): KeyResultDraft[] {
  return draft.keyResults.filter((k) => !k.removed && !isBlank(k));
}

const num = (v: number | "") => (v === "" ? null : v);

/** The fields the API takes for a KR of this kind (start/target/unit only for metrics). */
export function keyResultInput(kr: KeyResultDraft): KeyResultInput {
  const base = {
    title: kr.title.trim(),
    kind: kr.kind,
    ownerUserId: kr.ownerUserId,
    // An emptied weight means the default, as when the field is left out.
    weight: kr.weight === "" ? 1 : kr.weight,
    commitment: kr.commitment,
    contributorUserIds: kr.contributorUserIds.filter((id) => id !== kr.ownerUserId),
  };
  if (kr.kind !== "metric") return base;
  return {
    ...base,
    startValue: num(kr.startValue),
    targetValue: num(kr.targetValue),
    unit: kr.unit.trim(),
    ...(kr.kpiId ? { kpiId: kr.kpiId, kpiRead: kr.kpiRead } : {}),
  };
}

/** Client-side checks before saving; drafts may lack owners and targets, but not titles. */
export function validateDraft(draft: ObjectiveDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.title.trim()) errors.title = "Say what must change this cycle";
  else if (draft.title.trim().length > 200) errors.title = "Keep it under 200 characters";
  for (const kr of keptKeyResults(draft)) {
    if (!kr.title.trim()) errors[`kr:${kr.key}:title`] = "Give the key result a title";
    else if (kr.title.trim().length > 200) errors[`kr:${kr.key}:title`] = "Keep it under 200 characters";
    if (kr.weight !== "" && (kr.weight < 0 || kr.weight > 100)) {
      errors[`kr:${kr.key}:weight`] = "Between 0 and 100";
    }
  }
  return errors;
}

export function toCreateInput(draft: ObjectiveDraft, cycleId: string): ObjectiveInput {
  return {
    cycleId,
    teamId: draft.teamId,
    ownerUserId: draft.ownerUserId,
    title: draft.title.trim(),
    description: draft.description.trim(),
    themeId: draft.themeId,
    visibility: draft.visibility,
    keyResults: keptKeyResults(draft).map(keyResultInput),
    healthKpiIds: draft.healthKpiIds,
  };
}

/** What an edit changes: the Objective's fields, new KRs, and patches for changed or removed KRs. */
export function diffEdits(
  objective: Objective,
  draft: ObjectiveDraft,
): {
  patch: ObjectivePatch | null;
  added: KeyResultInput[];
  changed: Array<{ id: string; patch: KeyResultPatch }>;
} {
  const own: Omit<ObjectivePatch, "version"> = {};
  if (draft.title.trim() !== objective.title) own.title = draft.title.trim();
  if (draft.description.trim() !== objective.description) own.description = draft.description.trim();
  if (draft.teamId !== objective.teamId) own.teamId = draft.teamId;
  if (draft.ownerUserId !== objective.ownerUserId) own.ownerUserId = draft.ownerUserId;
  if (draft.themeId !== objective.themeId) own.themeId = draft.themeId;
  if (draft.visibility !== objective.visibility) own.visibility = draft.visibility;
  // Order matters: the first health KPI is shown first.
  if (draft.healthKpiIds.join() !== objective.healthKpiIds.join()) own.healthKpiIds = draft.healthKpiIds;
  const patch = Object.keys(own).length > 0 ? { version: objective.version, ...own } : null;

  const added: KeyResultInput[] = [];
  const changed: Array<{ id: string; patch: KeyResultPatch }> = [];
  for (const kr of draft.keyResults) {
    if (kr.id === null) {
      if (!kr.removed && !isBlank(kr)) added.push(keyResultInput(kr));
      continue;
    }
    const before = objective.keyResults.find((k) => k.id === kr.id);
    if (!before) continue;
    if (kr.removed) {
      changed.push({ id: kr.id, patch: { version: before.version, archived: true } });
      continue;
    }
    const next = keyResultInput(kr);
    const p: Omit<KeyResultPatch, "version"> = {};
    if (next.title !== before.title) p.title = next.title;
    if ((next.ownerUserId ?? null) !== before.ownerUserId) p.ownerUserId = next.ownerUserId ?? null;
    if (next.weight !== undefined && next.weight !== before.weight) p.weight = next.weight;
    if (next.commitment !== undefined && next.commitment !== before.commitment)
      p.commitment = next.commitment;
    const contributors = next.contributorUserIds ?? [];
    if (!sameMembers(contributors, before.contributorUserIds)) p.contributorUserIds = contributors;
    if (kr.kind === "metric") {
      if ((next.startValue ?? null) !== before.startValue) p.startValue = next.startValue ?? null;
      if ((next.targetValue ?? null) !== before.targetValue) p.targetValue = next.targetValue ?? null;
      if ((next.unit ?? "") !== before.unit) p.unit = next.unit ?? "";
      const kpiBefore = before.kpi?.id ?? null;
      if (kr.kpiId !== kpiBefore) p.kpiId = kr.kpiId;
      if (kr.kpiId && kr.kpiRead !== (before.kpi?.read ?? "latest")) p.kpiRead = kr.kpiRead;
    }
    if (Object.keys(p).length > 0) changed.push({ id: kr.id, patch: { version: before.version, ...p } });
  }
  return { patch, added, changed };
}

/** Contributors are a set: the same people in another order is no change. */
function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(b);
  return a.length === b.length && a.every((id) => set.has(id));
}

const krFields: Record<string, string> = {
  weight: "weight",
  commitment: "commitment",
  contributorUserIds: "contributorUserIds",
  title: "title",
  ownerUserId: "ownerUserId",
  startValue: "startValue",
  targetValue: "targetValue",
  unit: "unit",
  kind: "kind",
  kpiId: "kpiId",
  kpiRead: "kpiRead",
};

/**
 * Puts the API's field issues under the right inputs. "keyResults.2.targetValue" is the
 * third KR *sent*, which is not the third row when blank rows were dropped.
 */
export function mapIssues(
  issues: readonly FieldIssue[],
  sent: readonly KeyResultDraft[],
): { errors: DraftErrors; unplaced: FieldIssue[] } {
  const errors: DraftErrors = {};
  const unplaced: FieldIssue[] = [];
  for (const issue of issues) {
    const message = issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
    const kr = /^keyResults\.(\d+)\.(\w+)/.exec(issue.field);
    if (kr) {
      const row = sent[Number(kr[1])];
      const field = krFields[kr[2] ?? ""];
      if (row && field) {
        errors[`kr:${row.key}:${field}`] ??= message;
        continue;
      }
    }
    if (["title", "description", "teamId", "ownerUserId", "themeId", "visibility"].includes(issue.field)) {
      errors[issue.field] ??= message;
      continue;
    }
    if (issue.field.startsWith("healthKpiIds")) {
      errors.healthKpiIds ??= message;
      continue;
    }
    unplaced.push(issue);
  }
  return { errors, unplaced };
}
