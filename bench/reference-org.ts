/**
 * The reference organisation of PRODUCT.md ("Scale"), built directly in SQL for the
 * benchmarks: 10,000 people, 1,500 teams in a tree, 4 cycles, 20,000 Objectives, 80,000
 * KRs, about 1,000,000 check-ins, alignment edges and KR contributors. Set-based
 * (`insert … select … generate_series`), never a statement per row, so it loads in about a
 * minute on PostgreSQL. Every id is derived from a sequence number (md5 shaped as a v4
 * UUID), so rows can refer to each other without lookups and a run is reproducible; every
 * "random" choice is a hash of the sequence number.
 *
 * Shape: company → 10 divisions → 90 departments → 1,399 squads (1 in 20 squads runs KPIs
 * only and has no Objectives). Each OKR team has about four Objectives per cycle, each
 * Objective four KRs, each Objective below the company contributes to one of its parent
 * team's Objectives (one in five also to its grandparent's). Cycles: two closed quarters
 * (graded), the active one seven weeks in, and the next in planning (drafts). KRs get a
 * check-in a week; one KR in about 15 is checked in daily (the "long history"); one active
 * KR in ten stopped after four weeks (stale). Each KR's current value, confidence and last
 * check-in are those of its newest check-in, computed by the same SQL expressions.
 */
import { latestDuePeriod } from "../src/domain/kpi/periods.ts";
import { firstNames, lastNames } from "../src/server/services/demo/demo-structure.ts";
import { generateReferenceKpis } from "./reference-kpis.ts";

/** What the generator needs from a database: one session (temp tables live in it). */
export type Sql = { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> };

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

/** SQL for a deterministic v4-shaped UUID from a label and a sequence expression. */
export const uid = (label: string, seq: string) =>
  `overlay(overlay(md5('${label}:' || (${seq})) placing '4' from 13) placing '8' from 17)::uuid`;

/** A hash in [0, n) of a sequence expression and a salt, for "random" choices. */
export const pick = (seq: string, salt: string, n: number) =>
  `(abs(hashtext('${salt}' || (${seq})::text)) % ${n})`;

const sqlArray = (items: readonly string[]) =>
  `array[${items.map((s) => `'${s.replaceAll("'", "''")}'`).join(", ")}]`;

const places = [
  "Hamburg",
  "Rotterdam",
  "Bremen",
  "Utrecht",
  "Antwerp",
  "Düsseldorf",
  "Berlin",
  "Leipzig",
  "Cologne",
  "Munich",
  "Lyon",
  "Milan",
  "Warsaw",
  "Prague",
  "Vienna",
  "Zurich",
  "Copenhagen",
  "Gdansk",
];
const areas = [
  "Fleet",
  "Warehousing",
  "Last Mile",
  "Sales",
  "Customer Success",
  "Marketing",
  "Platform",
  "Routing",
  "Data",
  "People",
  "Finance",
  "Procurement",
  "Safety",
  "Returns",
  "Linehaul",
  "Customs",
];
const objectiveTitles = [
  "Become the carrier our key accounts can set their watch by",
  "Deliver every parcel for less, without cutting corners",
  "Get every order right the first time",
  "Make integrating with us a matter of days",
  "Give drivers schedules they can plan their lives around",
  "Solve customers' problems before they have to chase us",
  "Plan routes with data, not habit",
  "Win back the city centres: delivered first time",
  "Make returns a reason for webshops to stay",
  "Shipment status customers trust without calling us",
  "Make peak season uneventful",
  "Give every site yesterday's numbers by 7 am",
  "Cut the paperwork out of customs clearance",
  "Make our depots the safest in the industry",
  "Turn our biggest customers into our loudest references",
  "Get new colleagues productive in their first month",
];
const keyResultTitles = [
  "On-time delivery",
  "Damage claims per 1,000 shipments",
  "Cost per parcel",
  "Pick accuracy",
  "Driver retention after 12 months",
  "NPS of key accounts",
  "Accounts using the tracking API weekly",
  "First-attempt delivery rate",
  "Median days to settle a claim",
  "Empty running share of kilometres",
  "Integration incidents a month",
  "Hub departures on schedule",
  "Short-notice shift changes a week",
  "Tickets reopened after closing",
  "Qualified inbound leads a month",
  "Customers live within 7 days of signing",
];
const milestoneTitles = [
  "Route optimisation live in the depot",
  "New WMS live at the hub",
  "Sandbox with realistic test shipments live",
  "Daily operations review running at every site",
  "Return labels printable from the portal",
  "Buddy programme running for new drivers",
];
const percentageTitles = [
  "Scanners replaced on all packing lines",
  "Connectors built and certified",
  "Data warehouse migration complete",
  "Depot network re-slotted",
];
const units = ["%", "€", "accounts", "days", "incidents", "per 1,000 shipments", "hours", "sites"];
const notes = [
  "Moving the right way. Same plan for next week.",
  "About where we were; no blockers, just slower than hoped.",
  "Better week: the first sites to switch are carrying the number.",
  "Slipped a little. Looking into why before we change anything.",
  "Blocked by the WMS upgrade at the hub; waiting on IT for a date.",
  "Holding steady. The next step is agreed and scheduled.",
  "Short-staffed on two shifts; should recover next week.",
  "Quick wins done; the bigger changes come next.",
  "Risk: the supplier pushed our delivery date back again.",
  "Good progress after the training sessions.",
  "Holiday week, half the team out; little movement.",
  "Two sites lag behind; going through it with their leads on Monday.",
  "Waiting on Legal for the partner contract.",
  "Less confident: the plan depends on people we have not hired yet.",
  "Ahead of plan thanks to the new process at the depot.",
  "No change this week.",
  "Customer feedback is positive; numbers should follow.",
  "Dependency on the Integrations squad is resolved.",
  "Data was late this week; figure is an estimate.",
  "Confidence up after the pilot results.",
  "Escalated to the department lead: we need a decision on budget.",
  "Steady; nothing new to report.",
  "",
  "",
];

const quarterName = (date: string) => {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return `Q${Math.floor((m - 1) / 3) + 1} ${y}`;
};
const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** Sizes at a scale; the tree keeps its shape (one company, divisions, departments, squads). */
export function referenceSizes(scale: number) {
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
  const objectiveStates = ["closed", "closed", "active", "draft"] as const;
  const step = async (name: string, ...statements: Array<[string, unknown[]?]>) => {
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

  // Teams: 1 company, divisions, departments under divisions, squads under departments.
  // The lead of team t is person t.
  const parentOf = `case when t = 1 then null
      when t < ${s.firstDepartment} then 1
      when t < ${s.firstSquad} then 2 + (t - ${s.firstDepartment}) % ${s.divisions}
      else ${s.firstDepartment} + (t - ${s.firstSquad}) % ${s.departments} end`;
  const kindOf = `case when t = 1 then 'company' when t < ${s.firstDepartment} then 'division'
      when t < ${s.firstSquad} then 'department' else 'squad' end`;
  await step(
    "people and teams (temp)",
    [
      `create temp table ref_teams as
       select t, ${parentOf} as parent, ${kindOf} as kind,
              case when t >= ${s.firstSquad} and t % 20 = 0 then 'kpi'
                   when t >= ${s.firstSquad} and t % 3 = 0 then 'okr' else 'both' end as methodology,
              ${uid("team", "t")} as id
       from generate_series(1, ${s.teams}) t`,
    ],
    [
      // A person beyond the leads belongs to one squad (round robin) and reports to its lead.
      `create temp table ref_people as
       select u, ${uid("user", "u")} as id,
              case when u <= ${s.teams} then null else ${s.firstSquad} + (u - ${s.teams} - 1) % ${s.squads} end as squad
       from generate_series(1, ${s.people}) u`,
    ],
  );

  await step(
    "users, memberships",
    [
      `insert into users (id, email, name, password_hash)
       select p.id,
              case when u = 1 then $1 else 'person' || u || '@reference.example' end,
              case when u = 1 then 'Ada Admin' else
                (${sqlArray(firstNames)})[1 + ${pick("u", "f", firstNames.length)}] || ' ' ||
                (${sqlArray(lastNames)})[1 + ${pick("u", "l", lastNames.length)}] end,
              case when u = 1 then $2 end
       from ref_people p`,
      [REFERENCE_ADMIN_EMAIL, options.adminPasswordHash],
    ],
    [
      `insert into memberships (organization_id, user_id, role, manager_user_id, title)
       select $1::uuid, p.id,
              case when u = 1 then 'owner' when u <= 3 then 'admin' when u % 40 = 0 then 'viewer' else 'member' end,
              null,
              case when u <= ${s.teams} then 'Lead' else 'Specialist' end
       from ref_people p`,
      [org],
    ],
    [
      // Managers: a lead reports to the parent team's lead, everyone else to their squad's lead.
      `update memberships m set manager_user_id = ${uid("user", "coalesce(t.parent, p.squad)")}
       from ref_people p left join ref_teams t on t.t = p.u
       where m.organization_id = $1 and m.user_id = p.id and p.u > 1`,
      [org],
    ],
  );

  await step(
    "teams, team members",
    [
      `insert into teams (organization_id, id, parent_id, name, kind, methodology, lead_user_id)
       select $1::uuid, t.id, ${uid("team", "t.parent")},
              case when t.t = 1 then 'Reference Logistics'
                   when t.kind = 'division' then 'Division ' || (${sqlArray(places)})[1 + t.t % ${places.length}]
                   when t.kind = 'department' then (${sqlArray(areas)})[1 + t.t % ${areas.length}] || ' ' || t.t
                   else 'Squad ' || t.t end,
              t.kind, t.methodology, ${uid("user", "t.t")}
       from ref_teams t order by t.t`,
      [org],
    ],
    [
      `insert into team_members (organization_id, team_id, user_id)
       select $1::uuid, ${uid("team", "u")}, id from ref_people where u <= ${s.teams}
       union all
       select $1::uuid, ${uid("team", "squad")}, id from ref_people where squad is not null
       union all
       select $1::uuid, ${uid("team", "t.parent")}, p.id from ref_people p join ref_teams t on t.t = p.squad
       where p.u % 10 = 0`,
      [org],
    ],
  );

  // Objectives: in each cycle, objective k goes to OKR team k mod K (slot k div K), so
  // every OKR team has about the same number; the company gets four or so.
  const cycleSizes = s.objectivesPerCycle;
  const offsets = cycleSizes.map((_, c) => cycleSizes.slice(0, c).reduce((a, b) => a + b, 0));
  await step(
    "objectives (temp)",
    [
      `create temp table ref_okr_teams as
       select row_number() over (order by t) - 1 as idx, t, parent, kind
       from ref_teams where methodology <> 'kpi'`,
    ],
    [
      `create temp table ref_objectives as
       select ($1::int[])[c] + k + 1 as o, c, k, ot.t as team, k / n.teams as slot,
              ot.parent as parent_team, ot.kind as team_kind,
              (select parent from ref_teams where t = ot.parent) as grand_team,
              greatest(1, ($2::int[])[c] / n.teams) as min_slots
       from generate_series(1, 4) c
       cross join (select count(*)::int as teams from ref_okr_teams) n
       cross join lateral generate_series(0, ($2::int[])[c] - 1) k
       join ref_okr_teams ot on ot.idx = k % n.teams`,
      [offsets, cycleSizes],
    ],
  );

  // KRs, with everything their check-ins need. `n` check-ins each; `reach` = progress at
  // the newest. The same expressions give every check-in's value and the KR's latest.
  const perObjective = s.keyResultsPerObjective;
  await step("key results (temp)", [
    `create temp table ref_krs as
     select r, o.o, o.c, o.team, o.team_kind, j,
            case when ${pick("r", "kind", 100)} < 70 then 'metric'
                 when ${pick("r", "kind", 100)} < 85 then 'percentage' else 'milestone' end as kind,
            50 + ${pick("r", "start", 100)} as start_value,
            case when ${pick("r", "dir", 3)} = 0 then -1 else 1 end * (5 + ${pick("r", "delta", 40)}) as delta,
            case when o.c = 3 then ${pick("r", "reach", 90)} / 100.0 else (20 + ${pick("r", "reach", 90)}) / 100.0 end as reach,
            case when o.c = 4 then 0
                 when ${pick("r", "daily", 1000)} < 69 then case when o.c = 3 then 49 else 91 end
                 when o.c = 3 and ${pick("r", "stale", 10)} = 0 then 5
                 when o.c = 3 then 7 else 13 end as n,
            ${pick("r", "h", 1000)} as h,
            ($1::date[])[o.c] as cycle_start,
            case when o.team_kind = 'squad' and j > 0
                      and ${s.teams} + 1 + (o.team - ${s.firstSquad}) + ${s.squads} * (j - 1) <= ${s.people}
                 then ${s.teams} + 1 + (o.team - ${s.firstSquad}) + ${s.squads} * (j - 1)
                 else o.team end as owner
     from ref_objectives o
     cross join lateral generate_series(0, ${perObjective - 1}) j
     cross join lateral (select (o.o - 1) * ${perObjective} + j + 1 as r) rr`,
    [cycleStarts],
  ]);

  // Check-in k of a KR: weekly (a KR's own weekday) or daily, at its own hour, UTC.
  const day = (k: string) => `(case when n > 13 then ${k} else ${k} * 7 + h % 5 end)`;
  const createdAt = (k: string) =>
    `(((cycle_start + ${day(k)})::timestamp + make_interval(hours => 7 + h % 9, mins => (h * 7 + ${k}) % 60)) at time zone 'UTC')`;
  const weight = "case when j = 0 and h % 4 = 0 then 2 else 1 end";
  const progress = (k: string) =>
    `least(1.25, greatest(-0.2, reach * (${k} + 1)::float8 / n + ((h + ${k}) % 7 - 3) / 100.0))`;
  const value = (k: string) => `case kind
      when 'metric' then round((start_value + delta * ${progress(k)})::numeric, 1)::float8
      when 'percentage' then least(100, greatest(0, round(100 * ${progress(k)})))::float8 end`;
  const done = (k: string) => `case when kind = 'milestone' then ${progress(k)} >= 0.99 end`;
  const confidence = (k: string) =>
    `least(10, greatest(0, 3 + h % 6 + (h + ${k}) % 3 - case when reach < 0.3 then 2 else 0 end))`;
  const lastK = "(n - 1)";

  await step("objectives", [
    `insert into objectives (organization_id, id, cycle_id, team_id, owner_user_id, title, description,
         theme_id, state, visibility, position, grade, outcome, retrospective, created_at, updated_at)
       select $1::uuid, ${uid("objective", "o.o")}, ${uid("cycle", "o.c")}, ${uid("team", "o.team")}, ${uid("user", "o.team")},
              (${sqlArray(objectiveTitles)})[1 + ${pick("o.o", "title", objectiveTitles.length)}],
              'Generated for the reference-size benchmark.',
              ${uid("theme", `1 + ${pick("o.o", "theme", 4)}`)},
              ($2::text[])[o.c],
              case when ${pick("o.o", "vis", 20)} = 0 then 'team' else 'organization' end,
              o.slot,
              g.grade, case when g.grade is null then null when g.grade >= 0.7 then 'achieved' else 'missed' end,
              case when g.grade is not null then 'What worked, what did not, what we carry into next quarter.' end,
              (($3::date[])[o.c] - 5 + make_interval(hours => 8, secs => o.o % 3600)) at time zone 'UTC',
              (($3::date[])[o.c] - 5 + make_interval(hours => 8, secs => o.o % 3600)) at time zone 'UTC'
       from ref_objectives o
       left join (
         select o, round((sum(${weight} * case when kind = 'milestone' then case when ${done(lastK)} then 1 else 0 end
                                   else round(least(1, greatest(0, ${progress(lastK)}))::numeric, 1) end)
                         / sum(${weight}))::numeric, 2)::float8 as grade
         from ref_krs where c <= 2 group by o
       ) g on g.o = o.o
       order by o.o`,
    [org, [...objectiveStates], cycleStarts],
  ]);

  await step(
    "key results",
    [
      `insert into key_results (organization_id, id, objective_id, title, kind, owner_user_id, start_value,
         target_value, unit, weight, commitment, position, current_value, done, last_confidence,
         last_check_in_at, final_score, created_at, updated_at)
       select $1::uuid, ${uid("kr", "r")}, ${uid("objective", "o")},
              case kind when 'milestone' then (${sqlArray(milestoneTitles)})[1 + h % ${milestoneTitles.length}]
                        when 'percentage' then (${sqlArray(percentageTitles)})[1 + h % ${percentageTitles.length}]
                        else (${sqlArray(keyResultTitles)})[1 + h % ${keyResultTitles.length}] end,
              kind, ${uid("user", "owner")},
              case when kind = 'metric' then start_value end,
              case when kind = 'metric' then start_value + delta end,
              case kind when 'metric' then (${sqlArray(units)})[1 + h % ${units.length}] when 'percentage' then '%' else '' end,
              ${weight},
              case when h % 5 = 0 then 'committed' else 'aspirational' end,
              j,
              case when n = 0 then case kind when 'metric' then start_value when 'percentage' then 0 end
                   else ${value(lastK)} end,
              coalesce(case when n > 0 then ${done(lastK)} end, false),
              case when n > 0 then ${confidence(lastK)} end,
              case when n > 0 then ${createdAt(lastK)} end,
              case when c <= 2 then case when kind = 'milestone' then case when ${done(lastK)} then 1 else 0 end
                   else round(least(1, greatest(0, ${progress(lastK)}))::numeric, 1)::float8 end end,
              (cycle_start - 5 + make_interval(hours => 8, secs => o % 3600)) at time zone 'UTC',
              (cycle_start - 5 + make_interval(hours => 8, secs => o % 3600)) at time zone 'UTC'
       from ref_krs order by r`,
      [org],
    ],
    [
      // Half the KRs have a contributor: the team's lead, or for a lead's own KR a teammate.
      `insert into key_result_contributors (organization_id, key_result_id, user_id)
       select $1::uuid, ${uid("kr", "r")}, ${uid(
         "user",
         `case when owner <> team then team
                 else ${s.teams} + 1 + (team - ${s.firstSquad}) end`,
       )}
       from ref_krs where h % 2 = 0 and (owner <> team or team >= ${s.firstSquad})`,
      [org],
    ],
  );

  await step("alignment", [
    // To one Objective of the parent team (same cycle); one in five also to the grandparent's.
    `insert into objective_alignments (organization_id, child_id, parent_id, weight)
       select $1::uuid, ${uid("objective", "c.o")}, ${uid("objective", "p.o")},
              case when c.team_kind = 'squad' and ${pick("c.o", "grand", 5)} = 0 then 0.6
                   else (5 + ${pick("c.o", "w", 6)}) / 10.0 end
       from ref_objectives c
       join ref_objectives p on p.c = c.c and p.team = c.parent_team and p.slot = c.slot % c.min_slots
       union all
       select $1::uuid, ${uid("objective", "c.o")}, ${uid("objective", "g.o")}, 0.3
       from ref_objectives c
       join ref_objectives g on g.c = c.c and g.team = c.grand_team and g.slot = c.slot % c.min_slots
       where c.team_kind = 'squad' and ${pick("c.o", "grand", 5)} = 0`,
    [org],
  ]);

  await step("check-ins", [
    // In time order, as they would have arrived: one KR's history is spread over the table.
    `insert into check_ins (organization_id, id, key_result_id, author_user_id, value, done, confidence, note, created_at)
       select $1::uuid, ${uid("ci", "r || ':' || k")}, ${uid("kr", "r")},
              ${uid("user", `case when k % 3 = 2 and h % 2 = 0 then team else owner end`)},
              ${value("k")}, ${done("k")}, ${confidence("k")},
              (${sqlArray(notes)})[1 + (h + k * 7) % ${notes.length}],
              ${createdAt("k")}
       from ref_krs cross join lateral generate_series(0, n - 1) k
       where n > 0
       order by ${createdAt("k")}`,
    [org],
  ]);

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
