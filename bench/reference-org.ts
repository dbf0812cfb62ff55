/**
 * The reference organisation of PRODUCT.md ("Scale"), built directly in SQL for the
 * benchmarks: 10,000 people, 1,500 teams in a tree, 4 cycles, 20,000 Objectives, 80,000
 * KRs, about 1,000,000 check-ins, alignment edges and KR contributors, then 2,000 KPIs with
 * 5,000,000 measurements. Set-based (`insert … select … generate_series`), never a
 * statement per row, so it loads in about a minute on PostgreSQL. Every id is derived from
 * a sequence number (md5 shaped as a v4 UUID), so rows can refer to each other without
 * lookups and a run is reproducible; every "random" choice is a hash of the sequence number
 * (bench/reference-sql.ts).
 *
 * Shape: company → 10 divisions → 90 departments → 1,399 squads (1 in 20 squads runs KPIs
 * only and has no Objectives). This file sets up the organisation, its themes and cycles,
 * and runs the parts in order: people and teams (bench/reference-people.ts), OKRs
 * (bench/reference-okrs.ts), KPIs (bench/reference-kpis.ts).
 */
import { latestDuePeriod } from "../src/domain/kpi/periods.ts";
import { generateReferenceKpis } from "./reference-kpis.ts";
import { generateReferenceOkrs } from "./reference-okrs.ts";
import { generateReferencePeople } from "./reference-people.ts";
import { type Sql, type Step, uid } from "./reference-sql.ts";

export type { Sql } from "./reference-sql.ts";

export type ReferenceOptions = {
  /** 1 = the reference size; 0.1 = a tenth of every count. */
  scale: number;
  /** Today in the organisation's time zone (YYYY-MM-DD); the active cycle started 49 days ago. */
  today: string;
  /** argon2id hash of the admin's password (src/server/lib/passwords.ts). */
  adminPasswordHash: string;
  /** Called after each step with its name and duration, for progress output. */
  onStep?: (step: string, ms: number) => void;
  /** false: leave out the KPI part (bench/reference-kpis.ts), for benchmarks of OKRs only. */
  kpis?: boolean;
};

export type ReferenceOrg = {
  organizationId: string;
  slug: string;
  adminEmail: string;
  counts: Record<string, number>;
};

export const REFERENCE_SLUG = "reference-logistics";
export const REFERENCE_ADMIN_EMAIL = "admin@reference.example";

const quarterName = (date: string) => {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return `Q${Math.floor((m - 1) / 3) + 1} ${y}`;
};
const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export type ReferenceSizes = {
  people: number;
  teams: number;
  divisions: number;
  departments: number;
  squads: number;
  /** Team numbers where departments and squads begin (team 1 is the company). */
  firstDepartment: number;
  firstSquad: number;
  /** Objectives in each of the four cycles, oldest first. */
  objectivesPerCycle: number[];
  keyResultsPerObjective: number;
};

/** Sizes at a scale; the tree keeps its shape (one company, divisions, departments, squads). */
export function referenceSizes(scale: number): ReferenceSizes {
  const teams = Math.max(20, Math.round(1500 * scale));
  const divisions = Math.max(2, Math.round(10 * scale));
  const departments = Math.max(divisions, Math.round(90 * scale));
  const squads = teams - 1 - divisions - departments;
  const people = Math.max(teams + squads * 2, Math.round(10_000 * scale));
  const objectives = Math.round(20_000 * scale);
  const perClosedOrActive = Math.round(objectives * 0.27);
  return {
    people,
    teams,
    divisions,
    departments,
    squads,
    firstDepartment: 2 + divisions,
    firstSquad: 2 + divisions + departments,
    // Two closed cycles, the active one, and the next in planning with the rest (drafts).
    objectivesPerCycle: [
      perClosedOrActive,
      perClosedOrActive,
      perClosedOrActive,
      objectives - 3 * perClosedOrActive,
    ],
    keyResultsPerObjective: 4,
  };
}

/**
 * Builds the reference organisation in an empty, migrated database. Not one transaction:
 * temp tables and bulk inserts run in autocommit; the caller starts from a fresh database.
 */
export async function generateReferenceOrg(db: Sql, options: ReferenceOptions): Promise<ReferenceOrg> {
  const s = referenceSizes(options.scale);
  const org = "b0000000-0000-4000-8000-000000000001";
  const activeStart = addDays(options.today, -49);
  const cycleStarts = [
    addDays(activeStart, -182),
    addDays(activeStart, -91),
    activeStart,
    addDays(activeStart, 91),
  ];
  const cycleStates = ["closed", "closed", "active", "planning"] as const;
  const step: Step = async (name, ...statements) => {
    const started = performance.now();
    for (const [text, params] of statements) await db.query(text, params ?? []);
    options.onStep?.(name, performance.now() - started);
  };

  // Foreign keys are guaranteed by construction; skipping their triggers makes the load
  // several times faster. Indexes stay as the migrations made them.
  await step("session settings", ["set session_replication_role = replica"], ["set work_mem = '256MB'"]);

  await step(
    "organisation, themes, cycles",
    [
      `insert into organizations (id, slug, name, time_zone, week_start, fiscal_year_start_month)
       values ($1, $2, 'Reference Logistics', 'Europe/Berlin', 1, 1)`,
      [org, REFERENCE_SLUG],
    ],
    [
      `insert into themes (organization_id, id, name, perspective, position)
       select $1::uuid, ${uid("theme", "n")}, (array['Financial','Customer','Internal process','Learning & growth'])[n],
              (array['financial','customer','internal_process','learning_growth'])[n], n
       from generate_series(1, 4) n`,
      [org],
    ],
    [
      `insert into cycles (organization_id, id, name, kind, starts_on, ends_on, state)
       select $1::uuid, ${uid("cycle", "n")}, ($2::text[])[n], 'quarter', ($3::date[])[n], ($3::date[])[n] + 90, ($4::text[])[n]
       from generate_series(1, 4) n`,
      [org, cycleStarts.map(quarterName), cycleStarts, [...cycleStates]],
    ],
  );

  await generateReferencePeople({
    organizationId: org,
    sizes: s,
    adminEmail: REFERENCE_ADMIN_EMAIL,
    adminPasswordHash: options.adminPasswordHash,
    step,
  });
  await generateReferenceOkrs({ organizationId: org, sizes: s, cycleStarts, step });

  if (options.kpis !== false) {
    const opts = { weekStart: 1, fiscalYearStartMonth: 1 };
    const latestDue = {
      daily: latestDuePeriod(options.today, "daily", opts),
      weekly: latestDuePeriod(options.today, "weekly", opts),
      monthly: latestDuePeriod(options.today, "monthly", opts),
    };
    await generateReferenceKpis({ ...options, organizationId: org, latestDue, sizes: s, step });
  }

  await step("settings reset", ["set session_replication_role = default"], ["reset work_mem"]);
  await step("analyze", ["vacuum analyze"]);

  const counts: Record<string, number> = {};
  for (const table of [
    "users",
    "memberships",
    "teams",
    "team_members",
    "cycles",
    "objectives",
    "objective_alignments",
    "key_results",
    "key_result_contributors",
    "check_ins",
    "kpis",
    "kpi_bands",
    "kpi_measurements",
    "kpi_measurement_history",
    "escalations",
  ]) {
    const { rows } = await db.query(`select count(*)::int as n from ${table}`);
    counts[table] = (rows[0] as { n: number }).n;
  }
  return { organizationId: org, slug: REFERENCE_SLUG, adminEmail: REFERENCE_ADMIN_EMAIL, counts };
}

/** Rows that would break a foreign key (the load skips their triggers): all zero. */
export async function orphanCounts(db: Sql): Promise<Record<string, number>> {
  const checks = {
    "check-ins without KR": `select count(*)::int as n from check_ins c where not exists
      (select 1 from key_results k where k.organization_id = c.organization_id and k.id = c.key_result_id)`,
    "KRs without Objective": `select count(*)::int as n from key_results k where not exists
      (select 1 from objectives o where o.organization_id = k.organization_id and o.id = k.objective_id)`,
    "alignments without parent": `select count(*)::int as n from objective_alignments a where not exists
      (select 1 from objectives o where o.organization_id = a.organization_id and o.id = a.parent_id)`,
    "contributors without membership": `select count(*)::int as n from key_result_contributors c where not exists
      (select 1 from memberships m where m.organization_id = c.organization_id and m.user_id = c.user_id)`,
    "measurements without KPI": `select count(*)::int as n from kpi_measurements m where not exists
      (select 1 from kpis k where k.organization_id = m.organization_id and k.id = m.kpi_id)`,
    "KPIs without owner": `select count(*)::int as n from kpis k where not exists
      (select 1 from memberships m where m.organization_id = k.organization_id and m.user_id = k.owner_user_id)`,
    "teams without parent": `select count(*)::int as n from teams t where t.parent_id is not null and not exists
      (select 1 from teams p where p.organization_id = t.organization_id and p.id = t.parent_id)`,
    "KRs whose latest check-in differs": `select count(*)::int as n from key_results k
      join lateral (select created_at, confidence from check_ins c
        where c.organization_id = k.organization_id and c.key_result_id = k.id
        order by created_at desc limit 1) l on true
      where k.last_check_in_at is distinct from l.created_at or k.last_confidence is distinct from l.confidence`,
  };
  const out: Record<string, number> = {};
  for (const [name, text] of Object.entries(checks)) {
    out[name] = ((await db.query(text)).rows[0] as { n: number }).n;
  }
  return out;
}
