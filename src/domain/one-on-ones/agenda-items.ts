/**
 * Which generated items go onto a 1:1 agenda (docs/one-on-ones.md). Pure: the caller
 * loads what is happening to the report (flags, silent KRs, escalations, forecasts) and
 * the source keys the pair has seen on any of its agendas, so an item a person ticked
 * in an earlier meeting never comes back for the same event.
 */
import type { Likelihood } from "../okr/forecast.ts";

export type GeneratedKind = "risk_flag" | "overdue_check_in" | "kpi_escalation" | "forecast_unlikely";

/** A generated item the agenda should hold. */
export type GeneratedItem = {
  kind: GeneratedKind;
  /** Names the event, so the same event is put on a pair's agenda once. */
  sourceKey: string;
  subjectKind: "key_result" | "kpi";
  subjectId: string;
  title: string;
  quote: string | null;
};

/**
 * The event keys. An overdue check-in is one event per silence: it is keyed by the day of
 * the KR's latest check-in, so after the next check-in a new silence is a new item. A
 * forecast turning unlikely is keyed by the check-in that turned it.
 */
export const sourceKeys = {
  flag: (flagId: string) => `flag:${flagId}`,
  overdue: (keyResultId: string, lastCheckInOn: string | null) =>
    `overdue:${keyResultId}:${lastCheckInOn ?? "never"}`,
  escalation: (escalationId: string) => `escalation:${escalationId}`,
  forecast: (keyResultId: string, checkInId: string) => `forecast:${keyResultId}:${checkInId}`,
};

/**
 * The candidates not yet on any of the pair's agendas (ticked, open, carried over or
 * closed alike), once each, in the order given.
 */
export function itemsToAdd(
  candidates: readonly GeneratedItem[],
  pairKeys: ReadonlySet<string>,
): GeneratedItem[] {
  const seen = new Set(pairKeys);
  const out: GeneratedItem[] = [];
  for (const c of candidates) {
    if (seen.has(c.sourceKey)) continue;
    seen.add(c.sourceKey);
    out.push(c);
  }
  return out;
}

/** A forecast "turned unlikely" when it was likely before the latest check-in and is unlikely after it. */
export function forecastTurnedUnlikely(before: Likelihood | null, after: Likelihood | null): boolean {
  return before === "likely" && after === "unlikely";
}

export type AgendaItemState = { done: boolean };

/** What closing a meeting carries to the next agenda: every item nobody ticked. */
export function carriedOver<T extends AgendaItemState>(items: readonly T[]): T[] {
  return items.filter((i) => !i.done);
}

/** How many items of an agenda are still to talk about. */
export function openItemCount(items: readonly AgendaItemState[]): number {
  return items.filter((i) => !i.done).length;
}
