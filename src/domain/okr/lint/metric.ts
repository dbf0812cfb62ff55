import { FUNCTION_WORDS, NUMBER_SOURCE, normalise, wordsOf } from "./text.ts";

/**
 * What a KR measures, apart from how much: its title without numbers, units, function
 * words and the verbs of change ("increase", "from … to"), so "Raise NPS from 30 to 45"
 * and "NPS: 30 → 50" name the same metric. Used by `recycled` and `cascaded-mirror`.
 */

const NUMBERS = new RegExp(NUMBER_SOURCE, "g");
const CHANGE_WORDS = new Set(
  (
    "increase increased increasing raise raising grow growing reduce reducing reduced cut cutting " +
    "lower lowering improve improving improved decrease decreasing drive boost lift bring get " +
    "reach achieve hit move double halve keep maintain hold least most below above under over " +
    "than less fewer target goal new current currently today now k m bn mn x % € $ £"
  ).split(" "),
);

/**
 * Metric words by title. A cycle's health check compares every KR with each KR of its
 * team's previous cycle and of its parents, so the same titles are read thousands of
 * times; the words of a title never change. Bounded: cleared when full.
 */
const metricWordsMemo = new Map<string, ReadonlySet<string>>();
const METRIC_WORDS_MEMO_LIMIT = 50_000;

/** The words naming the metric of a KR title, as a set (shared: never mutate it). */
export function metricWords(title: string): ReadonlySet<string> {
  const known = metricWordsMemo.get(title);
  if (known) return known;
  const text = normalise(title).replace(NUMBERS, " ");
  const words = new Set(
    wordsOf(text).filter((w) => !FUNCTION_WORDS.has(w) && !CHANGE_WORDS.has(w) && w.length > 1),
  );
  if (metricWordsMemo.size >= METRIC_WORDS_MEMO_LIMIT) metricWordsMemo.clear();
  metricWordsMemo.set(title, words);
  return words;
}

/** Jaccard similarity of two word sets (0 when either is empty). */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** Titles this close name the same metric even without a shared KPI. */
export const SAME_METRIC_OVERLAP = 0.75;

/** Two KRs measure the same thing: the same KPI, or titles naming the same metric. */
export function sameMetric(
  a: { title: string; kpiId?: string | null | undefined },
  b: { title: string; kpiId?: string | null | undefined },
): boolean {
  if (a.kpiId && b.kpiId) return a.kpiId === b.kpiId;
  const wordsA = metricWords(a.title);
  return wordsA.size >= 2 && overlap(wordsA, metricWords(b.title)) >= SAME_METRIC_OVERLAP;
}

/** The p-th quantile (0–1) of values, linearly interpolated; NaN for none. */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  const lowValue = sorted[low] as number;
  return lowValue + ((sorted[high] as number) - lowValue) * (at - low);
}
