/**
 * The OKR linter's use cases: lint an unsaved draft, and the findings of saved Objectives
 * (one, or a cycle's and team's health check) with their dismissals. Findings are
 * computed on read here, so they never go stale; dismissals are stored
 * (lint-dismissal-service.ts changes them). The leadership home reads a stored copy kept
 * current by stored-judgements.ts, which calls findingsOf below.
 */

import type { z } from "zod";
import type { Queryable } from "../../../db/client.ts";
import { type DraftObjective, type Finding, lintObjective } from "../../../domain/okr/lint/index.ts";
import { AppError, type FieldIssue, notFound } from "../../../shared/errors.ts";
import type {
  HealthCheckSchema,
  LintDraftSchema,
  ObjectiveFindingsSchema,
  SavedFindingSchema,
} from "../../../shared/schemas/okr-lint.ts";
import type { Actor, Deps } from "../../context.ts";
import { authorize } from "../../policies/org-policy.ts";
import { findCycle } from "../../repositories/catalog-repository.ts";
import {
  type DismissalRow,
  dismissalsOf,
  type LintedObjectiveRow,
  selectObjectivesForLint,
} from "../../repositories/lint-dismissal-repository.ts";
import type { LintWorldRow } from "../../repositories/lint-repository.ts";
import { findTeam } from "../../repositories/team-repository.ts";
import { contextFor, type LintSubject, loadWorld } from "./lint-context.ts";
import { editabilityOf, readabilityOf } from "./okr-access.ts";
import { RESTRICTED_TITLE } from "./okr-presenter.ts";

type LintDraft = z.infer<typeof LintDraftSchema>;
type SavedFinding = z.infer<typeof SavedFindingSchema>;
type ObjectiveFindings = z.infer<typeof ObjectiveFindingsSchema>;

/** Lints an unsaved draft; any member may (it changes nothing and reads only what they may see). */
export async function lintDraft(deps: Deps, actor: Actor, body: LintDraft): Promise<{ findings: Finding[] }> {
  authorize(actor, "read");
  const draft: DraftObjective = {
    title: body.title ?? "",
    description: body.description ?? "",
    teamId: body.teamId ?? null,
    cycleId: body.cycleId ?? null,
    ownerUserId: body.ownerUserId ?? null,
    ...(body.healthKpiIds ? { healthKpiIds: body.healthKpiIds } : {}),
    keyResults: (body.keyResults ?? []).map((kr) => ({
      title: kr.title ?? "",
      kind: kr.kind ?? "metric",
      ownerUserId: kr.ownerUserId ?? null,
      startValue: kr.startValue ?? null,
      targetValue: kr.targetValue ?? null,
      unit: kr.unit ?? "",
      kpiId: kr.kpiId ?? null,
    })),
  };
  const subject: LintSubject = {
    id: body.objectiveId ?? null,
    cycleId: draft.cycleId ?? null,
    teamId: draft.teamId ?? null,
    ownerUserId: draft.teamId ? (draft.ownerUserId ?? null) : (draft.ownerUserId ?? actor.userId),
    parentIds: body.parents ? body.parents.map((p) => p.objectiveId) : body.objectiveId ? null : [],
    draft,
  };
  const krs = body.keyResults ?? [];
  const userIds = [
    body.ownerUserId,
    ...krs.flatMap((kr) => [kr.ownerUserId, ...(kr.contributorUserIds ?? [])]),
  ];
  const world = await loadWorld(deps.db, actor, [subject], {
    userIds: userIds.filter((id): id is string => typeof id === "string"),
    themeIds: body.themeId ? [body.themeId] : [],
    kpiIds: body.healthKpiIds ?? [],
  });
  requireKnownIds(body, world.row);
  return { findings: lintObjective(draft, contextFor(world, subject)) };
}

/**
 * Every id a draft names must be this organisation's: another organisation's (or a made-up)
 * id is refused with its field, and the answer says nothing about whether it exists elsewhere.
 */
function requireKnownIds(body: LintDraft, row: LintWorldRow) {
  const issues: FieldIssue[] = [];
  const has = (list: string[] | null, id: string) => (list ?? []).includes(id);
  const expect = (id: string | null | undefined, known: boolean, field: string, what: string) => {
    if (id && !known) issues.push({ field, message: `is not ${what} of this organisation` });
  };
  expect(body.cycleId, row.cycle?.id === body.cycleId, "cycleId", "a cycle");
  expect(
    body.teamId,
    (row.teams ?? []).some((t) => t.id === body.teamId),
    "teamId",
    "a team",
  );
  expect(
    body.ownerUserId,
    has(row.found.memberIds, body.ownerUserId ?? ""),
    "ownerUserId",
    "an active member",
  );
  expect(body.themeId, has(row.found.themeIds, body.themeId ?? ""), "themeId", "a theme");
  expect(
    body.objectiveId,
    has(row.found.objectiveIds, body.objectiveId ?? ""),
    "objectiveId",
    "an Objective",
  );
  (body.healthKpiIds ?? []).forEach((id, i) => {
    expect(id, has(row.found.kpiIds, id), `healthKpiIds.${i}`, "a KPI");
  });
  (body.parents ?? []).forEach((p, i) => {
    expect(
      p.objectiveId,
      has(row.found.objectiveIds, p.objectiveId),
      `parents.${i}.objectiveId`,
      "an Objective",
    );
  });
  const kpiIds = new Set((row.kpis ?? []).map((k) => k.id));
  (body.keyResults ?? []).forEach((kr, i) => {
    expect(kr.kpiId, kpiIds.has(kr.kpiId ?? ""), `keyResults.${i}.kpiId`, "a KPI");
    expect(
      kr.ownerUserId,
      has(row.found.memberIds, kr.ownerUserId ?? ""),
      `keyResults.${i}.ownerUserId`,
      "an active member",
    );
    (kr.contributorUserIds ?? []).forEach((id, j) => {
      expect(id, has(row.found.memberIds, id), `keyResults.${i}.contributorUserIds.${j}`, "an active member");
    });
  });
  if (issues.length > 0) {
    const first = issues[0] as FieldIssue;
    throw new AppError("validation_failed", `${first.field}: ${first.message}`, { issues });
  }
}

/** A saved Objective as the linter reads it. */
export function subjectOf(row: LintedObjectiveRow): LintSubject {
  return {
    id: row.id,
    cycleId: row.cycleId,
    teamId: row.teamId,
    ownerUserId: row.ownerUserId,
    parentIds: null,
    draft: {
      title: row.title,
      description: row.description,
      teamId: row.teamId,
      cycleId: row.cycleId,
      ownerUserId: row.ownerUserId,
      healthKpiIds: row.healthKpiIds,
      keyResults: row.keyResults.map((kr) => ({
        title: kr.title,
        kind: kr.kind,
        ownerUserId: kr.ownerUserId,
        startValue: kr.startValue,
        targetValue: kr.targetValue,
        unit: kr.unit,
        kpiId: kr.kpiId,
      })),
    },
  };
}

/** The subject a dismissal names: "objective", or the KR's id. */
export function subjectKey(row: LintedObjectiveRow, finding: Finding): { keyResultId: string | null } {
  if (finding.on === "objective") return { keyResultId: null };
  const index = Number(finding.on.slice("keyResults.".length));
  return { keyResultId: row.keyResults[index]?.id ?? null };
}

function withStanding(
  row: LintedObjectiveRow,
  findings: Finding[],
  dismissals: Map<string, DismissalRow>,
): SavedFinding[] {
  return findings.map((finding) => {
    const { keyResultId } = subjectKey(row, finding);
    const subject = keyResultId ?? "objective";
    const dismissal = dismissals.get(`${row.id}|${subject}|${finding.rule}`);
    return {
      ...finding,
      keyResultId,
      status: dismissal ? "dismissed" : "open",
      dismissal: dismissal
        ? {
            reason: dismissal.reason,
            byUserId: dismissal.dismissedByUserId,
            at: dismissal.createdAt.toISOString(),
          }
        : null,
    };
  });
}

/**
 * The findings of saved Objectives of one cycle, with their standing: one load of the
 * world and one of the dismissals, whatever the count.
 */
export async function findingsOf(q: Queryable, actor: Actor, rows: LintedObjectiveRow[]) {
  const byCycle = new Map<string, LintedObjectiveRow[]>();
  for (const row of rows) {
    const group = byCycle.get(row.cycleId);
    if (group) group.push(row);
    else byCycle.set(row.cycleId, [row]);
  }
  const dismissals = new Map(
    (
      await dismissalsOf(
        q,
        actor.organizationId,
        rows.map((r) => r.id),
      )
    ).map((d) => [`${d.objectiveId}|${d.subject}|${d.rule}`, d]),
  );
  const out = new Map<string, SavedFinding[]>();
  for (const group of byCycle.values()) {
    const subjects = group.map(subjectOf);
    const world = await loadWorld(q, actor, subjects);
    group.forEach((row, i) => {
      const subject = subjects[i] as LintSubject;
      out.set(
        row.id,
        withStanding(row, lintObjective(subject.draft, contextFor(world, subject)), dismissals),
      );
    });
  }
  return out;
}

async function present(q: Queryable, actor: Actor, rows: LintedObjectiveRow[]): Promise<ObjectiveFindings[]> {
  const readable = await readabilityOf(q, actor, rows);
  const editable = await editabilityOf(q, actor, rows);
  const visible = rows.filter((r) => readable(r));
  const findings = await findingsOf(q, actor, visible);
  return rows.map((row) => {
    const restricted = !readable(row);
    return {
      objectiveId: row.id,
      title: restricted ? RESTRICTED_TITLE : row.title,
      teamId: row.teamId,
      state: row.state,
      restricted,
      canDismiss: !restricted && editable(row),
      findings: restricted ? [] : (findings.get(row.id) ?? []),
    };
  });
}

/** One saved Objective's findings, open and dismissed. */
export async function objectiveFindings(deps: Deps, actor: Actor, id: string): Promise<ObjectiveFindings> {
  authorize(actor, "read");
  return objectiveFindingsIn(deps.db, actor, id);
}

export async function objectiveFindingsIn(
  q: Queryable,
  actor: Actor,
  id: string,
): Promise<ObjectiveFindings> {
  const rows = await selectObjectivesForLint(q, actor.organizationId, { objectiveIds: [id] });
  if (rows.length === 0) throw notFound("That Objective");
  const [presented] = await present(q, actor, rows);
  return presented as ObjectiveFindings;
}

/** The health check: every live Objective of a cycle (and team) with its findings. */
export async function healthCheck(
  deps: Deps,
  actor: Actor,
  query: { cycleId: string; teamId?: string | undefined },
): Promise<z.infer<typeof HealthCheckSchema>> {
  authorize(actor, "read");
  if (!(await findCycle(deps.db, actor.organizationId, query.cycleId))) throw notFound("That cycle");
  if (query.teamId && !(await findTeam(deps.db, actor.organizationId, query.teamId))) {
    throw notFound("That team");
  }
  const rows = await selectObjectivesForLint(deps.db, actor.organizationId, {
    cycleId: query.cycleId,
    teamId: query.teamId ?? null,
  });
  const objectives = await present(deps.db, actor, rows);
  const all = objectives.flatMap((o) => o.findings);
  return {
    cycleId: query.cycleId,
    teamId: query.teamId ?? null,
    open: all.filter((f) => f.status === "open").length,
    dismissed: all.filter((f) => f.status === "dismissed").length,
    objectives,
  };
}

/** The findings on a cycle's live Objectives of these teams (a report's subtree), as the reader may see them. */
export async function findingsOfTeams(deps: Deps, actor: Actor, cycleId: string, teamIds: readonly string[]) {
  authorize(actor, "read");
  if (teamIds.length === 0) return [];
  const rows = await selectObjectivesForLint(deps.db, actor.organizationId, { cycleId, teamIds });
  return present(deps.db, actor, rows);
}
