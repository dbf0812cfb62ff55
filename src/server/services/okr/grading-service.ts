import type { Queryable } from "../../../db/client.ts";
import {
  gradeDistribution,
  looksSandbagged,
  normaliseScore,
  suggestedScore,
} from "../../../domain/okr/grading.ts";
import { AppError, fieldError, notFound, versionConflict } from "../../../shared/errors.ts";
import type { Objective } from "../../../shared/schemas/okrs.ts";
import type { Actor, Deps } from "../../context.ts";
import { authorize } from "../../policies/org-policy.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import { findCycle } from "../../repositories/catalog-repository.ts";
import {
  closedCycles,
  keyResultsForGradeReport,
  moveObjectivesOfCycle,
  objectivesWithKeyResultsOfCycle,
} from "../../repositories/grading-repository.ts";
import {
  contributorsOf,
  findKeyResult,
  findObjectiveRow,
  selectKeyResults,
  updateKeyResultRow,
  updateObjectiveRow,
} from "../../repositories/okr-repository.ts";
import { presentOne } from "./objective-service.ts";
import { mayCheckIn, requireEditObjective } from "./okr-access.ts";
import { auditSnapshot, keyResultInput } from "./okr-presenter.ts";

async function gradingObjective(q: Queryable, actor: Actor, objectiveId: string) {
  const row = await findObjectiveRow(q, actor.organizationId, objectiveId);
  if (!row) throw notFound("That Objective");
  if (row.cycleState !== "grading") {
    throw new AppError(
      "conflict",
      row.cycleState === "closed"
        ? "This cycle is closed and frozen. An admin can reopen it to change grades."
        : "Grades are set while the cycle is in grading. An admin moves the cycle to grading when it ends.",
    );
  }
  return row;
}

/** The owner (or the team) sets a KR's final score, 0–1, with a comment. */
export async function scoreKeyResult(
  deps: Deps,
  actor: Actor,
  keyResultId: string,
  input: { version: number; finalScore: number; scoreComment?: string | undefined },
): Promise<Objective> {
  return deps.db.transaction(async (tx) => {
    const kr = await findKeyResult(tx, actor.organizationId, keyResultId);
    if (!kr) throw notFound("That Key Result");
    const row = await gradingObjective(tx, actor, kr.objectiveId);
    const contributors = (await contributorsOf(tx, actor.organizationId, [kr.id])).get(kr.id) ?? [];
    if (
      !(await mayCheckIn(
        tx,
        actor,
        { ownerUserId: kr.ownerUserId, contributorUserIds: contributors },
        row.objective,
      ))
    ) {
      throw new AppError("forbidden", "Only the KR's owner and its team's leads can score it.");
    }
    const suggested = suggestedScore(keyResultInput(kr));
    const score = normaliseScore(input.finalScore);
    if (suggested !== null && Math.abs(score - suggested) >= 0.05 && !input.scoreComment?.trim()) {
      throw fieldError(
        "scoreComment",
        `say why the score differs from the suggested ${suggested.toFixed(1)}`,
      );
    }
    const before = (await presentOne(tx, deps, actor, kr.objectiveId)).keyResults.find((k) => k.id === kr.id);
    const updated = await updateKeyResultRow(tx, actor.organizationId, keyResultId, input.version, {
      finalScore: score,
      scoreComment: input.scoreComment?.trim() || null,
    });
    if (!updated) throw versionConflict(`Key Result "${kr.title}"`);
    const objective = await presentOne(tx, deps, actor, kr.objectiveId);
    await recordAudit(tx, actor, {
      action: "key_result.scored",
      entityType: "key_result",
      entityId: keyResultId,
      entityLabel: kr.title,
      // Whole KR snapshots (the score beside its definition), so the latest `after` is the
      // KR as of then (docs/as-of.md); `suggested` says what Keel proposed.
      before: auditSnapshot(before),
      after: { ...auditSnapshot(objective.keyResults.find((k) => k.id === kr.id)), suggested },
    });
    return objective;
  });
}

/** An Objective's grade (default: weighted mean of its KR scores), outcome and retrospective. */
export async function gradeObjective(
  deps: Deps,
  actor: Actor,
  objectiveId: string,
  input: {
    version: number;
    grade?: number | undefined;
    outcome: "achieved" | "missed" | "dropped";
    retrospective?: string | undefined;
  },
): Promise<Objective> {
  return deps.db.transaction(async (tx) => {
    const row = await gradingObjective(tx, actor, objectiveId);
    await requireEditObjective(tx, actor, row.objective);
    const krs = (await selectKeyResults(tx, actor.organizationId, [objectiveId])).filter(
      (k) => k.keyResult.archivedAt === null,
    );
    let grade = input.grade;
    if (grade === undefined && input.outcome !== "dropped") {
      const scored = krs.filter((k) => k.keyResult.finalScore !== null);
      if (scored.length < krs.length) {
        throw fieldError("grade", "score every Key Result first, or give the grade yourself");
      }
      const weight = scored.reduce((s, k) => s + k.keyResult.weight, 0);
      grade =
        weight > 0
          ? scored.reduce((s, k) => s + k.keyResult.weight * (k.keyResult.finalScore ?? 0), 0) / weight
          : 0;
    }
    const before = await presentOne(tx, deps, actor, objectiveId);
    const updated = await updateObjectiveRow(tx, actor.organizationId, objectiveId, input.version, {
      grade: grade === undefined ? null : normaliseScore(grade),
      outcome: input.outcome,
      retrospective: input.retrospective?.trim() || null,
    });
    if (!updated) throw versionConflict(`Objective "${row.objective.title}"`);
    const after = await presentOne(tx, deps, actor, objectiveId);
    await recordAudit(tx, actor, {
      action: "objective.graded",
      entityType: "objective",
      entityId: objectiveId,
      entityLabel: after.title,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
    return after;
  });
}

/**
 * What still stands between a cycle in grading and closing it: KRs without a final score
 * and Objectives without an outcome (dropped Objectives need no KR scores).
 */
export async function closingGaps(q: Queryable, organizationId: string, cycleId: string) {
  const rows = await objectivesWithKeyResultsOfCycle(q, organizationId, cycleId);
  const unscored = rows.filter(
    (r) =>
      r.keyResult &&
      r.keyResult.finalScore === null &&
      r.objective.outcome !== "dropped" &&
      r.objective.state !== "draft",
  );
  const noOutcome = [
    ...new Map(
      rows
        .filter((r) => r.objective.outcome === null && r.objective.state !== "draft")
        .map((r) => [r.objective.id, r.objective]),
    ).values(),
  ];
  return { unscored: unscored.map((r) => r.keyResult!.title), noOutcome: noOutcome.map((o) => o.title) };
}

/** Called by the cycle service inside its transaction when a cycle changes state. */
export async function onCycleStateChange(
  q: Queryable,
  organizationId: string,
  cycleId: string,
  from: string,
  to: string,
): Promise<void> {
  if (to === "closed") {
    const gaps = await closingGaps(q, organizationId, cycleId);
    if (gaps.unscored.length > 0 || gaps.noOutcome.length > 0) {
      const parts = [
        gaps.unscored.length
          ? `${gaps.unscored.length} Key Result(s) without a final score (${gaps.unscored.slice(0, 3).join(", ")}…)`
          : "",
        gaps.noOutcome.length ? `${gaps.noOutcome.length} Objective(s) without an outcome` : "",
      ].filter(Boolean);
      throw new AppError("validation_failed", `state: cannot close yet: ${parts.join("; ")}.`, {
        issues: [{ field: "state", message: `grade everything first: ${parts.join("; ")}` }],
        unscoredKeyResults: gaps.unscored,
        objectivesWithoutOutcome: gaps.noOutcome,
      });
    }
    // Closing freezes: active Objectives become closed.
    await moveObjectivesOfCycle(q, organizationId, cycleId, "active", "closed");
  } else if (from === "closed") {
    await moveObjectivesOfCycle(q, organizationId, cycleId, "closed", "active");
  }
}

/** Grade distribution per team, and the teams at 1.0 on every KR two closed cycles running. */
export async function cycleReport(deps: Deps, actor: Actor, cycleId: string) {
  authorize(actor, "read");
  const cycle = await findCycle(deps.db, actor.organizationId, cycleId);
  if (!cycle) throw notFound("That cycle");
  const rows = await keyResultsForGradeReport(deps.db, actor.organizationId, cycleId, cycle.endsOn);
  const closed = await closedCycles(deps.db, actor.organizationId);
  const closedOrder = closed
    .filter((c) => c.endsOn <= cycle.endsOn)
    .sort((a, b) => (a.endsOn < b.endsOn ? -1 : 1));
  const teamIds = [...new Set(rows.filter((r) => r.cycleId === cycleId).map((r) => r.teamId))];
  const teamsOut = teamIds.map((teamId) => {
    const mine = rows.filter((r) => r.teamId === teamId && r.cycleId === cycleId);
    const scores = mine.map((r) => r.score).filter((s): s is number => s !== null);
    const history = closedOrder.map((c) =>
      rows
        .filter((r) => r.teamId === teamId && r.cycleId === c.id && r.score !== null)
        .map((r) => r.score as number),
    );
    return {
      teamId,
      teamName: mine[0]?.teamName ?? "Personal Objectives",
      keyResults: mine.length,
      scored: scores.length,
      suggestedMean:
        mine.length > 0
          ? Math.round(
              (mine.reduce((s, r) => s + (suggestedScore(keyResultInput(r.suggestedInput)) ?? 0), 0) /
                mine.length) *
                100,
            ) / 100
          : null,
      distribution: gradeDistribution(scores),
      allPerfect: scores.length > 0 && scores.length === mine.length && scores.every((s) => s >= 1),
      sandbagging: looksSandbagged(history),
    };
  });
  return { cycleId, state: cycle.state, teams: teamsOut.sort((a, b) => (a.teamName < b.teamName ? -1 : 1)) };
}
