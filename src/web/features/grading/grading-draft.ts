import type { KeyResult, Objective, ObjectiveOutcome } from "../../lib/types.ts";
import { scoreNeedsComment, suggestedScore } from "../okrs/okr-format.ts";
import type { GradeInput, ScoreInput } from "./grading-api.ts";

export type ScoreDraft = { score: number | ""; comment: string };
export type GradingDraft = {
  scores: Record<string, ScoreDraft>;
  outcome: ObjectiveOutcome | null;
  retrospective: string;
};

export function gradedKeyResults(o: Objective): KeyResult[] {
  return o.keyResults.filter((k) => !k.archived);
}

/** A weighted mean of scores (the server's default grade); null without any. */
export function weightedGrade(items: ReadonlyArray<{ score: number | null; weight: number }>): number | null {
  const scored = items.filter((i) => i.score !== null);
  if (scored.length === 0) return null;
  const weight = scored.reduce((s, i) => s + i.weight, 0);
  if (weight <= 0) return null;
  return Math.round((scored.reduce((s, i) => s + i.weight * (i.score ?? 0), 0) / weight) * 100) / 100;
}

/** Achieved from 0.7 up (the "delivered" band), missed below. Owners may pick otherwise. */
export function suggestOutcome(grade: number | null): ObjectiveOutcome {
  return grade !== null && grade >= 0.7 - 1e-9 ? "achieved" : "missed";
}

/** What the form starts from: saved scores, else the suggestions; the saved or suggested outcome. */
export function initialGrading(o: Objective): GradingDraft {
  const scores: Record<string, ScoreDraft> = {};
  for (const kr of gradedKeyResults(o)) {
    scores[kr.id] = {
      score: kr.finalScore ?? suggestedScore(kr.progress) ?? "",
      comment: kr.scoreComment ?? "",
    };
  }
  const grade = weightedGrade(
    gradedKeyResults(o).map((k) => {
      const s = scores[k.id]?.score;
      return { score: s === "" || s === undefined ? null : s, weight: k.weight };
    }),
  );
  return { scores, outcome: o.outcome ?? suggestOutcome(grade), retrospective: o.retrospective ?? "" };
}

/** The grade the draft gives (what the server will compute), for display. */
export function draftGrade(o: Objective, draft: GradingDraft): number | null {
  return weightedGrade(
    gradedKeyResults(o).map((k) => {
      const s = draft.scores[k.id]?.score;
      return { score: s === "" || s === undefined ? null : s, weight: k.weight };
    }),
  );
}

/** Problems per KR id ("score", "comment") before anything is sent. */
export function gradingProblems(o: Objective, draft: GradingDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  const dropped = draft.outcome === "dropped";
  for (const kr of gradedKeyResults(o)) {
    const d = draft.scores[kr.id];
    if (!d || d.score === "") {
      if (!dropped) problems[`${kr.id}:score`] = "Give a score from 0.0 to 1.0";
      continue;
    }
    if (d.score < 0 || d.score > 1) problems[`${kr.id}:score`] = "A score is from 0.0 to 1.0";
    else if (scoreNeedsComment(d.score, suggestedScore(kr.progress)) && !d.comment.trim())
      problems[`${kr.id}:comment`] = "Say why it differs from the suggestion";
  }
  if (!draft.outcome) problems.outcome = "Pick an outcome";
  return problems;
}

/**
 * The requests that save a draft: scores that are new or changed, and the grade when the
 * outcome, the retrospective or any score changed (the server computes the grade then).
 */
export function gradingRequests(
  o: Objective,
  draft: GradingDraft,
): { scores: ScoreInput[]; grade: GradeInput | null } {
  const scores: ScoreInput[] = [];
  for (const kr of gradedKeyResults(o)) {
    const d = draft.scores[kr.id];
    if (!d || d.score === "") continue;
    const comment = d.comment.trim();
    if (
      kr.finalScore !== null &&
      Math.abs(kr.finalScore - d.score) < 1e-9 &&
      (kr.scoreComment ?? "") === comment
    )
      continue;
    scores.push({
      keyResultId: kr.id,
      version: kr.version,
      finalScore: d.score,
      ...(comment ? { scoreComment: comment } : {}),
    });
  }
  const retrospective = draft.retrospective.trim();
  const gradeChanged =
    scores.length > 0 || draft.outcome !== o.outcome || retrospective !== (o.retrospective ?? "");
  const grade =
    draft.outcome && gradeChanged
      ? {
          objectiveId: o.id,
          outcome: draft.outcome,
          ...(retrospective ? { retrospective } : {}),
        }
      : null;
  return { scores, grade };
}

/** Whether the Objective still needs grading (for the wizard's progress). */
export function isGraded(o: Objective): boolean {
  if (o.state === "draft") return true;
  if (o.outcome === null) return false;
  if (o.outcome === "dropped") return true;
  return gradedKeyResults(o).every((k) => k.finalScore !== null);
}
