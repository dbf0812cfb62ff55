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

type PreviousRow = NonNullable<LintWorldRow["previous"]>[number];
type ParentRow = NonNullable<LintWorldRow["parents"]>[number];
type TeamRow = NonNullable<LintWorldRow["teams"]>[number];

export type LintWorld = {
  row: LintWorldRow;
  kpis: Record<string, KpiFacts>;
  /** Indexes over the rows, built once: a whole cycle has thousands of subjects. */
  teams: Map<string, TeamRow>;
  previousByOwner: Map<string, PreviousRow[]>;
  parentsByObjective: Map<string, ParentRow[]>;
  parentIdsByChild: Map<string, string[]>;
  companyIds: Set<string>;
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
  const group = <T>(items: T[], keyOf: (item: T) => string) => {
    const out = new Map<string, T[]>();
    for (const item of items) {
      const key = keyOf(item);
      const list = out.get(key);
      if (list) list.push(item);
      else out.set(key, [item]);
    }
    return out;
  };
  return {
    row,
    kpis,
    readable,
    teams: new Map((row.teams ?? []).map((t) => [t.id, t])),
    // A team's KRs by team, a person's (personal Objectives) by "person:" and their id.
    previousByOwner: group(row.previous ?? [], (p) => (p.teamId ? p.teamId : `person:${p.ownerUserId}`)),
    parentsByObjective: group(row.parents ?? [], (p) => p.objectiveId),
    parentIdsByChild: new Map(
      [...group(row.alignments ?? [], (a) => a.childId)].map(([child, list]) => [
        child,
        list.map((a) => a.parentId),
      ]),
    ),
    companyIds: new Set(row.companyObjectiveIds ?? []),
  };
}

/** The linter's context for one subject of a loaded world. */
export function contextFor(world: LintWorld, subject: LintSubject): LintContext {
  const { row } = world;
  const team = subject.teamId ? world.teams.get(subject.teamId) : undefined;
  const companyLevel = Boolean(team && team.parentId === null);
  const parentIds = subject.parentIds ?? (subject.id ? (world.parentIdsByChild.get(subject.id) ?? []) : []);
  const parentKeyResults: ParentKeyResult[] = parentIds
    .filter((id) => id !== subject.id)
    .flatMap((id) => world.parentsByObjective.get(id) ?? [])
    .filter((p) => world.readable(p))
    .map(({ objectiveId, objectiveTitle, keyResultId, title, kpiId, targetValue }) => ({
      objectiveId,
      objectiveTitle,
      keyResultId,
      title,
      kpiId,
      targetValue,
    }));
  const ownerKey = subject.teamId ? subject.teamId : `person:${subject.ownerUserId}`;
  const previous: PreviousKeyResult[] = (world.previousByOwner.get(ownerKey) ?? [])
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
  const selfCounted = subject.id !== null && world.companyIds.has(subject.id);
  return {
    limits: { ...DEFAULT_LINT_LIMITS },
    companyLevel,
    otherCompanyObjectives: world.companyIds.size - (selfCounted ? 1 : 0),
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
