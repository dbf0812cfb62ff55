/**
 * Live events over server-sent events: a change reaches open streams of the organisation
 * after it commits, only for people who may read what it is about, and on PostgreSQL
 * from one Keel instance to the clients of another (LISTEN/NOTIFY).
 */
import type http from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "../src/db/client.ts";
import { createApp } from "../src/server/app.ts";
import { closeLiveHub } from "../src/server/events/live-hub.ts";
import { publishOrgEvent } from "../src/server/events/org-events.ts";
import { openEventStream } from "./support/event-stream.ts";
import { buildEventWorld, type EventWorld } from "./support/event-world.ts";
import { expectError, type Harness, startHarness } from "./support/harness.ts";
import { NEEDS_POSTGRES, skipWhen } from "./support/skip.ts";

let h: Harness;
let w: EventWorld;
let origin: string;
let server: ReturnType<typeof serve>;
const streams: Array<{ close(): Promise<void> }> = [];

async function listen(app: { fetch: (r: Request) => Response | Promise<Response> }) {
  const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => s.once("listening", () => resolve()));
  return { server: s, origin: `http://127.0.0.1:${(s.address() as AddressInfo).port}` };
}

async function stream(at: string, as: EventWorld["member"]["client"], orgSlug = w.org.slug) {
  const s = await openEventStream(at, orgSlug, as);
  streams.push(s);
  return s;
}

beforeAll(async () => {
  h = await startHarness();
  w = await buildEventWorld(h, "Venlo Cross-dock");
  ({ server, origin } = await listen(h.app));
});
afterAll(async () => {
  for (const s of streams) await s.close();
  (server as http.Server | undefined)?.closeAllConnections();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await h?.close();
});

const checkIn = (krId: string, value: number) =>
  w.okr.checkIn(w.member.client, krId, { value, confidence: 6, note: "Second dock door open at night." });

describe("one instance", () => {
  it("tells an open stream of a check-in, by ids, once it is committed", async () => {
    const client = await stream(origin, w.member.client);
    const made = await checkIn(w.openKr.id, 75);
    const got = await client.waitFor((e) => e.data.includes(made.id), "check-in");
    expect(JSON.parse(got.data)).toEqual({
      id: got.id,
      type: "check_in.created",
      subject: { kind: "key_result", id: w.openKr.id },
      ids: { keyResultId: w.openKr.id, objectiveId: w.openKr.objectiveId, checkInId: made.id },
    });
  });

  it("says nothing of a change that rolled back", async () => {
    const client = await stream(origin, w.member.client);
    const rolledBack = await h.db
      .transaction(async (tx) => {
        await publishOrgEvent(tx, {
          type: "check_in.created",
          organizationId: w.org.id,
          subject: { kind: "key_result", id: w.openKr.id },
          ids: { keyResultId: w.openKr.id, checkInId: "never-committed" },
          text: "",
          at: h.clock.now(),
        });
        throw new Error("the change failed after publishing");
      })
      .catch((err: Error) => err.message);
    expect(rolledBack).toBe("the change failed after publishing");
    const made = await checkIn(w.openKr.id, 77);
    await client.waitFor((e) => e.data.includes(made.id), "check-in");
    // Events arrive in commit order: the rolled-back one would have come first.
    expect(client.live().map((e) => e.ids.checkInId)).toEqual([made.id]);
  });

  it("never tells a person of a KR they cannot read, nor another organisation", async () => {
    const outsider = await stream(origin, w.outsider.client);
    const member = await stream(origin, w.member.client);
    const other = await h.createOwnerWithOrg({
      person: { name: "Lars Dekker" },
      org: { name: "Tilburg Parcels" },
    });
    const stranger = await stream(origin, other.owner, other.org.slug);
    const hidden = await checkIn(w.teamKr.id, 9);
    const seen = await checkIn(w.openKr.id, 78);
    await member.waitFor((e) => e.data.includes(seen.id), "open check-in");
    await outsider.waitFor((e) => e.data.includes(seen.id), "open check-in");
    expect(member.live().map((e) => e.ids.checkInId)).toEqual([hidden.id, seen.id]);
    // The team-only KR's check-in was published before; the outsider never got it.
    expect(outsider.live().map((e) => e.ids.checkInId)).toEqual([seen.id]);
    expect(JSON.stringify(outsider.events)).not.toContain(w.teamKr.id);
    expect(stranger.live()).toEqual([]);
  });

  it("refuses a stream of an organisation the caller is not in", async () => {
    const other = await h.createOwnerWithOrg({
      person: { name: "Sara Mertens" },
      org: { name: "Breda Haulage" },
    });
    expectError(
      await h.request("GET", `/api/orgs/${other.org.slug}/events`, { as: w.member.client }),
      404,
      "not_found",
    );
    expect((await h.request("GET", `/api/orgs/${w.org.slug}/events`)).status).toBe(401);
  });
});

skipWhen(inject("keelEngine") !== "postgres" && NEEDS_POSTGRES).describe(
  "two instances on PostgreSQL",
  () => {
    it("brings an event published on instance A to a client of instance B", async () => {
      const databaseB = await openDatabase({ engine: "postgres", url: h.databaseUrl!, poolSize: 2 });
      const b = await listen(createApp({ ...h.deps, db: databaseB.db }));
      try {
        const onB = await stream(b.origin, w.outsider.client);
        const hidden = await checkIn(w.teamKr.id, 8);
        // Through instance A's app (in-process), not B's.
        const made = await checkIn(w.openKr.id, 79);
        await onB.waitFor((e) => e.data.includes(made.id), "check-in from instance A");
        expect(onB.live().map((e) => e.ids.checkInId)).toEqual([made.id]);
        expect(JSON.stringify(onB.events)).not.toContain(hidden.id);
      } finally {
        (b.server as http.Server).closeAllConnections();
        await new Promise<void>((resolve) => b.server.close(() => resolve()));
        await closeLiveHub(databaseB.db);
        await databaseB.close();
      }
    });
  },
);
