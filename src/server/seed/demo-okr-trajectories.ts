/**
 * How the demo's KRs move through a cycle: values along a declared path, the day and
 * time of each check-in, how values are written in notes, and the mood of each note.
 */
import { daysBetween } from "../../domain/dates.ts";
import { roundTo } from "../../domain/okr/numbers.ts";
import type { KeyResultInput } from "../../domain/okr/progress.ts";
import type { NoteMood } from "./demo-okr-notes.ts";
import type { DemoKeyResult } from "./demo-okrs.ts";

export type Mode = "closed" | "active" | "planning";

/** A moment on a calendar day, as UTC: 07:00–15:59 UTC is the same day in Europe/Berlin. */
export function at(day: string, minutesAfterSeven: number): Date {
  return new Date(Date.parse(`${day}T07:00:00Z`) + minutesAfterSeven * 60_000);
}

export function decimalsOf(kr: DemoKeyResult): number {
  if (kr.decimals !== undefined) return kr.decimals;
  const places = (n: number | undefined) => (n === undefined ? 0 : (String(n).split(".")[1]?.length ?? 0));
  const own = Math.max(places(kr.start), places(kr.target));
  return kr.unit === "%" ? Math.max(1, own) : own;
}

export function formatValue(value: number, unit: string, decimals: number): string {
  const n = value.toLocaleString("en-GB", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  if (unit === "%") return `${n}%`;
  if (unit === "€") return `€${n}`;
  if (unit === "€m") return `€${n}m`;
  return unit ? `${n} ${unit}` : n;
}

/**
 * Progress (share of start → target) at each check-in of a KR: the declared path, or a
 * curve from 0 in the first week to `reach` at the latest check-in with a little noise.
 */
export function progressAt(kr: DemoKeyResult, weeks: number[], random: () => number): number[] {
  const path = kr.path ?? "steady";
  if (Array.isArray(path)) return weeks.map((w) => path[w] ?? kr.reach ?? 0);
  const reach = kr.reach ?? 0;
  const last = weeks.at(-1) ?? 0;
  const out = weeks.map((w, i) => {
    if (i === weeks.length - 1) return reach;
    if (w === 0 || last === 0) return 0;
    const x = w / last;
    const shaped = path === "late" ? x ** 1.8 : path === "early" ? Math.sqrt(x) : x;
    return reach * shaped + (random() - 0.5) * 0.08;
  });
  // Counts from zero (hires, reviews) and work done never go backwards.
  if (kr.kind === "percentage" || kr.start === 0) {
    for (let i = 1; i < out.length; i++) out[i] = Math.max(out[i]!, out[i - 1]!);
  }
  return out;
}

/** How long the active quarter's story runs, as declared: seven weeks of a 91-day quarter. */
export const STORY_WEEKS = 7;
const STORY_PACE = 49 / 91;

/**
 * The active quarter's story, fitted to the real quarter: for each week that has begun
 * (and has a weekday before today), the story week it tells, spread evenly from the first
 * story week to the last; and the factor that keeps progress where the story put it
 * against the expected pace (the elapsed share of the quarter).
 */
export function storyCalendar(
  startsOn: string,
  endsOn: string,
  today: string,
): { weeks: number[]; paceScale: number } {
  const elapsed = daysBetween(startsOn, today);
  const length = daysBetween(startsOn, endsOn) + 1;
  const count = Math.max(1, Math.floor((elapsed - 2) / 7) + 1);
  const weeks = Array.from({ length: count }, (_, week) =>
    count === 1 ? 0 : Math.round((week * (STORY_WEEKS - 1)) / (count - 1)),
  );
  return { weeks, paceScale: elapsed / length / STORY_PACE };
}

export function valueAt(kr: DemoKeyResult, progress: number): number | null {
  if (kr.kind === "milestone") return null;
  if (kr.kind === "percentage") return Math.min(100, Math.max(0, Math.round(progress * 100)));
  const start = kr.start ?? 0;
  return roundTo(start + progress * ((kr.target ?? 0) - start), decimalsOf(kr));
}

export function inputOf(kr: DemoKeyResult, current: number | null, done: boolean): KeyResultInput {
  if (kr.kind === "milestone") return { kind: "milestone", done };
  if (kr.kind === "percentage") return { kind: "percentage", current };
  return { kind: "metric", start: kr.start ?? 0, target: kr.target ?? 0, current };
}

/** Which kind of note a check-in gets, from how value and confidence moved. */
export function moodOf(
  kr: DemoKeyResult,
  index: number,
  count: number,
  mode: Mode,
  previous: { confidence: number; progress: number } | null,
  confidence: number,
  progress: number,
  done: boolean | null,
): NoteMood {
  if (kr.kind === "milestone") {
    if (done) return "milestoneDone";
    return previous && confidence < previous.confidence ? "milestoneSlipping" : "milestoneOpen";
  }
  if (index === 0 || !previous) return "first";
  if (mode === "closed" && index === count - 1) return "final";
  const moved = progress - previous.progress;
  if (confidence < previous.confidence || moved < -0.03) return "down";
  if (confidence > previous.confidence || moved > 0.05) return "up";
  return "flat";
}

/**
 * Gives a KR's last three check-ins the confidences and notes of its `lastThree` story,
 * whichever weeks the calendar made them (a longer quarter repeats story weeks).
 */
export function tellLastThree(
  kr: DemoKeyResult,
  checkIns: Array<{ value?: number | null | undefined; confidence: number; note?: string | undefined }>,
  unit: string,
): void {
  const story = kr.lastThree;
  if (!story) return;
  checkIns.slice(-3).forEach((c, i) => {
    c.confidence = story.confidences[i] ?? c.confidence;
    const shown = c.value == null ? "" : formatValue(c.value, unit, decimalsOf(kr));
    c.note = (story.notes[i] ?? "").replaceAll("{value}", shown);
  });
}
