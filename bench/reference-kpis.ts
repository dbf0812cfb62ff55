/**
 * The KPI part of the reference organisation (PRODUCT.md "Scale"): 2,000 KPIs and about
 * 5,000,000 measurements over its teams, built in SQL by bench/reference-org.ts after the
 * OKR part. Set-based like the rest of the generator: ids from sequence numbers, "random"
 * choices from `hashtext`, values from closed-form expressions, inserted in time order.
 *
 * Shape: each KPI-only squad (1 in 20 squads) has 20 KPIs; the rest go round robin to the
 * company, divisions and departments. In every block of 20 consecutive KPIs, 15 are daily,
 * 3 weekly (the third the sum of the other two: a formula) and 2 monthly (the second
 * twelve times the first: an annualised formula). 5,000,000 values over 2,000 KPIs is
 * 2,500 each on average, more than five years of daily values, so daily KPIs carry 5 to
 * 12.8 years of history (a legacy BI history imported when the organisation moved to
 * Keel); weekly ones 10 years, monthly ones 10 years. Values drift up 10 % over the
 * history with a ±5 % season and ±5 % noise; bands are set so that the newest value is
 * never red, except for one KPI in 50 whose newest value is red and has an open
 * escalation (owner and team lead as recipients). One in five KPIs has bands that step
 * up each year. One value in 1,000 was corrected (its first version is in history).
 */

import type { ReferenceOptions } from "./reference-org.ts";
import { pick, type Step, sqlArray, uid } from "./reference-sql.ts";

export type ReferenceKpiOptions = Pick<ReferenceOptions, "scale" | "today"> & {
  organizationId: string;
  /** Latest due period of each frequency (src/domain/kpi/periods.ts latestDuePeriod). */
  latestDue: { daily: string; weekly: string; monthly: string };
  sizes: { teams: number; people: number; squads: number; firstSquad: number };
  step: Step;
};

/** Per KPI position in its block of 20. */
const DAILY_POSITIONS = 15;
const WEEKLY_FORMULA = 17;
const MONTHLY_FORMULA = 19;
/** Daily history: 1,826 days (five years) plus up to 2,843 more: 3,250 on average. */
const DAILY_MIN = 1826;
const DAILY_EXTRA = 2844;
const WEEKLY_PERIODS = 522;
const MONTHLY_PERIODS = 120;

const kpiNames = [
  "Parcels sorted",
  "On-time delivery",
  "First-attempt delivery rate",
  "Pick accuracy",
  "Dock-to-stock time",
  "Sorter uptime",
  "Fleet availability",
  "Fuel per 100 km",
  "Damage claims per 1,000 parcels",
  "Cost per parcel",
  "Returns processed within 48 h",
  "Tickets per 1,000 parcels",
  "First response time",
  "Customer satisfaction",
  "Driver utilisation",
  "Overtime per driver",
  "Warehouse capacity utilisation",
  "Vehicle breakdowns",
  "Short-notice shift changes",
  "Linehaul departures on schedule",
  "Scans per hour",
  "Customs clearance time",
  "Sick leave",
  "Training hours",
];

/** Name of KPI n (an SQL expression): formula KPIs say what they compute. */
const nameOf = (n: string) => `case (${n} - 1) % 20 when ${WEEKLY_FORMULA} then 'Weekly total'
    when ${MONTHLY_FORMULA} then 'Annual run rate' else (${sqlArray(kpiNames)})[1 + (${n}) % ${kpiNames.length}] end`;
/** Its key: the name in snake case and the number, unique and stable. */
const keyOf = (n: string) =>
  `lower(regexp_replace(${nameOf(n)}, '[^A-Za-z0-9]+', '_', 'g')) || '_' || (${n})`;

/** Level of KPI n (before drift, season and noise); formula KPIs from their inputs'. */
const level = (n: string) => `(10 + ${pick(n, "level", 990)})::float8`;

export function referenceKpiCount(scale: number): number {
  return Math.max(40, Math.round(2000 * scale));
}

export async function generateReferenceKpis(o: ReferenceKpiOptions): Promise<void> {
  const org = o.organizationId;
  const total = referenceKpiCount(o.scale);
  const s = o.sizes;

  // KPI n: its team, position in its block, frequency, history length and level.
  await o.step("KPIs (temp)", [
    `create temp table ref_kpis as
     with kpi_squads as (select row_number() over (order by t) - 1 as idx, t from ref_teams where methodology = 'kpi'),
          others as (select row_number() over (order by t) - 1 as idx, t from ref_teams where kind <> 'squad'),
          counts as (select (select count(*) from kpi_squads) as squads, (select count(*) from others) as others),
          base as (
            select n, (n - 1) % 20 as pos,
                   case when (n - 1) / 20 < c.squads then (select t from kpi_squads where idx = (n - 1) / 20)
                        else (select t from others where idx = ((n - 1) - 20 * c.squads) % c.others) end as team
            from generate_series(1, ${total}) n cross join counts c)
     select n, pos, team,
            case when pos < ${DAILY_POSITIONS} then 'daily' when pos < 18 then 'weekly' else 'monthly' end as frequency,
            case when pos < ${DAILY_POSITIONS} then ${DAILY_MIN} + ${pick("n", "len", DAILY_EXTRA)}
                 when pos < 18 then ${WEEKLY_PERIODS} else ${MONTHLY_PERIODS} end as len,
            case pos when ${WEEKLY_FORMULA} then ${level("n - 2")} + ${level("n - 1")}
                     when ${MONTHLY_FORMULA} then 12 * ${level("n - 1")}
                     else ${level("n")} end as lvl,
            case when pos in (${WEEKLY_FORMULA}, ${MONTHLY_FORMULA}) then 'higher_is_better'
                 when ${pick("n", "dir", 10)} < 6 then 'higher_is_better'
                 when ${pick("n", "dir", 10)} < 9 then 'lower_is_better' else 'within_range' end as direction,
            pos in (${WEEKLY_FORMULA}, ${MONTHLY_FORMULA}) as is_formula,
            n % 50 = 3 as red_now,
            ${pick("n", "steps", 5)} = 0 as steps,
            -- Half of a squad's KPIs belong to one of its members, the rest to its lead.
            case when team >= ${s.firstSquad} and n % 2 = 0
                      and ${s.teams} + 1 + (team - ${s.firstSquad}) + ${s.squads} * (n % 3) <= ${s.people}
                 then ${s.teams} + 1 + (team - ${s.firstSquad}) + ${s.squads} * (n % 3)
                 else team end as owner
     from base`,
  ]);
  await o.step(
    "KPIs (temp, periods)",
    [`alter table ref_kpis add column latest date, add column first date`],
    [
      `update ref_kpis set latest = case frequency when 'daily' then $1::date when 'weekly' then $2::date else $3::date end`,
      [o.latestDue.daily, o.latestDue.weekly, o.latestDue.monthly],
    ],
    [
      `update ref_kpis set first = case frequency when 'daily' then latest - (len - 1)
       when 'weekly' then latest - 7 * (len - 1) else (latest - make_interval(months => len - 1))::date end`,
    ],
    // Temporary tables are never analysed by autovacuum: without statistics the joins below misplan.
    ["analyze ref_kpis"],
  );

  await o.step(
    "KPIs, bands, formula inputs",
    [
      `insert into kpis (organization_id, id, key, name, description, owner_user_id, team_id, unit, decimals,
         direction, frequency, aggregation, theme_id, formula, created_at, updated_at)
       select $1::uuid, ${uid("kpi", "n")},
              ${keyOf("n")}, ${nameOf("n")} || ' #' || n,
              'Generated for the reference-size benchmark.',
              ${uid("user", "owner")}, ${uid("team", "team")},
              case when pos % 4 = 0 then 'count' when pos % 4 = 1 then 'percent' else 'number' end, 2,
              direction, frequency, case when pos % 4 = 0 or is_formula then 'sum' else 'average' end,
              ${uid("theme", `1 + ${pick("n", "theme", 4)}`)},
              case pos when ${WEEKLY_FORMULA} then ${keyOf("n - 2")} || ' + ' || ${keyOf("n - 1")}
                       when ${MONTHLY_FORMULA} then ${keyOf("n - 1")} || ' * 12' end,
              (first - 7)::timestamp at time zone 'UTC', (first - 7)::timestamp at time zone 'UTC'
       from ref_kpis order by n`,
      [org],
    ],
    [
      // One version from the first period, or one per year for KPIs whose bands step up.
      `insert into kpi_bands (organization_id, kpi_id, effective_from, target, green_min, green_max, red_min, red_max)
       select $1::uuid, ${uid("kpi", "n")}, v.effective_from, round((lvl * f)::numeric, 2)::float8,
              case direction when 'higher_is_better' then round((0.97 * lvl * f)::numeric, 2)::float8
                             when 'within_range' then round((0.92 * lvl * f)::numeric, 2)::float8 end,
              case direction when 'lower_is_better' then round((1.03 * lvl * f)::numeric, 2)::float8
                             when 'within_range' then round((1.08 * lvl * f)::numeric, 2)::float8 end,
              case direction when 'lower_is_better' then null else round((0.85 * lvl * f)::numeric, 2)::float8 end,
              case direction when 'higher_is_better' then null else round((1.15 * lvl * f)::numeric, 2)::float8 end
       from ref_kpis k
       cross join lateral (
         select first as effective_from, 1.0::float8 as f where not steps
         union all
         select case when y = extract(year from first)::int then first else make_date(y, 1, 1) end,
                greatest(0.9, 1 - 0.01 * (extract(year from latest)::int - y))
         from generate_series(extract(year from first)::int, extract(year from latest)::int) y where steps
       ) v`,
      [org],
    ],
    [
      `insert into kpi_formula_inputs (organization_id, kpi_id, input_kpi_id)
       select $1::uuid, ${uid("kpi", "n")}, ${uid("kpi", "n - 2")} from ref_kpis where pos = ${WEEKLY_FORMULA}
       union all
       select $1::uuid, ${uid("kpi", "n")}, ${uid("kpi", "n - 1")} from ref_kpis where pos in (${WEEKLY_FORMULA}, ${MONTHLY_FORMULA})`,
      [org],
    ],
  );

  // Value of KPI `k` (an alias of ref_kpis) at period i (0 = first) on day d: drift,
  // season, noise; the newest red for the escalated ones. One value in 1,000 is a
  // correction (revision 2). Formula KPIs use the same expression for their inputs.
  const value = (i: string, d: string, k = "k") => `case when ${k}.red_now and ${i} = ${k}.len - 1
        then round((${k}.lvl * case ${k}.direction when 'higher_is_better' then 0.7 else 1.3 end)::numeric, 2)::float8
        else round((${k}.lvl * (0.9 + 0.1 * ${i}::float8 / greatest(1, ${k}.len - 1))
                        * (1 + 0.05 * sin(2 * pi() * extract(doy from ${d}) / 365.25))
                        + ${k}.lvl * (${pick(`${k}.n || ':' || ${i}`, "v", 1001)} - 500) / 10000.0)::numeric, 2)::float8 end`;
  const revision = (i: string) =>
    `case when ${pick(`k.n || ':' || ${i}`, "fix", 1000)} = 0 then 2 else 1 end`;
  const columns = `(organization_id, kpi_id, period_start, value, source, author_user_id, token_id, note, recorded_at, revision)`;

  await o.step("daily measurements", [
    // Day by day across all daily KPIs, as the values would have arrived.
    `insert into kpi_measurements ${columns}
     select $1::uuid, ${uid("kpi", "k.n")}, d::date, ${value("(d::date - k.first)", "d")}, 'api', null, null, '',
            ((d::date + 1)::timestamp + interval '6 hours') at time zone 'UTC', ${revision("(d::date - k.first)")}
     from generate_series((select min(first) from ref_kpis where frequency = 'daily'), $2::date, interval '1 day') d
     join ref_kpis k on k.frequency = 'daily' and k.first <= d::date`,
    [org, o.latestDue.daily],
  ]);
  await o.step("weekly and monthly measurements", [
    `insert into kpi_measurements ${columns}
     select $1::uuid, ${uid("kpi", "k.n")}, p.d, ${value("p.i", "p.d")},
            case when ${pick("k.n", "src", 3)} = 0 then 'import' else 'manual' end, ${uid("user", "k.owner")}, null, '',
            (p.d + case k.frequency when 'weekly' then 8 else 33 end)::timestamp at time zone 'UTC' + interval '7 hours',
            ${revision("p.i")}
     from ref_kpis k
     cross join lateral (
       select i, case k.frequency when 'weekly' then k.first + 7 * i
                  else (k.first + make_interval(months => i))::date end as d
       from generate_series(0, k.len - 1) i) p
     where k.frequency <> 'daily' and not k.is_formula
     order by p.d, k.n`,
    [org],
  ]);
  await o.step("formula measurements", [
    // The weekly sums and monthly run rates: their inputs' values (same periods, same
    // expressions), so nothing is read back from the big table.
    `insert into kpi_measurements ${columns}
     select $1::uuid, ${uid("kpi", "k.n")}, p.d,
            case k.pos when ${WEEKLY_FORMULA} then ${value("p.i", "p.d", "a")} + ${value("p.i", "p.d", "b")}
                 else ${value("p.i", "p.d", "a")} * 12 end,
            'formula', null, null, '',
            (p.d + case k.frequency when 'weekly' then 8 else 33 end)::timestamp at time zone 'UTC' + interval '7 hours 1 minute',
            1
     from ref_kpis k
     join ref_kpis a on a.n = k.n - 1
     join ref_kpis b on b.n = k.n - 2
     cross join lateral (
       select i, case k.frequency when 'weekly' then k.first + 7 * i
                  else (k.first + make_interval(months => i))::date end as d
       from generate_series(0, k.len - 1) i) p
     where k.is_formula
     order by p.d, k.n`,
    [org],
  ]);
  await o.step(
    "corrections",
    [
      `insert into kpi_measurement_history
       (organization_id, kpi_id, period_start, value, source, author_user_id, token_id, note, recorded_at, revision, superseded_at)
     select organization_id, kpi_id, period_start, round((value * 0.97)::numeric, 2)::float8, source, author_user_id,
            token_id, 'First figure, before late scans were counted', recorded_at, 1, recorded_at + interval '2 days'
     from kpi_measurements where organization_id = $1 and revision = 2`,
      [org],
    ],
    [
      `update kpi_measurements set note = 'Late scans from the night shift added', recorded_at = recorded_at + interval '2 days'
     where organization_id = $1 and revision = 2`,
      [org],
    ],
  );

  await o.step(
    "escalations",
    [
      `insert into escalations (organization_id, id, kpi_id, reason, state, period_start, value, opened_at)
       select $1::uuid, ${uid("escalation", "k.n")}, ${uid("kpi", "k.n")}, 'red', 'open', m.period_start, m.value,
              m.recorded_at + interval '1 minute'
       from ref_kpis k join kpi_measurements m on m.organization_id = $1 and m.kpi_id = ${uid("kpi", "k.n")}
            and m.period_start = k.latest
       where k.red_now`,
      [org],
    ],
    [
      `insert into escalation_recipients (organization_id, escalation_id, user_id, role)
       select $1::uuid, ${uid("escalation", "n")}, ${uid("user", "owner")}, 'owner' from ref_kpis where red_now
       union all
       select $1::uuid, ${uid("escalation", "n")}, ${uid("user", "team")}, 'lead' from ref_kpis where red_now and owner <> team`,
      [org],
    ],
    [
      `insert into escalation_entries (organization_id, escalation_id, kind, author_user_id, text, created_at)
       select $1::uuid, e.id, 'opened', null, 'Turned red: ' || e.value || ' for the period starting ' || e.period_start, e.opened_at
       from escalations e where e.organization_id = $1`,
      [org],
    ],
  );
}
