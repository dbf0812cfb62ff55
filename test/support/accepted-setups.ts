/**
 * What the accepted requests of accepted-requests.ts stand on: fresh people, invitations,
 * KPIs and an Objective in grading in the world, an operator of its own, and a demo
 * instance for view-as.
 */
import { randomBytes } from "node:crypto";
import { buildCycle, buildInvitation, DEFAULT_PASSWORD } from "./factories.ts";
import type { Harness, HarnessOptions, Json, SessionClient } from "./harness.ts";
import type { World } from "./world.ts";

export type SampleContext = {
  h: Harness;
  w: World;
  /** A harness on an empty database of its own; the caller closes it. */
  newInstance: (options?: HarnessOptions) => Promise<Harness>;
};

/** A short suffix that keeps names and addresses of repeated samples apart. */
export const unique = () => randomBytes(3).toString("hex");

/** An address no account has yet (the factories' default ones are taken by the world). */
export const freshEmail = (name: string) => `${name}.${unique()}@vdberg-logistics.test`;

export const NEW_PASSWORD = "North-sea-crossing-2027";

export async function versionOf(c: { h: Harness; w: World }, path: string): Promise<number> {
  return (await c.h.ok("GET", path, { as: c.w.owner })).version;
}

export async function newMember(c: { h: Harness; w: World }) {
  return c.h.addPerson(c.w.owner, c.w.org, "member", {
    email: `ruben.jansen.${unique()}@vdberg-logistics.test`,
  });
}

export async function newInvitation(c: { h: Harness; w: World; base: string }) {
  const email = `mila.bakker.${unique()}@vdberg-logistics.test`;
  return c.h.ok(
    "POST",
    `${c.base}/invitations`,
    { as: c.w.owner, body: buildInvitation({ email, role: "member" }) },
    201,
  );
}

/** A KPI of its own (a fresh key), for samples that would otherwise collide with the world's. */
export async function newKpi(c: { h: Harness; w: World; base: string }): Promise<Json> {
  return c.h.ok("POST", `${c.base}/kpis`, { as: c.w.owner, body: kpiBody(c.w) }, 201);
}

export function kpiBody(w: World) {
  return {
    key: `parcels_sorted_${unique()}`,
    name: `Parcels sorted ${unique()}`,
    ownerUserId: w.person.id,
    teamId: w.team.id,
    unit: "count",
    direction: "higher_is_better",
    frequency: "weekly",
    aggregation: "sum",
  };
}

/** A connector that is switched off: saving it reaches nothing over the network. */
export const connectorBody = {
  kind: "http_json",
  url: "https://stats.vdberg-logistics.test/parcels",
  jsonPath: "$.data.total",
  enabled: false,
};

/**
 * An active Objective with one milestone KR in a cycle moved on to grading, where final
 * scores and grades are given, and from where an Objective rolls over.
 */
export async function objectiveInGrading(c: { h: Harness; w: World; base: string }): Promise<Json> {
  const { h, w, base } = c;
  const as = w.owner;
  const cycle = await h.ok(
    "POST",
    `${base}/cycles`,
    {
      as,
      body: buildCycle({ name: `Spring push ${unique()}`, startsOn: "2025-01-01", endsOn: "2025-03-31" }),
    },
    201,
  );
  const active = await h.ok("PATCH", `${base}/cycles/${cycle.id}`, {
    as,
    body: { version: cycle.version, state: "active", acknowledgeFindings: true },
  });
  const draft = await h.ok(
    "POST",
    `${base}/objectives`,
    {
      as,
      body: {
        cycleId: cycle.id,
        teamId: w.team.id,
        ownerUserId: w.person.id,
        title: `Open the Venlo cross-dock ${unique()}`,
        keyResults: [{ title: "Cross-dock opened", kind: "milestone", ownerUserId: w.person.id }],
      },
    },
    201,
  );
  await h.ok("PATCH", `${base}/objectives/${draft.id}`, {
    as,
    body: { version: draft.version, state: "active", acknowledgeFindings: true },
  });
  await h.ok("PATCH", `${base}/cycles/${cycle.id}`, {
    as,
    body: { version: active.version, state: "grading" },
  });
  return h.ok("GET", `${base}/objectives/${draft.id}`, { as });
}

const operators = new WeakMap<SampleContext, Promise<SessionClient>>();

/**
 * An operator of the instance of its own: fuzzing PUT /api/instance/operators may take the
 * world owner's operator role away (its address is the one the arbitraries try).
 */
export function operatorOf(c: SampleContext): Promise<SessionClient> {
  let operator = operators.get(c);
  if (!operator) {
    operator = c.h
      .createUser({ email: freshEmail("joris.smit"), isOperator: true })
      .then((a) => c.h.signIn(a.email, a.password));
    operators.set(c, operator);
  }
  return operator;
}

export type Demo = { h: Harness; owner: SessionClient; base: string; personId: string };
const demos = new WeakMap<SampleContext, Promise<Demo>>();

/** An instance set up as the demo: only there may an owner view Keel as someone else. */
export function demoOf(c: SampleContext): Promise<Demo> {
  let demo = demos.get(c);
  if (!demo) {
    demo = (async () => {
      const h = await c.newInstance();
      const owner = { name: "Priya Kaya", email: "priya.kaya@example.com", password: DEFAULT_PASSWORD };
      const setup = await h.ok("POST", "/api/setup", { body: { start: "demo", ...owner } }, 201);
      const session = await h.signIn(owner.email, owner.password);
      const base = `/api/orgs/${setup.organizationSlug}`;
      const people = await h.ok("GET", `${base}/people?limit=5`, { as: session });
      const other = people.items.find((p: Json) => p.userId !== session.userId);
      return { h, owner: session, base, personId: other.userId };
    })();
    demos.set(c, demo);
  }
  return demo;
}

/** A new session of the demo's owner, viewing Keel as one of the demo's people. */
export async function viewingAs(c: SampleContext): Promise<{ demo: Demo; session: SessionClient }> {
  const demo = await demoOf(c);
  const session = await demo.h.signIn(demo.owner.email, demo.owner.password);
  return { demo, session };
}
