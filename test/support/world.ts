/**
 * An organisation with one of everything the API manages, and the ids to put into any
 * route's path or body. Used by the tests generated from the OpenAPI document.
 */
import { todayIn } from "../../src/domain/dates.ts";
import { buildCycle, buildInvitation, buildTeam, buildTheme } from "./factories.ts";
import type { Harness, OrgRef, SessionClient, TokenClient } from "./harness.ts";
import type { Operation } from "./openapi.ts";
import { buildKpis } from "./world-kpis.ts";
import { buildOneOnOne } from "./world-one-on-ones.ts";

export type World = {
  org: OrgRef;
  owner: SessionClient;
  /** A personal token of the owner, with the owner role. */
  ownerToken: TokenClient;
  person: { id: string; name: string; email: string; client: SessionClient };
  team: { id: string; name: string };
  cycle: { id: string; name: string };
  theme: { id: string; name: string };
  invitation: { id: string; email: string; token: string };
  /** A service token of the organisation (a thing to revoke, not a caller). */
  serviceToken: { id: string; name: string };
  /** The quarter containing today, active: where the world's Objective lives. */
  okrCycle: { id: string; name: string };
  /** An active Objective of `team`, owned by `person`, with a metric, a milestone and a percentage KR. */
  objective: { id: string; title: string };
  /** The Objective's metric KR (owner: `person`; contributor: the owner). */
  keyResult: { id: string; title: string };
  /** The owner's check-in on `keyResult` (so the owner, the fuzzing caller, may edit it). */
  checkIn: { id: string; note: string };
  /** A weekly KPI of `team`, owned by `person`, red last week: so it has an escalation. */
  kpi: { id: string; key: string; name: string; periodStart: string };
  /** The KPI's open escalation. */
  escalation: { id: string };
  /** A floor on the KPI for `team` in the active quarter. */
  floor: { id: string };
  /** The notification `person` got for the KPI's unusual red value. */
  notification: { id: string };
  /** A strategy map edge from `theme` to the first default theme. */
  strategyEdge: { id: string };
  /** The owner manages `person`: their 1:1's open agenda and an item the owner added. */
  oneOnOne: { managerUserId: string; agendaId: string; itemId: string; itemTitle: string };
  /** An outgoing webhook (to a host that does not resolve: nothing is ever sent). */
  webhook: { id: string };
  /** A weekly PDF report of `team` emailed to `person` (email is off: nothing is sent). */
  reportSchedule: { id: string };
};

export type WorldNames = {
  org: string;
  owner: string;
  person: string;
  team: string;
  cycle: string;
  theme: string;
  invitee: string;
  serviceToken: string;
};

/**
 * The one organisation the suites generated from the OpenAPI document build, with one of
 * everything: they walk every route against the same world.
 */
export const vanDerBergWorld: WorldNames = {
  org: "Van der Berg Logistics",
  owner: "Lotte Visser",
  person: "Sanne de Vries",
  team: "Hub Rotterdam",
  cycle: "Peak season 2026",
  theme: "Sustainable fleet",
  invitee: "emma.smit@vdberg-logistics.test",
  serviceToken: "Telematics feed",
};

export async function buildWorld(h: Harness, names: WorldNames): Promise<World> {
  const { owner, org } = await h.createOwnerWithOrg({
    person: { name: names.owner },
    org: { name: names.org },
  });
  const person = await h.addPerson(owner, org, "member", { name: names.person });
  const team = await h.ok(
    "POST",
    `/api/orgs/${org.slug}/teams`,
    { as: owner, body: buildTeam({ name: names.team, leadUserId: person.id }) },
    201,
  );
  const cycle = await h.ok(
    "POST",
    `/api/orgs/${org.slug}/cycles`,
    { as: owner, body: buildCycle({ name: names.cycle }) },
    201,
  );
  const theme = await h.ok(
    "POST",
    `/api/orgs/${org.slug}/themes`,
    { as: owner, body: buildTheme({ name: names.theme }) },
    201,
  );
  const [firstTheme] = (await h.ok("GET", `/api/orgs/${org.slug}/themes`, { as: owner })).items;
  const strategyEdge = await h.ok(
    "POST",
    `/api/orgs/${org.slug}/strategy-map/edges`,
    { as: owner, body: { from: { kind: "theme", id: theme.id }, to: { kind: "theme", id: firstTheme.id } } },
    201,
  );
  const invitation = await h.ok(
    "POST",
    `/api/orgs/${org.slug}/invitations`,
    { as: owner, body: buildInvitation({ email: names.invitee, role: "member" }) },
    201,
  );
  const service = await h.createToken(owner, org, {
    kind: "service",
    name: names.serviceToken,
    role: "member",
  });
  const ownerToken = await h.createToken(owner, org, {
    kind: "personal",
    name: `${names.owner}'s key`,
    role: "owner",
  });
  const webhook = await h.ok(
    "POST",
    `/api/orgs/${org.slug}/webhooks`,
    { as: owner, body: { url: "https://hooks.vdberg-logistics.test/keel", events: ["check_in.created"] } },
    201,
  );
  const reportSchedule = await h.ok(
    "POST",
    `/api/orgs/${org.slug}/report-schedules`,
    { as: owner, body: { teamId: team.id, frequency: "weekly", recipientUserIds: [person.id] } },
    201,
  );
  const okr = await buildOkrs(h, { org, owner, personId: person.id, teamId: team.id, names });
  const kpis = await buildKpis(h, {
    org,
    owner,
    personId: person.id,
    personClient: person.client,
    teamId: team.id,
    names,
    cycleId: okr.okrCycle.id,
  });
  return {
    org,
    owner,
    ownerToken: ownerToken.client,
    person: { id: person.id, name: person.name, email: person.email, client: person.client },
    team: { id: team.id, name: team.name },
    cycle: { id: cycle.id, name: cycle.name },
    theme: { id: theme.id, name: theme.name },
    invitation: {
      id: invitation.invitation.id,
      email: invitation.invitation.email,
      token: /\/invite\/([^/]+)$/.exec(invitation.url)![1]!,
    },
    serviceToken: { id: service.id, name: names.serviceToken },
    strategyEdge: { id: strategyEdge.id },
    webhook: { id: webhook.id },
    reportSchedule: { id: reportSchedule.id },
    ...okr,
    ...kpis,
    ...(await buildOneOnOne(h, { org, owner, personId: person.id })),
  };
}

/** The calendar quarter that contains a day (YYYY-MM-DD). */
export function quarterOf(day: string): { startsOn: string; endsOn: string; label: string } {
  const year = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const startMonth = q * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, "0");
  return {
    startsOn: `${year}-${mm(startMonth)}-01`,
    endsOn: `${year}-${mm(endMonth)}-${lastDay}`,
    label: `Q${q + 1} ${year}`,
  };
}

/**
 * The OKR part of a world: an active quarter (today's, in the organisation's time zone), an
 * active Objective of the team with three KRs, and a check-in by the owner. Titles carry the
 * team's name, so two worlds never share one.
 */
async function buildOkrs(
  h: Harness,
  w: { org: OrgRef; owner: SessionClient; personId: string; teamId: string; names: WorldNames },
): Promise<Pick<World, "okrCycle" | "objective" | "keyResult" | "checkIn">> {
  const base = `/api/orgs/${w.org.slug}`;
  const settings = await h.ok("GET", `${base}`, { as: w.owner });
  const quarter = quarterOf(todayIn(settings.timeZone ?? "Europe/Amsterdam", h.clock.now()));
  const created = await h.ok(
    "POST",
    `${base}/cycles`,
    {
      as: w.owner,
      body: {
        name: `${w.names.cycle} (${quarter.label})`,
        startsOn: quarter.startsOn,
        endsOn: quarter.endsOn,
      },
    },
    201,
  );
  const cycle = await h.ok("PATCH", `${base}/cycles/${created.id}`, {
    as: w.owner,
    body: { version: created.version, state: "active", acknowledgeFindings: true },
  });
  const team = w.names.team;
  const objective = await h.ok(
    "POST",
    `${base}/objectives`,
    {
      as: w.owner,
      body: {
        cycleId: cycle.id,
        teamId: w.teamId,
        ownerUserId: w.personId,
        title: `Make ${team} the hub customers trust`,
        description: `Fewer late parcels out of ${team}, and say so before customers ask.`,
        keyResults: [
          {
            title: `${team}: on-time deliveries from 82 % to 95 %`,
            kind: "metric",
            ownerUserId: w.personId,
            contributorUserIds: [w.owner.userId],
            startValue: 82,
            targetValue: 95,
            unit: "%",
            weight: 2,
          },
          { title: `${team}: live tracking page launched`, kind: "milestone", ownerUserId: w.personId },
          { title: `${team}: dock scheduling rolled out`, kind: "percentage", ownerUserId: w.personId },
        ],
      },
    },
    201,
  );
  const active = await h.ok("PATCH", `${base}/objectives/${objective.id}`, {
    as: w.owner,
    body: { version: objective.version, state: "active", acknowledgeFindings: true },
  });
  const keyResult = active.keyResults[0];
  const note = `${team}: two extra evening shifts helped; waiting on the carrier contract.`;
  const checkIn = await h.ok(
    "POST",
    `${base}/key-results/${keyResult.id}/check-ins`,
    { as: w.owner, body: { value: 86, confidence: 7, note } },
    201,
  );
  return {
    okrCycle: { id: cycle.id, name: cycle.name },
    objective: { id: active.id, title: active.title },
    keyResult: { id: keyResult.id, title: keyResult.title },
    checkIn: { id: checkIn.id, note },
  };
}

/** Which world entity an `{id}` means, by the collection segment before it. */
function entityForCollection(world: World, collection: string): string | undefined {
  const byCollection: Record<string, string> = {
    teams: world.team.id,
    cycles: world.cycle.id,
    themes: world.theme.id,
    invitations: world.invitation.id,
    tokens: world.serviceToken.id,
    people: world.person.id,
    objectives: world.objective.id,
    "key-results": world.keyResult.id,
    "check-ins": world.checkIn.id,
    kpis: world.kpi.id,
    escalations: world.escalation.id,
    notifications: world.notification.id,
    "kpi-floors": world.floor.id,
    edges: world.strategyEdge.id,
    webhooks: world.webhook.id,
    "report-schedules": world.reportSchedule.id,
    measurements: world.kpi.periodStart,
    // The world has no promotion; under another organisation's KPI any id is refused.
    promotions: world.kpi.id,
    // A pair is /one-on-ones/{managerUserId}/{reportUserId}: the owner manages `person`.
    "one-on-ones": world.oneOnOne.managerUserId,
    "{managerUserId}": world.person.id,
    "one-on-one-agendas": world.oneOnOne.agendaId,
    items: world.oneOnOne.itemId,
  };
  return byCollection[collection];
}

/** Values for every path parameter of an operation, taken from the world. */
export function pathValues(world: World, op: Operation): Record<string, string> {
  const values: Record<string, string> = {};
  const segments = op.path.split("/");
  for (const param of op.pathParams) {
    if (param === "org") values[param] = world.org.slug;
    else if (param === "userId") values[param] = world.person.id;
    else if (param === "token") values[param] = world.invitation.token;
    else {
      const collection = segments[segments.indexOf(`{${param}}`) - 1] ?? "";
      const id = entityForCollection(world, collection);
      if (!id) {
        throw new Error(
          `${op.label}: test/support/world.ts does not know which entity {${param}} under /${collection} is; add it to World so tenant isolation and fuzzing cover it`,
        );
      }
      values[param] = id;
    }
  }
  return values;
}

/** The world's id for a body field that refers to another entity (parentId, leadUserId…). */
export function bodyIdFor(world: World) {
  return (field: string): string | undefined => {
    const f = field.toLowerCase();
    if (f === "parentid" || f === "teamid") return world.team.id;
    if (f.endsWith("userid")) return world.person.id;
    if (f === "cycleid") return world.cycle.id;
    if (f === "themeid") return world.theme.id;
    if (f === "tokenid") return world.serviceToken.id;
    if (f === "invitationid") return world.invitation.id;
    if (f === "objectiveid") return world.objective.id;
    if (f === "keyresultid") return world.keyResult.id;
    if (f === "kpiid") return world.kpi.id;
    return undefined;
  };
}

/** Strings that belong to this world and must never show up in another organisation's answers. */
export function secretsOf(world: World): string[] {
  return [
    world.org.id,
    world.org.name,
    world.owner.userId,
    world.owner.email,
    world.person.id,
    world.person.name,
    world.person.email,
    world.team.id,
    world.team.name,
    world.cycle.id,
    world.cycle.name,
    world.theme.id,
    world.theme.name,
    world.invitation.id,
    world.invitation.email,
    world.serviceToken.id,
    world.serviceToken.name,
    world.okrCycle.id,
    world.okrCycle.name,
    world.objective.id,
    world.objective.title,
    world.keyResult.id,
    world.keyResult.title,
    world.checkIn.id,
    world.checkIn.note,
    world.kpi.id,
    world.kpi.key,
    world.kpi.name,
    world.escalation.id,
    world.floor.id,
    world.notification.id,
    world.oneOnOne.agendaId,
    world.oneOnOne.itemId,
    world.oneOnOne.itemTitle,
  ];
}

/** Every id of the world, for arbitraries that pick real ids now and then. */
export function idsOf(world: World): string[] {
  return [
    world.owner.userId,
    world.person.id,
    world.team.id,
    world.cycle.id,
    world.theme.id,
    world.invitation.id,
    world.serviceToken.id,
    world.okrCycle.id,
    world.objective.id,
    world.keyResult.id,
    world.checkIn.id,
    world.kpi.id,
    world.escalation.id,
    world.floor.id,
    world.strategyEdge.id,
    world.notification.id,
    world.oneOnOne.agendaId,
    world.oneOnOne.itemId,
    world.oneOnOne.itemTitle,
    world.webhook.id,
    world.reportSchedule.id,
  ];
}

/**
 * Pins the harness clock to noon of today in a time zone (12:00 or 13:00 in Amsterdam), so
 * "today" cannot change while a file runs and days moved with `advance` stay whole days.
 * Returns today as YYYY-MM-DD.
 */
export function pinToNoon(h: Harness, timeZone = "Europe/Amsterdam"): string {
  const today = todayIn(timeZone, new Date());
  h.clock.set(`${today}T11:00:00Z`);
  return todayIn(timeZone, h.clock.now());
}
