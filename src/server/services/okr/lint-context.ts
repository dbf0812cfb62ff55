/**
 * Turns what lint-repository.ts read into the linter's plain-data context for each
 * Objective, filtering out what the reader may not see (team-visible Objectives'
 * titles never reach a finding's message for people outside the team).
 */

import type { Queryable } from "../../../db/client.ts";
import {
  DEFAULT_LINT_LIMITS,
  type DraftObjective,
  type KpiFacts,
  type LintContext,
  type ParentKeyResult,
  type PreviousKeyResult,
} from "../../../domain/okr/lint/index.ts";
import type { Actor } from "../../context.ts";
import { type LintWorldQuery, type LintWorldRow, loadLintWorld } from "../../repositories/lint-repository.ts";
import { readabilityOf } from "./okr-access.ts";

/** One Objective to lint: its draft and where it sits. */
export type LintSubject = {
  /** Saved Objective id; null for an unsaved draft. */
  id: string | null;
  cycleId: string | null;
  teamId: string | null;
  ownerUserId: string | null;
  /** Parents named by a draft; saved Objectives' come from their alignments. */
  parentIds: string[] | null;
  draft: DraftObjective;
};

export type LintWorld = {
  row: LintWorldRow;
  kpis: Record<string, KpiFacts>;
  readable: (o: {
    teamId: string | null;
    ownerUserId: string | null;
    visibility: "organization" | "team";
  }) => boolean;
};

/** Loads the world of all these subjects (one cycle) in one statement, plus reading rights. */
export async function loadWorld(
  q: Queryable,
  actor: Actor,
  subjects: LintSubject[],
  check?: LintWorldQuery["check"],
): Promise<LintWorld> {
  const unique = (values: Array<string | null | undefined>) => [
    ...new Set(values.filter((v): v is string => typeof v === "string")),
  ];
  const query: LintWorldQuery = {
    cycleId: subjects[0]?.cycleId ?? null,
    teamIds: unique(subjects.map((s) => s.teamId)),
    ownerUserIds: unique(subjects.map((s) => (s.teamId ? null : s.ownerUserId))),
    kpiIds: unique(subjects.flatMap((s) => (s.draft.keyResults ?? []).map((kr) => kr.kpiId))),
    parentIds: unique(subjects.flatMap((s) => s.parentIds ?? [])),
    objectiveIds: unique(subjects.map((s) => s.id)),
    ...(check ? { check } : {}),
  };
  const row = await loadLintWorld(q, actor.organizationId, query);
  const kpis: Record<string, KpiFacts> = {};
  for (const kpi of row.kpis ?? []) {
    kpis[kpi.id] = {
      id: kpi.id,
      name: kpi.name,
      unit: kpi.unit,
      direction: kpi.direction,
      recentValues: [...(kpi.latestFirst ?? [])].reverse(),
    };
  }
  const readable = await readabilityOf(q, actor, [...(row.previous ?? []), ...(row.parents ?? [])]);
  return { row, kpis, readable };
}

/** The linter's context for one subject of a loaded world. */
export function contextFor(world: LintWorld, subject: LintSubject): LintContext {
  const { row } = world;
  const team = (row.teams ?? []).find((t) => t.id === subject.teamId);
  const companyIds = row.companyObjectiveIds ?? [];
  const companyLevel = Boolean(team && team.parentId === null);
  const parentIds = new Set(
    subject.parentIds ??
      (row.alignments ?? []).filter((a) => a.childId === subject.id).map((a) => a.parentId),
  );
  const parentKeyResults: ParentKeyResult[] = (row.parents ?? [])
    .filter((p) => parentIds.has(p.objectiveId) && p.objectiveId !== subject.id && world.readable(p))
    .map(({ objectiveId, objectiveTitle, keyResultId, title, kpiId, targetValue }) => ({
      objectiveId,
      objectiveTitle,
      keyResultId,
      title,
      kpiId,
      targetValue,
    }));
  const previous: PreviousKeyResult[] = (row.previous ?? [])
    .filter((p) =>
      subject.teamId
        ? p.teamId === subject.teamId
        : p.teamId === null && p.ownerUserId === subject.ownerUserId,
    )
    .filter((p) => world.readable(p))
    .map(({ objectiveId, keyResultId, title, kpiId, targetValue, outcome, finalScore }) => ({
      objectiveId,
      keyResultId,
      title,
      kpiId,
      targetValue,
      outcome,
      finalScore,
    }));
  const cycle = row.cycle && row.cycle.id === subject.cycleId ? row.cycle : null;
  return {
    limits: { ...DEFAULT_LINT_LIMITS },
    companyLevel,
    otherCompanyObjectives: companyIds.filter((id) => id !== subject.id).length,
    kpis: world.kpis,
    teamKpis: team?.kpis ?? [],
    previousCycle: cycle && row.previousCycle ? { name: row.previousCycle.name, keyResults: previous } : null,
    parentKeyResults,
    teamHistory: team?.history ?? [],
    floor:
      team && cycle
        ? { teamId: team.id, cycleId: cycle.id, subtreeHasKpis: team.subtreeHasKpis, hasFloor: team.hasFloor }
        : null,
  };
}
