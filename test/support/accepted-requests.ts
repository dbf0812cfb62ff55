import { todayIn } from "../../src/domain/dates.ts";
import { buildCycle, buildInvitation, buildTeam, buildTheme, DEFAULT_PASSWORD } from "./factories.ts";
import type { Client, Harness, Json } from "./harness.ts";
import { fillPath, type Operation } from "./openapi.ts";
import { pathValues, type World } from "./world.ts";

export type AcceptedRequest = {
  path: string;
  body?: unknown;
  /** Who sends it; nobody when left out. */
  as?: Client;
  /** The harness to send it to, when not the world's (setup needs an empty instance, view-as a demo). */
  on?: Harness;
};

import { checkInNoteBuilders } from "./accepted-check-in-notes.ts";
import { driversBuilders } from "./accepted-drivers.ts";
import { emailBuilders } from "./accepted-email.ts";
import { healthBuilders } from "./accepted-health.ts";
import { kpiLinkBuilders } from "./accepted-kpi-links.ts";
import { leadershipBuilders } from "./accepted-leadership.ts";
import { lintBuilders } from "./accepted-lint.ts";
import { notificationBuilders } from "./accepted-notifications.ts";
import { oneOnOneBuilders } from "./accepted-one-on-ones.ts";
import { reportScheduleBuilders } from "./accepted-report-schedules.ts";
import {
  connectorBody,
  freshEmail,
  kpiBody,
  NEW_PASSWORD,
  newInvitation,
  newKpi,
  newMember,
  objectiveInGrading,
  operatorOf,
  type SampleContext,
  unique,
  versionOf,
  viewingAs,
} from "./accepted-setups.ts";
import { signUpBuilders } from "./accepted-sign-up.ts";
import { strategyBuilders } from "./accepted-strategy.ts";
import { webhookBuilders } from "./accepted-webhooks.ts";

export type { SampleContext };

export type Builder = (
  c: SampleContext & { base: string; path: string; op: Operation },
) => Promise<AcceptedRequest>;

const post =
  (body: (c: Parameters<Builder>[0]) => unknown): Builder =>
  async (c) => ({
    path: c.path,
    body: body(c),
    as: c.w.owner,
  });
/** A PATCH that changes nothing but is accepted: the entity's current version alone. */
const unchanged: Builder = async (c) => ({
  path: c.path,
  body: { version: await versionOf(c, c.path) },
  as: c.w.owner,
});

const builders: Record<string, Builder> = {
  "POST /api/setup": async (c) => ({
    on: await c.newInstance(),
    path: c.path,
    body: {
      start: "own",
      organizationName: "Maas Cargo",
      timeZone: "Europe/Amsterdam",
      name: "Noor Bos",
      email: "noor.bos@maas-cargo.test",
      password: DEFAULT_PASSWORD,
    },
  }),
  "POST /api/auth/sign-in": async (c) => ({
    path: c.path,
    body: { email: c.w.owner.email, password: c.w.owner.password },
  }),
  "POST /api/auth/sign-out": async (c) => ({
    path: c.path,
    as: await c.h.signIn(c.w.person.email, c.w.person.client.password),
  }),
  "POST /api/auth/password": async (c) => {
    const account = await c.h.createUser({ email: freshEmail("emma.smit") });
    return {
      path: c.path,
      body: { currentPassword: account.password, newPassword: NEW_PASSWORD },
      as: await c.h.signIn(account.email, account.password),
    };
  },
  "POST /api/auth/password-reset": async (c) => {
    const member = await newMember(c);
    const link = await c.h.ok("POST", `${c.base}/people/${member.id}/password-reset`, { as: c.w.owner }, 201);
    return { path: c.path, body: { token: link.url.split("/").at(-1), newPassword: NEW_PASSWORD } };
  },
  // The fuzzing of accept may have used the world's invitation up: preview a new one.
  "GET /api/invitations/{token}": async (c) => {
    const invitation = await newInvitation(c);
    return { path: `/api/invitations/${invitation.url.split("/").at(-1)}` };
  },
  "POST /api/invitations/{token}/accept": async (c) => {
    const invitation = await newInvitation(c);
    return {
      path: `/api/invitations/${invitation.url.split("/").at(-1)}/accept`,
      body: { name: "Mila Bakker", password: DEFAULT_PASSWORD },
    };
  },
  "PUT /api/instance/operators": async (c) => {
    const account = await c.h.createUser({ email: freshEmail("emma.smit") });
    return { path: c.path, body: { email: account.email, operator: true }, as: await operatorOf(c) };
  },
  "GET /api/instance/operators": async (c) => ({ path: c.path, as: await operatorOf(c) }),
  "GET /api/instance/settings": async (c) => ({ path: c.path, as: await operatorOf(c) }),
  "PUT /api/instance/settings": async (c) => ({
    path: c.path,
    body: { organizationCreation: "operators" },
    as: await operatorOf(c),
  }),
  "POST /api/orgs": async (c) => ({
    path: c.path,
    body: { name: `Maas Cargo ${unique()}`, timeZone: "Europe/Amsterdam" },
    as: await operatorOf(c),
  }),
  "PATCH /api/orgs/{org}": unchanged,
  "POST /api/orgs/{org}/people": post(() => ({
    name: "Daan Mulder",
    email: `daan.mulder.${unique()}@vdberg-logistics.test`,
    role: "member",
  })),
  "PATCH /api/orgs/{org}/people/{userId}": unchanged,
  "POST /api/orgs/{org}/people/{userId}/view-as": async (c) => {
    const { demo, session } = await viewingAs(c);
    return { on: demo.h, path: `${demo.base}/people/${demo.personId}/view-as`, as: session };
  },
  "DELETE /api/auth/view-as": async (c) => {
    const { demo, session } = await viewingAs(c);
    await demo.h.ok("POST", `${demo.base}/people/${demo.personId}/view-as`, { as: session });
    return { on: demo.h, path: c.path, as: session };
  },
  "POST /api/orgs/{org}/people/{userId}/password-reset": async (c) => ({ path: c.path, as: c.w.owner }),
  "POST /api/orgs/{org}/invitations": post(() =>
    buildInvitation({ email: `sem.hendriks.${unique()}@vdberg-logistics.test`, role: "member" }),
  ),
  "DELETE /api/orgs/{org}/invitations/{id}": async (c) => {
    const invitation = await newInvitation(c);
    return { path: `${c.base}/invitations/${invitation.invitation.id}`, as: c.w.owner };
  },
  "POST /api/orgs/{org}/teams": post(() => buildTeam({ name: `Hub Venlo ${unique()}` })),
  "PATCH /api/orgs/{org}/teams/{id}": unchanged,
  "POST /api/orgs/{org}/teams/{id}/members": async (c) => ({
    path: c.path,
    body: { userId: (await newMember(c)).id },
    as: c.w.owner,
  }),
  "DELETE /api/orgs/{org}/teams/{id}/members/{userId}": async (c) => {
    const member = await newMember(c);
    const members = `${c.base}/teams/${c.w.team.id}/members`;
    await c.h.ok("POST", members, { as: c.w.owner, body: { userId: member.id } });
    return { path: `${members}/${member.id}`, as: c.w.owner };
  },
  "POST /api/orgs/{org}/cycles": post(() =>
    buildCycle({ name: `Winter ${unique()}`, startsOn: "2027-01-01", endsOn: "2027-03-31" }),
  ),
  "POST /api/orgs/{org}/cycles/generate": post(() => ({ fiscalYear: 2030 })),
  "PATCH /api/orgs/{org}/cycles/{id}": unchanged,
  "POST /api/orgs/{org}/themes": post(() => buildTheme({ name: `Fewer empty miles ${unique()}` })),
  "PATCH /api/orgs/{org}/themes/{id}": async (c) => {
    const themes = await c.h.ok("GET", `${c.base}/themes`, { as: c.w.owner });
    const theme = themes.items.find((t: Json) => t.id === c.w.theme.id);
    return { path: c.path, body: { version: theme.version }, as: c.w.owner };
  },
  "POST /api/orgs/{org}/tokens": post(() => ({
    kind: "service",
    name: `Dock scanner ${unique()}`,
    role: "member",
  })),
  "DELETE /api/orgs/{org}/tokens/{id}": async (c) => {
    const token = await c.h.createToken(c.w.owner, c.w.org, {
      kind: "service",
      name: `Yard camera ${unique()}`,
      role: "member",
    });
    return { path: `${c.base}/tokens/${token.id}`, as: c.w.owner };
  },
  "POST /api/orgs/{org}/objectives": post((c) => ({
    cycleId: c.w.okrCycle.id,
    teamId: c.w.team.id,
    title: `Cut empty kilometres ${unique()}`,
  })),
  "PATCH /api/orgs/{org}/objectives/{id}": unchanged,
  "POST /api/orgs/{org}/objectives/{id}/key-results": post((c) => ({
    title: `Route planner live ${unique()}`,
    kind: "milestone",
    ownerUserId: c.w.person.id,
  })),
  "PATCH /api/orgs/{org}/key-results/{keyResultId}": async (c) => {
    const objective = await c.h.ok("GET", `${c.base}/objectives/${c.w.objective.id}`, { as: c.w.owner });
    const kr = objective.keyResults.find((k: Json) => k.id === c.w.keyResult.id);
    return { path: c.path, body: { version: kr.version }, as: c.w.owner };
  },
  "POST /api/orgs/{org}/key-results/{keyResultId}/check-ins": post(() => ({ value: 88, confidence: 7 })),
  "PATCH /api/orgs/{org}/check-ins/{checkInId}": post(() => ({ note: "The carrier contract is signed." })),
  "PUT /api/orgs/{org}/objectives/{id}/parents": async (c) => ({
    path: c.path,
    body: { parents: [], version: await versionOf(c, `${c.base}/objectives/${c.w.objective.id}`) },
    as: c.w.owner,
  }),
  "PUT /api/orgs/{org}/key-results/{keyResultId}/score": async (c) => {
    const objective = await objectiveInGrading(c);
    const kr = objective.keyResults[0];
    return {
      path: `${c.base}/key-results/${kr.id}/score`,
      body: { version: kr.version, finalScore: 1, scoreComment: "Opened on the first of March." },
      as: c.w.owner,
    };
  },
  "PUT /api/orgs/{org}/objectives/{id}/grade": async (c) => {
    const objective = await objectiveInGrading(c);
    return {
      path: `${c.base}/objectives/${objective.id}/grade`,
      body: { version: objective.version, outcome: "achieved", grade: 1 },
      as: c.w.owner,
    };
  },
  "POST /api/orgs/{org}/objectives/{id}/roll-over": async (c) => {
    const objective = await objectiveInGrading(c);
    return {
      path: `${c.base}/objectives/${objective.id}/roll-over`,
      body: { cycleId: c.w.cycle.id },
      as: c.w.owner,
    };
  },
  "POST /api/orgs/{org}/kpis": post((c) => kpiBody(c.w)),
  "PATCH /api/orgs/{org}/kpis/{id}": unchanged,
  "POST /api/orgs/{org}/kpis/{id}/measurements": post((c) => ({ date: today(c), value: 93 })),
  "POST /api/orgs/{org}/measurements/bulk": post((c) => ({
    measurements: [{ kpi: c.w.kpi.key, date: today(c), value: 94 }],
  })),
  "POST /api/orgs/{org}/kpi-imports": post((c) => ({
    csv: `kpi,date,value\n${c.w.kpi.key},${today(c)},95\n`,
    dryRun: true,
  })),
  "POST /api/orgs/{org}/escalations/{id}/acknowledge": async (c) => ({
    path: c.path,
    body: { version: await versionOf(c, `${c.base}/escalations/${c.w.escalation.id}`) },
    as: c.w.owner,
  }),
  "POST /api/orgs/{org}/escalations/{id}/entries": post(() => ({
    kind: "note",
    text: "Extra driver on the evening shift.",
  })),
  "POST /api/orgs/{org}/escalations/{id}/resolve": async (c) => ({
    path: c.path,
    body: {
      version: await versionOf(c, `${c.base}/escalations/${c.w.escalation.id}`),
      resolution: "Back on time after the extra shift.",
    },
    as: c.w.owner,
  }),
  "POST /api/orgs/{org}/kpi-floors": async (c) => ({
    path: c.path,
    body: {
      teamId: c.w.team.id,
      cycleId: c.w.okrCycle.id,
      kpiId: (await newKpi(c)).id,
      ownerUserId: c.w.person.id,
      threshold: 80,
    },
    as: c.w.owner,
  }),
  "PATCH /api/orgs/{org}/kpi-floors/{id}": unchanged,
  "GET /api/orgs/{org}/kpi-floors": async (c) => ({
    path: `${c.path}?teamId=${c.w.team.id}&cycleId=${c.w.okrCycle.id}`,
    as: c.w.owner,
  }),
  "GET /api/orgs/{org}/alignment": async (c) => ({
    path: `${c.path}?cycleId=${c.w.okrCycle.id}`,
    as: c.w.owner,
  }),
  "GET /api/orgs/{org}/teams/{id}/okr-health": async (c) => ({
    path: `${c.path}?cycleId=${c.w.okrCycle.id}`,
    as: c.w.owner,
  }),
  "DELETE /api/orgs/{org}/kpi-floors/{id}": async (c) => {
    const floor = await c.h.ok(
      "POST",
      `${c.base}/kpi-floors`,
      {
        as: c.w.owner,
        body: {
          teamId: c.w.team.id,
          cycleId: c.w.okrCycle.id,
          kpiId: (await newKpi(c)).id,
          ownerUserId: c.w.person.id,
          threshold: 75,
        },
      },
      201,
    );
    return { path: `${c.base}/kpi-floors/${floor.id}`, as: c.w.owner };
  },
  "GET /api/orgs/{org}/kpis/{id}/connector": async (c) => ({
    path: await kpiWithConnector(c),
    as: c.w.owner,
  }),
  "PUT /api/orgs/{org}/kpis/{id}/connector": post(() => connectorBody),
  "DELETE /api/orgs/{org}/kpis/{id}/connector": async (c) => ({
    path: await kpiWithConnector(c),
    as: c.w.owner,
  }),
  "POST /api/orgs/{org}/kpis/{id}/connector/run": async (c) => ({
    path: `${await kpiWithConnector(c)}/run`,
    as: c.w.owner,
  }),
  ...kpiLinkBuilders,
  ...lintBuilders,
  ...driversBuilders,
  ...healthBuilders,
  ...checkInNoteBuilders,
  ...strategyBuilders,
  ...leadershipBuilders,
  ...notificationBuilders,
  ...oneOnOneBuilders,
  ...emailBuilders,
  ...signUpBuilders,
  ...webhookBuilders,
  ...reportScheduleBuilders,
};

/** A new KPI with a switched-off connector: the connector's path. */
async function kpiWithConnector(c: { h: Harness; w: World; base: string }): Promise<string> {
  const path = `${c.base}/kpis/${(await newKpi(c)).id}/connector`;
  await c.h.ok("PUT", path, { as: c.w.owner, body: connectorBody });
  return path;
}

function today(c: { h: Harness }): string {
  return todayIn("Europe/Amsterdam", c.h.clock.now());
}

/** The accepted request for an operation, with whatever it needs made first. */
export async function acceptedRequest(context: SampleContext, op: Operation): Promise<AcceptedRequest> {
  const base = `/api/orgs/${context.w.org.slug}`;
  const path = fillPath(op.path, pathValues(context.w, op));
  const builder = builders[op.label];
  if (builder) return builder({ ...context, base, path, op });
  if (op.method !== "GET") {
    throw new Error(
      `${op.label}: test/support/accepted-requests.ts has no request Keel accepts for it; add one so the fuzzing suite proves the route is reached`,
    );
  }
  return { path, as: context.w.owner };
}
