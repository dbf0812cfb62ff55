import type { FieldErrors } from "../../lib/zod-form.ts";
import { remainingWeight, weightsTooHigh } from "./okr-format.ts";

/** A parent the Objective contributes to; the team is shown beside the title when known. */
export type ParentRow = { objectiveId: string; title: string; teamName: string | null; weight: number | "" };

/** The align form: the parents kept, one more being picked, and the cycle it is looked for in. */
export type AlignValues = {
  rows: ParentRow[];
  parentId: string | null;
  weight: number | "";
  lookIn: string | null;
};

/** Where the problems of the weights as a whole are shown (above the buttons). */
export const WEIGHTS_ERROR = "weights";

export const toWeight = (v: string | number): number | "" =>
  v === "" ? "" : Number.isFinite(Number(v)) ? Number(v) : "";

/** Every weight the form holds, the picked parent's included once one is picked. */
export function weightsOf(values: AlignValues): Array<number | null> {
  return [...values.rows.map((r) => r.weight), values.parentId ? values.weight : ""].map((w) =>
    w === "" ? null : w,
  );
}

/** What the weights leave to give, and whether they overshoot 1. */
export function weightBudget(values: AlignValues) {
  const weights = weightsOf(values);
  return { left: remainingWeight(weights), tooHigh: weightsTooHigh(weights) };
}

/** The parents to save: those kept, and the one picked. */
export function alignedParents(values: AlignValues): Array<Pick<ParentRow, "objectiveId" | "weight">> {
  const kept = values.rows.map(({ objectiveId, weight }) => ({ objectiveId, weight }));
  return values.parentId ? [...kept, { objectiveId: values.parentId, weight: values.weight }] : kept;
}

/** Each weight above 0 and at most 1, and all of them together at most 1. */
export function checkAlignment(parents: ReadonlyArray<{ weight: number | "" }>): FieldErrors {
  if (parents.some((r) => r.weight === "" || r.weight <= 0 || r.weight > 1))
    return { [WEIGHTS_ERROR]: "Give each parent a weight above 0 and at most 1." };
  if (weightsTooHigh(parents.map((r) => (r.weight === "" ? null : r.weight))))
    return {
      [WEIGHTS_ERROR]: "The weights add up to more than 1: lower some, so no progress is counted twice.",
    };
  return {};
}
