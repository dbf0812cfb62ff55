/**
 * The OKRs of the reference organisation (bench/reference-org.ts): Objectives in four
 * cycles, their KRs and contributors, alignment to the parent team's Objectives, and the
 * check-in history. Reads the temp tables `ref_teams` and `ref_people` that
 * bench/reference-people.ts left in the session.
 *
 * Each OKR team has about four Objectives per cycle, each Objective four KRs, each
 * Objective below the company contributes to one of its parent team's Objectives (one in
 * five also to its grandparent's). Cycles: two closed quarters (graded), the active one
 * seven weeks in, and the next in planning (drafts). KRs get a check-in a week; one KR in
 * about 15 is checked in daily (the "long history"); one active KR in ten stopped after
 * four weeks (stale). Each KR's current value, confidence and last check-in are those of
 * its newest check-in, computed by the same SQL expressions.
 */
import type { ReferenceSizes } from "./reference-org.ts";
import { pick, type Step, sqlArray, uid } from "./reference-sql.ts";

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

/** Objective state by cycle: two closed, the active one, the next in planning. */
const objectiveStates = ["closed", "closed", "active", "draft"] as const;

export type ReferenceOkrOptions = {
  organizationId: string;
  sizes: ReferenceSizes;
  /** Start of each of the four cycles (YYYY-MM-DD), oldest first; the third is active. */
  cycleStarts: readonly string[];
  step: Step;
};

/** Builds Objectives, KRs, contributors, alignment and check-ins. */
export async function generateReferenceOkrs(o: ReferenceOkrOptions): Promise<void> {
  const { organizationId: org, sizes: s, step } = o;
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
    [o.cycleStarts],
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
    [org, [...objectiveStates], o.cycleStarts],
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
}
