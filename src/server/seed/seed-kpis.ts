import { randomUUID } from "node:crypto";
import type { Queryable } from "../../db/client.ts";
import { addDays, todayIn } from "../../domain/dates.ts";
import { evaluateFormula, type FormulaAst, parseFormula } from "../../domain/kpi/formula.ts";
import { latestDuePeriod, nextPeriodStart, periodStartOf } from "../../domain/kpi/periods.ts";
import type { Bands, PeriodOptions } from "../../domain/kpi/types.ts";
import type { Actor, Deps } from "../context.ts";
import { listCycles, listThemes } from "../repositories/catalog-repository.ts";
import { periodOptionsOf } from "../repositories/kpi-repository.ts";
import {
  type BackdatedAuditEvent,
  insertBackdatedAuditEvents,
} from "../repositories/seed/audit-seed-repository.ts";
import {
  insertBandSeries,
  insertFormulaInputs,
  insertKpis,
} from "../repositories/seed/kpi-seed-repository.ts";
import { curveValues, periodEndExclusive, periodsEndingAt, roundTo } from "./demo-kpi-history.ts";
import { type DemoBands, type DemoBandValues, type DemoKpi, demoKpis } from "./demo-kpis.ts";
import { at } from "./demo-okr-trajectories.ts";
import type { PersonRef, ThemeKey } from "./demo-okrs.ts";
import { type DemoAuditEvent, type DemoPlan, demoAuditEvents, demoRefs } from "./seed-demo.ts";
import { seedDriverTree } from "./seed-kpi-drivers.ts";
import { seedKpiFollowUps } from "./seed-kpi-follow-ups.ts";
import { insertMeasurements } from "./seed-kpi-values.ts";

/** Two years of history: periods per frequency. */
const HISTORY = { daily: 730, weekly: 104, monthly: 24 } as const;

/** One KPI as planned: its row, its bands and its values, oldest first. */
export type PlannedKpi = {
  def: DemoKpi;
  id: string;
  ownerUserId: string;
  teamId: string;
  createdAt: Date;
  periods: string[];
  values: number[];
  recordedAt: Date[];
  bands: Bands[];
};

/** What the demo's KPI seeding needs from the rest of the demo. */
export type KpiSeedContext = {
  tx: Queryable;
  deps: Deps;
  actor: Actor;
  organizationId: string;
  today: string;
  opts: PeriodOptions;
  person: (ref: PersonRef) => string;
  /** A person's name, for audit events of what they did. */
  nameOf: (userId: string) => string;
  teamId: (name: string) => string;
  activeCycle: { id: string; startsOn: string };
  event: DemoAuditEvent;
};

/**
 * Seeds the demo's KPIs inside the demo's setup transaction: definitions with bands (some
 * stepping each quarter), two years of values ending at each KPI's latest due period,
 * the revenue tree's values computed from its inputs by the formula rules, a few
 * corrections kept in history; then floors, the connector and the escalations
 * (seed-kpi-follow-ups.ts). One INSERT per table; every definition audited, values not.
 */
export async function seedDemoKpis(tx: Queryable, deps: Deps, actor: Actor, plan: DemoPlan): Promise<void> {
  const organizationId = actor.organizationId;
  const { person, teamId } = demoRefs(plan, "demo KPIs");
  const settings = await periodOptionsOf(tx, organizationId);
  const opts = { weekStart: settings.weekStart, fiscalYearStartMonth: settings.fiscalYearStartMonth };
  const today = todayIn(settings.timeZone, deps.now());
  const active = (await listCycles(tx, organizationId)).find((c) => c.state === "active");
  if (!active) throw new Error("demo KPIs: no active cycle");
  const themeRows = await listThemes(tx, organizationId);
  const themeId = (key: ThemeKey) => themeRows.find((t) => t.perspective === key)?.id ?? null;
  const event = demoAuditEvents(actor);
  const ctx: KpiSeedContext = {
    tx,
    deps,
    actor,
    organizationId,
    today,
    opts,
    person,
    nameOf: (userId) => plan.people.find((p) => p.userId === userId)?.name || actor.label,
    teamId,
    activeCycle: { id: active.id, startsOn: active.startsOn },
    event,
  };

  const planned = planKpis(ctx);
  const byKey = new Map(planned.map((p) => [p.def.key, p]));

  await insertKpis(
    tx,
    planned.map((p) => ({
      organizationId,
      id: p.id,
      key: p.def.key,
      name: p.def.name,
      description: p.def.description,
      ownerUserId: p.ownerUserId,
      teamId: p.teamId,
      unit: p.def.unit,
      decimals: p.def.decimals,
      currency: p.def.unit === "currency" ? "EUR" : null,
      direction: p.def.direction,
      frequency: p.def.frequency,
      aggregation: p.def.aggregation,
      themeId: themeId(p.def.theme),
      formula: p.def.formula ?? null,
      createdAt: p.createdAt,
      updatedAt: p.createdAt,
    })),
  );
  await insertBandSeries(
    tx,
    organizationId,
    planned.map((p) => ({ kpiId: p.id, bands: p.bands })),
  );
  await insertFormulaInputs(
    tx,
    organizationId,
    planned.flatMap((p) =>
      p.def.formula
        ? formulaOf(p.def).inputs.map((key) => ({ kpiId: p.id, inputKpiId: byKey.get(key)!.id }))
        : [],
    ),
  );

  const drivers = await seedDriverTree(ctx, byKey);

  // Audit: each definition as the API presents it (kpi.created), before any value.
  const audit: BackdatedAuditEvent[] = planned.map((p) => {
    const definition = {
      id: p.id,
      key: p.def.key,
      name: p.def.name,
      description: p.def.description,
      ownerUserId: p.ownerUserId,
      ownerName: ctx.nameOf(p.ownerUserId),
      teamId: p.teamId,
      teamName: p.def.team,
      unit: p.def.unit,
      decimals: p.def.decimals,
      currency: p.def.unit === "currency" ? "EUR" : null,
      direction: p.def.direction,
      frequency: p.def.frequency,
      aggregation: p.def.aggregation,
      themeId: themeId(p.def.theme),
      formula: p.def.formula ?? null,
      formulaInputs: p.def.formula
        ? formulaOf(p.def)
            .inputs.map((key) => byKey.get(key)!)
            .map((i) => ({ id: i.id, key: i.def.key, name: i.def.name }))
            .sort((a, b) => (a.key < b.key ? -1 : 1))
        : [],
      state: "active",
      closeAfterGreenPeriods: 2,
      bands: p.bands,
      version: 1,
    };
    return event(p.createdAt, "kpi.created", "kpi", p.id, p.def.name, null, definition);
  });

  const followUps = await seedKpiFollowUps(ctx, byKey);
  await insertMeasurements(ctx, planned, followUps.feedTokenId);
  audit.push(...followUps.audit, ...drivers);
  audit.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
  await insertBackdatedAuditEvents(tx, audit);
}

const formulas = new Map<string, { ast: FormulaAst; inputs: string[] }>();
function formulaOf(def: DemoKpi): { ast: FormulaAst; inputs: string[] } {
  let parsed = formulas.get(def.key);
  if (!parsed) {
    const result = parseFormula(def.formula ?? "");
    if (!result.ok) throw new Error(`demo KPIs: formula of ${def.key}: ${result.message}`);
    parsed = { ast: result.ast, inputs: result.inputs };
    formulas.set(def.key, parsed);
  }
  return parsed;
}

/** The bands a definition declares, as a series: one version, or one per quarter when it steps. */
function bandSeries(def: DemoKpi, firstPeriod: string, ctx: KpiSeedContext): Bands[] {
  const version = (from: string, values: DemoBandValues, shift: number): Bands => {
    const moved = (v: number | undefined) => (v === undefined ? null : roundTo(v + shift, def.decimals + 2));
    return {
      effectiveFrom: from,
      target: values.target === null ? null : moved(values.target),
      greenMin: moved(values.greenMin),
      greenMax: moved(values.greenMax),
      redMin: moved(values.redMin),
      redMax: moved(values.redMax),
    };
  };
  const b: DemoBands = def.bands;
  const series: Bands[] = [];
  let quarter = periodStartOf(firstPeriod, "quarterly", ctx.opts);
  if (b.stepPerQuarter) {
    for (let i = 0; quarter <= ctx.today; i++, quarter = nextPeriodStart(quarter, "quarterly")) {
      series.push(version(quarter, b, i * b.stepPerQuarter));
    }
  } else {
    series.push(version(quarter, b, 0));
  }
  if (b.thisQuarter) series.push(version(ctx.activeCycle.startsOn, b.thisQuarter, 0));
  return series;
}

/** When a period's value arrived: the morning after a day, Monday after a week, days after a month. */
function arrival(periodStart: string, def: DemoKpi, index: number): Date {
  const after = Date.parse(`${periodEndExclusive(periodStart, def.frequency)}T07:00:00Z`);
  const minutes =
    def.frequency === "daily"
      ? -75 + (index % 20)
      : def.frequency === "weekly"
        ? (index % 9 === 0 ? 1440 : 0) + 60 + ((index * 37) % 240)
        : 1440 * (2 + (index % 4)) + 90 + ((index * 53) % 300);
  return new Date(after + minutes * 60_000);
}

/** Every KPI with its periods, bands and values; formula KPIs from their inputs' values. */
function planKpis(ctx: KpiSeedContext): PlannedKpi[] {
  const planned = demoKpis.map((def, i): PlannedKpi => {
    const latest = latestDuePeriod(ctx.today, def.frequency, ctx.opts);
    const periods = periodsEndingAt(latest, def.frequency, HISTORY[def.frequency]);
    const bands = bandSeries(def, periods[0]!, ctx);
    const values = def.curve
      ? curveValues(def.key, def.curve, periods, def.frequency, def.decimals, def.direction, bands)
      : [];
    return {
      def,
      id: randomUUID(),
      ownerUserId: ctx.person(def.owner),
      teamId: ctx.teamId(def.team),
      // Defined a few days before its first value, in the order declared.
      createdAt: at(addDays(periods[0]!, -6), 30 + i * 3),
      periods,
      values,
      recordedAt: periods.map((p, k) => arrival(p, def, k)),
      bands,
    };
  });
  const byKey = new Map(planned.map((p) => [p.def.key, p]));
  // Formula KPIs once all their inputs have values (a tree: a few passes at most).
  let pending = planned.filter((p) => p.def.formula);
  while (pending.length > 0) {
    const ready = pending.filter((p) => formulaOf(p.def).inputs.every((k) => byKey.get(k)?.values.length));
    if (ready.length === 0) throw new Error("demo KPIs: a formula reads an unknown KPI or a cycle");
    for (const p of ready) computeFormula(p, byKey);
    pending = pending.filter((p) => !ready.includes(p));
  }
  return planned;
}

/**
 * A formula KPI's values, period by period, as the recompute would write them: the
 * demo's trees read inputs of the same frequency, so each period takes that period's
 * input values. Periods where an input has none, or the formula has no result, are left
 * out. It arrives a minute after its last input.
 */
function computeFormula(p: PlannedKpi, byKey: Map<string, PlannedKpi>) {
  const { ast, inputs } = formulaOf(p.def);
  const periods: string[] = [];
  const values: number[] = [];
  const recordedAt: Date[] = [];
  p.periods.forEach((periodStart) => {
    const scope = new Map<string, number>();
    let arrived = 0;
    for (const key of inputs) {
      const input = byKey.get(key)!;
      if (input.def.frequency !== p.def.frequency)
        throw new Error(`demo KPIs: ${p.def.key} mixes frequencies`);
      const k = input.periods.indexOf(periodStart);
      if (k < 0) return;
      scope.set(key, input.values[k]!);
      arrived = Math.max(arrived, input.recordedAt[k]!.getTime());
    }
    const value = evaluateFormula(ast, scope);
    if (value === null) return;
    periods.push(periodStart);
    values.push(value);
    recordedAt.push(new Date(arrived + 60_000));
  });
  p.periods = periods;
  p.values = values;
  p.recordedAt = recordedAt;
}
