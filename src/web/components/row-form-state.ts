import { messageOf } from "../lib/api-client.ts";

/**
 * The rules of a many-rows form (row-form.tsx) that need no React: which rows may be sent,
 * and what a save leaves in the form. Kept apart so they are tested without a browser.
 */

/** What the batch mutation answers for one row. */
export type RowResult = { ok: true } | { ok: false; error: unknown };

/** "1 value", "3 values": rows are counted in words the person typed into. */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** The record without `key`; the same object when it has none, so React skips the render. */
export function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const next = { ...record };
  delete next[key];
  return next;
}

/** The record without the given keys. */
export function withoutKeys<T>(record: Record<string, T>, keys: readonly string[]): Record<string, T> {
  const next = { ...record };
  for (const key of keys) delete next[key];
  return next;
}

/** Why rows cannot be sent yet, by row key; empty when every row can go. */
export function rowProblems<Item>(
  items: readonly Item[],
  keyOf: (item: Item) => string,
  problemOf: (item: Item) => string | null,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const item of items) {
    const problem = problemOf(item);
    if (problem) problems[keyOf(item)] = problem;
  }
  return problems;
}

/**
 * What a save did to each row sent, from the results in the order of the rows: the saved
 * rows' keys (their drafts go, so they start again from the stored values) and, for each
 * failed row, the server's message (its draft stays, to be fixed and sent again).
 */
export function saveOutcome(
  keys: readonly string[],
  results: readonly RowResult[],
): { saved: string[]; errors: Record<string, string> } {
  const saved: string[] = [];
  const errors: Record<string, string> = {};
  results.forEach((result, i) => {
    const key = keys[i];
    if (key === undefined) return;
    if (result.ok) saved.push(key);
    else errors[key] = messageOf(result.error);
  });
  return { saved, errors };
}
