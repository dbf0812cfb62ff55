/**
 * Property-based tests over the whole API, generated from the OpenAPI document: whatever a
 * client sends, Keel never answers 500, and when it refuses (4xx) nothing was stored.
 * Beside the hostile samples every operation gets one a careful client would send
 * (support/accepted-requests.ts), and must accept at least one sample: a route that refused
 * everything would prove nothing about the service behind it. The run ends with counts.
 * KEEL_FUZZ_RUNS sets the number of runs per operation; KEEL_FUZZ_SEED replays a failure.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backgroundWorkOf } from "../src/server/lib/background-work.ts";
import { acceptedRequest, type SampleContext } from "./support/accepted-requests.ts";
import { type BodyCase, bodyArb, pathParamArb, queryArb } from "./support/arbitraries.ts";
import { changedTables, type Fingerprint, instanceFingerprint } from "./support/fingerprint.ts";
import { type Client, type Harness, type Reply, startHarness } from "./support/harness.ts";
import { fillPath, loadOpenApiDocument, type Operation, operationsOf } from "./support/openapi.ts";
import { buildWorld, pathValues, vanDerBergWorld, type World } from "./support/world.ts";

const doc = await loadOpenApiDocument();
const operations = operationsOf(doc);
const withBody = operations.filter((op) => op.body);
const withoutBody = operations.filter((op) => !op.body);

const RUNS = Number(process.env.KEEL_FUZZ_RUNS ?? 30);
const SEED = process.env.KEEL_FUZZ_SEED ? Number(process.env.KEEL_FUZZ_SEED) : undefined;
const fcOptions = { numRuns: RUNS, endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED }) };

/** Operations that end the caller's session: they get a session of their own. */
const SESSION_ENDING = new Set(["POST /api/auth/sign-out"]);

let h: Harness;
let w: World;
let ids: string[];
/** Instances beside the world's that accepted requests need (an empty one, a demo). */
const instances: Harness[] = [];
let samples: SampleContext;

/** Answers per operation, for the summary and the check that each accepted a sample. */
const tallies = new Map<string, Map<number, number>>();

beforeAll(async () => {
  h = await startHarness();
  w = await buildWorld(h, vanDerBergWorld);
  ids = [w.owner.userId, w.person.id, w.team.id, w.cycle.id, w.theme.id, w.invitation.id, w.serviceToken.id];
  samples = {
    h,
    w,
    newInstance: async (options) => {
      const instance = await startHarness(options);
      instances.push(instance);
      return instance;
    },
  };
});
afterAll(async () => {
  for (const instance of instances) await instance.close();
  await h?.close();
  printSummary();
});

function printSummary() {
  let total = 0;
  let accepted = 0;
  let refused = 0;
  for (const statuses of tallies.values()) {
    for (const [status, n] of statuses) {
      total += n;
      if (status < 300) accepted += n;
      else if (status >= 400) refused += n;
    }
  }
  console.log(
    `API fuzzing: ${tallies.size} operations, ${total} samples, ${accepted} accepted (2xx), ${refused} refused (4xx)`,
  );
}

function statusesOf(op: Operation): Map<number, number> {
  const statuses = tallies.get(op.label) ?? new Map<number, number>();
  tallies.set(op.label, statuses);
  return statuses;
}

/** Sends the operation's accepted request (support/accepted-requests.ts) and counts its answer. */
async function sendAccepted(op: Operation, statuses: Map<number, number>) {
  settled = undefined;
  const sample = await acceptedRequest(samples, op);
  const reply = await (sample.on ?? h).request(op.method, sample.path, { as: sample.as, body: sample.body });
  statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
  expect(
    reply.status,
    `${op.method} ${sample.path} ${JSON.stringify(sample.body) ?? ""} → ${reply.text}`,
  ).toBeLessThan(300);
}

/** Some sample reached the service and was accepted, not only refused at the door. */
function expectSomeAccepted(statuses: Map<number, number>) {
  expect(
    [...statuses.keys()].some((s) => s >= 200 && s < 300),
    JSON.stringify([...statuses]),
  ).toBe(true);
}

function callerFor(op: Operation): Client {
  return SESSION_ENDING.has(op.label) ? w.person.client : w.owner;
}

async function send(op: Operation, path: string, body?: BodyCase): Promise<Reply> {
  if (!body) return h.request(op.method, path, { as: callerFor(op) });
  const raw = body.kind === "raw" ? body.text : (JSON.stringify(body.value) ?? "");
  const contentType = body.contentType ?? "application/json";
  return h.request(op.method, path, { as: callerFor(op), raw, contentType });
}

function describeCase(op: Operation, path: string, body?: BodyCase): string {
  const shown = body === undefined ? "" : body.kind === "raw" ? body.text : JSON.stringify(body.value);
  return `${op.method} ${path.slice(0, 300)} ${body?.contentType ?? ""} ${(shown ?? "undefined").slice(0, 300)}`;
}

/**
 * The instance's fingerprint after the last refused sample, which stored nothing: the next
 * sample starts from it instead of reading every table again. Cleared by anything that may
 * have changed the instance (an accepted sample, the requests an accepted request needs).
 */
let settled: Fingerprint | undefined;

/** One request: never a 500; an error answer has the API's shape; a refusal stores nothing. */
async function check(op: Operation, path: string, statuses: Map<number, number>, body?: BodyCase) {
  // An accepted bulk load answers before its recompute has run: let that finish first, or
  // its queue rows would be blamed on the next, refused, sample.
  if (!settled) await backgroundWorkOf(h.db).drain();
  const before = settled ?? (await instanceFingerprint(h.db));
  settled = undefined;
  const reply = await send(op, path, body);
  statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
  const context = describeCase(op, path, body);
  expect(reply.status, `${context} → ${reply.text.slice(0, 300)}`).toBeLessThan(500);
  if (reply.status >= 400) {
    expect(reply.body?.error?.code, `${context} → ${reply.text.slice(0, 300)}`).toEqual(expect.any(String));
    const after = await instanceFingerprint(h.db);
    const changed = changedTables(before, after);
    expect(changed, `${context} → ${reply.status} yet changed ${changed.join(", ")}`).toEqual([]);
    settled = after;
  }
}

describe("random bodies never break the API, and refused ones change nothing", () => {
  it.each(withBody.map((op) => [op.label, op] as const))("%s", async (_label, op) => {
    const path = fillPath(op.path, pathValues(w, op));
    const statuses = statusesOf(op);
    await sendAccepted(op, statuses);
    await fc.assert(
      fc.asyncProperty(bodyArb(doc, op.body!, ids), (body) => check(op, path, statuses, body)),
      fcOptions,
    );
    expectSomeAccepted(statuses);
  });
});

describe("random path ids and query strings never break the API", () => {
  it.each(withoutBody.map((op) => [op.label, op] as const))("%s", async (_label, op) => {
    const real = pathValues(w, op);
    const params = fc.record(Object.fromEntries(op.pathParams.map((p) => [p, pathParamArb(real[p]!)])));
    const statuses = statusesOf(op);
    await sendAccepted(op, statuses);
    await fc.assert(
      fc.asyncProperty(params, queryArb(doc, op.queryParams, ids), async (values, query) => {
        const path = `${fillPath(op.path, values as Record<string, string>)}${query ? `?${query}` : ""}`;
        await check(op, path, statuses);
      }),
      fcOptions,
    );
    expectSomeAccepted(statuses);
  });
});

describe("the instance after the storm", () => {
  it("still serves its owner", async () => {
    const reply = await h.request("GET", `/api/orgs/${w.org.slug}/teams`, { as: w.owner });
    expect(reply.status).toBe(200);
    expect((await h.request("GET", "/api/ready")).status).toBe(200);
  });
});
