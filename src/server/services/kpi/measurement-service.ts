import { todayIn } from "../../../domain/dates.ts";
import { frequencyRank, rollUp } from "../../../domain/kpi/aggregation.ts";
import { ANOMALY_WINDOW, judgePeriod } from "../../../domain/kpi/anomaly.ts";
import { bandsInForce } from "../../../domain/kpi/bands.ts";
import {
  isPeriodStart,
  periodLabel,
  periodStartOf,
  previousPeriodStart,
} from "../../../domain/kpi/periods.ts";
import { valueStatus } from "../../../domain/kpi/status.ts";
import type { Frequency, PeriodOptions } from "../../../domain/kpi/types.ts";
import { AppError, type FieldIssue, fieldError, notFound } from "../../../shared/errors.ts";
import type { Measurement } from "../../../shared/schemas/kpis.ts";
import type { Actor, Deps } from "../../context.ts";
import { bandsOf, enterableKpisOwnedBy, findKpi, type KpiRow } from "../../repositories/kpi-repository.ts";
import { lockKpiForWrite } from "../../repositories/kpi-write-lock-repository.ts";
import {
  type MeasurementRow,
  type MeasurementSource,
  measurementPage,
  seriesOf,
  valuesAt,
  versionsOfPeriod,
  writeMeasurementBatch,
} from "../../repositories/measurement-repository.ts";
import { requireEnterKpiValues } from "./kpi-access.ts";
import { presentKpis } from "./kpi-cards.ts";
import { withoutSparkline } from "./kpi-presenter.ts";
import { presentContext } from "./kpi-service.ts";
import { recomputeAfterWrite } from "./recompute-service.ts";

/** Where a value came from when a caller writes it: a person in the app, or a token. */
export function sourceOf(actor: Actor): MeasurementSource {
  return actor.tokenId ? "api" : "manual";
}

/** Why a KPI takes no values from people; null when it does. */
export function refusalFor(kpi: KpiRow): string | null {
  if (kpi.state === "archived") return `KPI "${kpi.key}" is archived; restore it to enter values`;
  if (kpi.formula)
    return `KPI "${kpi.key}" is computed from its formula (${kpi.formula}); enter its inputs instead`;
  return null;
}

export async function calendarOf(deps: Deps, actor: Actor): Promise<{ today: string; opts: PeriodOptions }> {
  const ctx = await presentContext(deps, deps.db, actor);
  return { today: todayIn(ctx.timeZone, ctx.now), opts: ctx.periods };
}

/**
 * Enters one value (the form in the app, one API call). A value for a period that has
 * one is a correction and needs a note saying why; the old value stays in history.
 */
export async function enterMeasurement(
  deps: Deps,
  actor: Actor,
  kpiId: string,
  input: { date: string; value: number; note: string },
): Promise<{ measurement: Measurement; outcome: "created" | "corrected" | "unchanged" }> {
  const { today, opts } = await calendarOf(deps, actor);
  const written = await deps.db.transaction(async (tx) => {
    // The KPI is read once, locked: the checks below, the write (which takes no lock of
    // its own) and the answer after commit all use this row.
    const kpi = await lockKpiForWrite(tx, actor.organizationId, kpiId);
    if (!kpi) throw notFound("That KPI");
    const refusal = refusalFor(kpi);
    if (refusal) throw fieldError("kpi", refusal);
    await requireEnterKpiValues(tx, actor, kpi);
    if (input.date > today)
      throw fieldError(
        "date",
        `is in the future (today is ${today}); values are entered once a period has begun`,
      );
    const period = periodStartOf(input.date, kpi.frequency, opts);
    const existing = (await valuesAt(tx, actor.organizationId, [{ kpiId, periodStart: period }])).get(
      `${kpiId}|${period}`,
    );
    if (existing !== undefined && existing !== input.value && input.note.trim() === "") {
      throw fieldError(
        "note",
        `${periodLabel(period, kpi.frequency, opts)} already has the value ${existing}; say why you are correcting it`,
      );
    }
    const counts = await writeMeasurementBatch(
      tx,
      {
        organizationId: actor.organizationId,
        authorUserId: actor.userId,
        tokenId: actor.tokenId,
        source: sourceOf(actor),
      },
      [{ kpiId, periodStart: period, value: input.value, note: input.note.trim() }],
    );
    const outcome = counts.created ? "created" : counts.corrected ? "corrected" : "unchanged";
    return { kpi, period, outcome } as const;
  });
  await recomputeAfterWrite(deps, actor.organizationId, [kpiId]);
  const [row] = await measurementPage(deps.db, actor.organizationId, kpiId, {
    from: written.period,
    to: written.period,
    limit: 1,
  });
  if (!row) throw new Error("the value just written is missing");
  const bands = (await bandsOf(deps.db, actor.organizationId, [kpiId])).get(kpiId) ?? [];
  return {
    measurement: presentMeasurement(row, written.kpi, bands),
    outcome: written.outcome,
  };
}

function presentMeasurement(
  row: MeasurementRow,
  kpi: KpiRow,
  bands: Parameters<typeof bandsInForce>[0],
): Measurement {
  return {
    ...row,
    recordedAt: row.recordedAt.toISOString(),
    status: valueStatus(row.value, kpi.direction, bandsInForce(bands, row.periodStart)),
  };
}

export async function listMeasurements(
  deps: Deps,
  actor: Actor,
  kpiId: string,
  query: { from?: string | undefined; to?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const kpi = await findKpi(deps.db, actor.organizationId, kpiId);
  if (!kpi) throw notFound("That KPI");
  const before = decodePeriodCursor(query.cursor);
  const rows = await measurementPage(deps.db, actor.organizationId, kpiId, { ...query, before });
  const bands = (await bandsOf(deps.db, actor.organizationId, [kpiId])).get(kpiId) ?? [];
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  // The values before the page's oldest, so its oldest items are judged on a whole window too.
  const earlier = last
    ? await measurementPage(deps.db, actor.organizationId, kpiId, {
        before: last.periodStart,
        limit: ANOMALY_WINDOW[kpi.frequency],
      })
    : [];
  const series = [...items, ...earlier].map((r) => ({ periodStart: r.periodStart, value: r.value }));
  return {
    items: items.map((r) => ({
      ...presentMeasurement(r, kpi, bands),
      unusual: judgePeriod(series, r.periodStart, kpi.frequency),
    })),
    nextCursor:
      rows.length > query.limit && last ? Buffer.from(last.periodStart).toString("base64url") : null,
  };
}

function decodePeriodCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const value = Buffer.from(cursor, "base64url").toString("utf8");
  const d = new Date(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(d.getTime()) ||
    d.toISOString().slice(0, 10) !== value
  ) {
    throw fieldError("cursor", "is not a cursor this API gave out");
  }
  return value;
}

export async function periodVersions(deps: Deps, actor: Actor, kpiId: string, periodStart: string) {
  const kpi = await findKpi(deps.db, actor.organizationId, kpiId);
  if (!kpi) throw notFound("That KPI");
  const { opts } = await calendarOf(deps, actor);
  if (!isPeriodStart(periodStart, kpi.frequency, opts)) {
    throw fieldError("periodStart", `is not the first day of a ${kpi.frequency} period of this KPI`);
  }
  const versions = await versionsOfPeriod(deps.db, actor.organizationId, kpiId, periodStart);
  return {
    items: versions.map((v) => ({
      ...v,
      recordedAt: v.recordedAt.toISOString(),
      supersededAt: v.supersededAt?.toISOString() ?? null,
    })),
  };
}

/** A KPI's values for a chart, with its band series; five years back by default. */
export async function kpiSeries(
  deps: Deps,
  actor: Actor,
  kpiId: string,
  query: { from?: string | undefined; to?: string | undefined; rollUp?: Frequency | undefined },
) {
  const kpi = await findKpi(deps.db, actor.organizationId, kpiId);
  if (!kpi) throw notFound("That KPI");
  const { today, opts } = await calendarOf(deps, actor);
  const target = query.rollUp ?? kpi.frequency;
  if (frequencyRank(target) < frequencyRank(kpi.frequency)) {
    throw fieldError(
      "rollUp",
      `${kpi.key} is measured ${kpi.frequency}; it can be grouped into longer periods, not ${target} ones`,
    );
  }
  const to = query.to ?? today;
  const fiveYearsBack = `${String(Math.max(1900, Number(to.slice(0, 4)) - 5)).padStart(4, "0")}${to.slice(4)}`;
  const from = query.from ?? fiveYearsBack.replace("-02-29", "-02-28");
  if (from > to) throw fieldError("from", `must be on or before "to" (${to})`);
  const [points, bands] = await Promise.all([
    seriesOf(deps.db, actor.organizationId, kpiId, from, to),
    bandsOf(deps.db, actor.organizationId, [kpiId]),
  ]);
  return {
    points: target === kpi.frequency ? points : rollUp(points, kpi.frequency, target, kpi.aggregation, opts),
    pointFrequency: target,
    bands: bands.get(kpiId) ?? [],
    frequency: kpi.frequency,
  };
}

/**
 * The "enter values" form: every KPI the person owns and feeds by hand, with the period
 * to fill in: the one that ended last if it has no value yet, else the one running now.
 */
export async function kpiEntryForm(deps: Deps, actor: Actor) {
  if (!actor.userId) return { items: [] };
  const rows = await enterableKpisOwnedBy(deps.db, actor.organizationId, actor.userId);
  const ctx = await presentContext(deps, deps.db, actor);
  const today = todayIn(ctx.timeZone, ctx.now);
  const cards = await presentKpis(deps.db, actor.organizationId, rows, ctx, 3);
  const pairs = cards.flatMap((card) => {
    const current = periodStartOf(today, card.frequency, ctx.periods);
    return [
      { kpiId: card.id, periodStart: current },
      { kpiId: card.id, periodStart: previousPeriodStart(current, card.frequency) },
    ];
  });
  const known = await valuesAt(deps.db, actor.organizationId, pairs);
  return {
    items: cards.map((card) => {
      const current = periodStartOf(today, card.frequency, ctx.periods);
      const ended = previousPeriodStart(current, card.frequency);
      const endedValue = known.get(`${card.id}|${ended}`);
      const periodStart = endedValue === undefined ? ended : current;
      const before = previousPeriodStart(periodStart, card.frequency);
      const previous = card.sparkline.filter((p) => p.periodStart <= before).pop() ?? null;
      return {
        kpi: withoutSparkline(card),
        periodStart,
        periodLabel: periodLabel(periodStart, card.frequency, ctx.periods),
        value: known.get(`${card.id}|${periodStart}`) ?? null,
        previous,
      };
    }),
  };
}

/** Throws one validation error naming every bad row (at most 100 listed). */
export function throwRowIssues(issues: FieldIssue[], total: number, what: string): never {
  const shown = issues.slice(0, 100);
  throw new AppError(
    "validation_failed",
    `${total} ${what}${total === 1 ? " is" : "s are"} invalid; nothing was written. ${shown
      .slice(0, 3)
      .map((i) => `${i.field}: ${i.message}`)
      .join("; ")}${total > 3 ? "; …" : ""}`,
    { issues: shown, invalidCount: total },
  );
}
