/**
 * People and teams of the reference organisation (bench/reference-org.ts): the team tree
 * (company → divisions → departments → squads), accounts, memberships with managers, and
 * team members. Leaves the temp tables `ref_teams` (t, parent, kind, methodology, id) and
 * `ref_people` (u, id, squad) in the session for the OKR part (bench/reference-okrs.ts).
 *
 * Team t is led by person t; every person beyond the leads belongs to one squad (round
 * robin) and reports to its lead; a lead reports to the parent team's lead. One squad in 20
 * runs KPIs only, one in three (of the rest) OKRs only.
 */
import { firstNames, lastNames } from "../src/server/seed/demo-structure.ts";
import type { ReferenceSizes } from "./reference-org.ts";
import { pick, type Step, sqlArray, uid } from "./reference-sql.ts";

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

export type ReferencePeopleOptions = {
  organizationId: string;
  sizes: ReferenceSizes;
  adminEmail: string;
  /** argon2id hash of the admin's password; everyone else has none. */
  adminPasswordHash: string;
  step: Step;
};

/** Builds the team tree, the people and their memberships. */
export async function generateReferencePeople(o: ReferencePeopleOptions): Promise<void> {
  const { organizationId: org, sizes: s, step } = o;
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
      [o.adminEmail, o.adminPasswordHash],
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
}
