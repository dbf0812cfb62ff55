/**
 * Outgoing webhooks: managed by admins, signed (checked by a real receiver on a local
 * port), retried with back-off after a failing answer, logged, bound to their URL (a new
 * URL rotates the secret), refused for private addresses, and never in a request's way.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifyWebhook } from "../src/domain/webhooks/webhook-signature.ts";
import { runDueDeliveries } from "../src/server/jobs/webhook-job.ts";
import { buildEventWorld, type EventWorld, startReceiver } from "./support/event-world.ts";
import { tenantFingerprint } from "./support/fingerprint.ts";
import { expectError, type Harness, type Json, startHarness } from "./support/harness.ts";

let h: Harness;
let w: EventWorld;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let base: string;

beforeAll(async () => {
  // The receiver listens on loopback, which only an allow list opens (as for connectors).
  h = await startHarness({ env: { KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS: "127.0.0.1" } });
  w = await buildEventWorld(h, "Maasvlakte Freight");
  base = `/api/orgs/${w.org.slug}/webhooks`;
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});
beforeEach(async () => {
  receiver.received.length = 0;
  receiver.answerWith();
  // Each test starts with no webhooks and nothing due.
  for (const hook of (await h.ok("GET", base, { as: w.owner })).items) {
    await h.ok("DELETE", `${base}/${hook.id}`, { as: w.owner });
  }
});

const createHook = (body: Record<string, unknown> = {}): Promise<Json> =>
  h.ok(
    "POST",
    base,
    { as: w.admin.client, body: { url: receiver.url, events: ["check_in.created"], ...body } },
    201,
  );

const checkIn = (value: number, note = "Two extra forklifts on the night shift.") =>
  w.okr.checkIn(w.member.client, w.openKr.id, { value, confidence: 7, note });

const deliveries = async (id: string): Promise<Json[]> =>
  (await h.ok("GET", `${base}/${id}/deliveries`, { as: w.admin.client })).items;

const sendDue = () => runDueDeliveries(h.deps, { timeoutMs: 2_000 });

function verified(secret: string, request: (typeof receiver.received)[number]) {
  return verifyWebhook(
    secret,
    {
      signature: request.headers["keel-signature"] as string | undefined,
      timestamp: request.headers["keel-timestamp"] as string | undefined,
    },
    request.body,
    Math.floor(h.clock.now().getTime() / 1000),
  );
}

describe("delivering events", () => {
  it("posts a check-in to the receiver, signed with the secret shown at creation, and logs the answer", async () => {
    const { secret, ...webhook } = await createHook({ description: "Ops channel bridge" });
    expect(secret).toMatch(/^whsec_/);
    // The secret is shown once: the list never carries it.
    const listed = await h.ok("GET", base, { as: w.admin.client });
    expect(JSON.stringify(listed)).not.toContain(secret);

    const made = await checkIn(81);
    const [pending] = await deliveries(webhook.id);
    expect(pending).toMatchObject({ eventType: "check_in.created", status: "pending", attempts: 0 });
    expect(receiver.received).toHaveLength(0);

    expect(await sendDue()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const request = receiver.received[0]!;
    expect(verified(secret, request)).toBe(true);
    expect(verified("whsec_someone-else", request)).toBe(false);
    expect(request.headers["keel-event"]).toBe("check_in.created");
    const body = JSON.parse(request.body);
    expect(body).toMatchObject({
      type: "check_in.created",
      organizationId: w.org.id,
      subject: { kind: "key_result", id: w.openKr.id },
      data: { checkInId: made.id, keyResultId: w.openKr.id, value: 81, confidence: 7 },
    });
    expect(body.text).toContain("Same-day pallets from 70 % to 90 %");
    const [done] = await deliveries(webhook.id);
    expect(done).toMatchObject({
      status: "succeeded",
      attempts: 1,
      responseStatus: 200,
      responseBody: "thanks",
    });
    expect((await h.ok("GET", base, { as: w.admin.client })).items[0].lastDelivery.status).toBe("succeeded");
  });

  it("retries after a failing answer, later, and logs each outcome", async () => {
    const { secret, ...webhook } = await createHook();
    receiver.answerWith(503);
    await checkIn(82);
    await sendDue();
    const [failed] = await deliveries(webhook.id);
    expect(failed).toMatchObject({
      status: "pending",
      attempts: 1,
      responseStatus: 503,
      responseBody: "receiver says 503",
      error: "HTTP 503",
    });
    // Not yet due: the back-off holds it.
    expect(await sendDue()).toBe(0);
    h.clock.advance(31_000);
    expect(await sendDue()).toBe(1);
    const [later] = await deliveries(webhook.id);
    expect(later).toMatchObject({ status: "succeeded", attempts: 2, responseStatus: 200, error: null });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received.every((r) => verified(secret, r))).toBe(true);
  });

  it("sends Slack/Teams webhooks one readable sentence", async () => {
    await createHook({ format: "slack" });
    await checkIn(83);
    await sendDue();
    const body = JSON.parse(receiver.received[0]!.body);
    expect(Object.keys(body)).toEqual(["text"]);
    expect(body.text).toBe(
      'Fenna Kuiper checked in on "Same-day pallets from 70 % to 90 %": 83, confidence 7.',
    );
  });

  it("writes nothing for a refused change, a disabled webhook or an event it did not choose", async () => {
    const chosen = await createHook();
    const off = await createHook({ enabled: false });
    const other = await createHook({ events: ["cycle.closed"] });
    await h.request("POST", `${w.okr.base}/key-results/${w.openKr.id}/check-ins`, {
      as: w.member.client,
      body: { value: 84, confidence: 11, note: "" },
    });
    expect(await deliveries(chosen.id)).toHaveLength(0);
    await checkIn(84);
    expect(await deliveries(chosen.id)).toHaveLength(1);
    expect(await deliveries(off.id)).toHaveLength(0);
    expect(await deliveries(other.id)).toHaveLength(0);
  });

  it("answers the request while the target hangs; the sender gives up on it after its timeout", async () => {
    const webhook = await createHook();
    receiver.answerWith("hang");
    // The request only writes the delivery row: it answers whatever the target does.
    const made = await checkIn(85);
    expect(made.value).toBe(85);
    await runDueDeliveries(h.deps, { timeoutMs: 300 });
    const [hung] = await deliveries(webhook.id);
    expect(hung).toMatchObject({
      status: "pending",
      attempts: 1,
      responseStatus: null,
      error: "no answer in time",
    });
  });

  it("queues a test message that shows in the log", async () => {
    const { secret, ...webhook } = await createHook();
    const queued = await h.ok("POST", `${base}/${webhook.id}/test`, { as: w.admin.client }, 201);
    expect(queued).toMatchObject({ eventType: "webhook.test", status: "pending" });
    await sendDue();
    expect(verified(secret, receiver.received[0]!)).toBe(true);
    expect(JSON.parse(receiver.received[0]!.body).text).toContain("Test message from Keel");
    expect((await deliveries(webhook.id))[0]).toMatchObject({ id: queued.id, status: "succeeded" });
  });
});

describe("secrets", () => {
  it("rotates the secret when the URL changes, and on request; the old one stops verifying", async () => {
    const created = await createHook();
    const renamed = await h.ok("PATCH", `${base}/${created.id}`, {
      as: w.admin.client,
      body: { version: created.version, description: "Night shift channel" },
    });
    expect(renamed.secret).toBeNull();
    const moved = await h.ok("PATCH", `${base}/${created.id}`, {
      as: w.admin.client,
      body: { version: renamed.version, url: `${receiver.url}/v2` },
    });
    expect(moved.secret).toMatch(/^whsec_/);
    expect(moved.secret).not.toBe(created.secret);
    const rotated = await h.ok("POST", `${base}/${created.id}/rotate-secret`, {
      as: w.admin.client,
      body: { version: moved.version },
    });
    expect(rotated.secret).not.toBe(moved.secret);
    await checkIn(86);
    await sendDue();
    const request = receiver.received[0]!;
    expect(verified(rotated.secret, request)).toBe(true);
    expect(verified(moved.secret, request)).toBe(false);
    expect(verified(created.secret, request)).toBe(false);
  });

  it("refuses a stale version", async () => {
    const created = await createHook();
    await h.ok("PATCH", `${base}/${created.id}`, {
      as: w.admin.client,
      body: { version: created.version, enabled: false },
    });
    const stale = await h.request("POST", `${base}/${created.id}/rotate-secret`, {
      as: w.admin.client,
      body: { version: created.version },
    });
    expectError(stale, 409, "version_conflict");
  });
});

describe("bad input and permissions", () => {
  it("refuses private addresses, naming the field, and stores nothing", async () => {
    const before = await tenantFingerprint(h.db, w.org.id);
    for (const url of ["http://10.20.30.40/hook", "http://192.168.1.20:8080/hook", "http://[::1]:9000/x"]) {
      const reply = await h.request("POST", base, {
        as: w.admin.client,
        body: { url, events: ["cycle.closed"] },
      });
      expectError(reply, 400, "validation_failed", "url");
    }
    for (const body of [
      { url: "ftp://hooks.example.org/x", events: ["cycle.closed"] },
      { url: receiver.url, events: [] },
      { url: receiver.url, events: ["check_in.created", "check_in.created"] },
      { url: receiver.url, events: ["kpi.values_changed"] },
      { url: receiver.url, events: ["cycle.closed"], secret: "mine" },
    ]) {
      expect((await h.request("POST", base, { as: w.admin.client, body })).status).toBe(400);
    }
    expect(await tenantFingerprint(h.db, w.org.id)).toEqual(before);
    const created = await createHook();
    const moved = await h.request("PATCH", `${base}/${created.id}`, {
      as: w.admin.client,
      body: { version: created.version, url: "http://10.0.0.7/hook" },
    });
    expectError(moved, 400, "validation_failed", "url");
  });

  it("lets only admins manage webhooks, and keeps other organisations' out (404)", async () => {
    const webhook = await createHook();
    for (const who of [w.member.client, w.outsider.client]) {
      expectError(await h.request("GET", base, { as: who }), 403, "forbidden");
      expectError(
        await h.request("POST", base, { as: who, body: { url: receiver.url, events: ["cycle.closed"] } }),
        403,
        "forbidden",
      );
      expectError(await h.request("GET", `${base}/${webhook.id}/deliveries`, { as: who }), 403, "forbidden");
      expectError(await h.request("DELETE", `${base}/${webhook.id}`, { as: who }), 403, "forbidden");
    }
    const other = await h.createOwnerWithOrg({
      person: { name: "Noor Hendriks" },
      org: { name: "Other Haulage" },
    });
    const otherBase = `/api/orgs/${other.org.slug}/webhooks`;
    for (const [method, path, body] of [
      ["PATCH", `${otherBase}/${webhook.id}`, { version: 1, enabled: false }],
      ["GET", `${otherBase}/${webhook.id}/deliveries`, undefined],
      ["POST", `${otherBase}/${webhook.id}/rotate-secret`, { version: 1 }],
      ["POST", `${otherBase}/${webhook.id}/test`, undefined],
      ["DELETE", `${otherBase}/${webhook.id}`, undefined],
    ] as const) {
      expectError(await h.request(method, path, { as: other.owner, body }), 404, "not_found");
    }
    expect((await h.ok("GET", base, { as: w.admin.client })).items).toHaveLength(1);
  });
});
