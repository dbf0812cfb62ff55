/**
 * "View as": the demo's owner opens the demo as one of its people (who have no password),
 * audited, limited to the demo organisation, and returns; nobody else may, and nowhere else.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../src/db/client.ts";
import { instanceFingerprint as fingerprint } from "./support/fingerprint.ts";
import {
  expectError,
  type Harness,
  invitationTokenOf,
  type Json,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";

const slug = "nordwind-logistics";
let h: Harness;
let owner: SessionClient;
let lead: { userId: string; name: string };

/** The same browser session, now acting as whoever the session views Keel as. */
const asViewer = (): SessionClient => owner;

beforeAll(async () => {
  h = await startHarness();
  const reply = await h.request("POST", "/api/setup", {
    body: {
      start: "demo",
      name: "Priya Kaya",
      email: "priya.kaya@example.com",
      password: "demo password 2026",
    },
  });
  expect(reply.status).toBe(201);
  owner = await h.signIn("priya.kaya@example.com", "demo password 2026");
  const tree = await h.ok("GET", `/api/orgs/${slug}/teams?limit=200`, { as: owner });
  const squad = tree.items.find((t: Json) => t.name === "Urban Delivery");
  const people = await h.ok("GET", `/api/orgs/${slug}/people?limit=200`, { as: owner });
  lead = people.items.find((p: Json) => p.userId === squad.leadUserId);
});
afterAll(() => h?.close());

describe("viewing the demo as one of its people", () => {
  it("lets the owner open the demo as a squad lead, who has no password, with the owner named", async () => {
    const started = await h.ok("POST", `/api/orgs/${slug}/people/${lead.userId}/view-as`, { as: owner });
    expect(started.user.id).toBe(lead.userId);
    expect(started.viewingAs).toEqual({
      byUserId: owner.userId,
      byName: "Priya Kaya",
      organizationSlug: slug,
      organizationName: "Nordwind Logistics",
    });
    expect(started.organizations.map((o: Json) => o.slug)).toEqual([slug]);
    const session = await h.ok("GET", "/api/auth/session", { as: asViewer() });
    expect(session.user.name).toBe(lead.name);
    expect(session.viewingAs.byName).toBe("Priya Kaya");

    // The lead's own weekly jobs, not the owner's.
    const mine = (await h.ok("GET", `/api/orgs/${slug}/my/check-ins`, { as: asViewer() })).items;
    expect(mine.length).toBeGreaterThan(0);
    expect(
      mine.every((i: Json) =>
        [i.keyResult.ownerUserId, ...i.keyResult.contributorUserIds].includes(lead.userId),
      ),
    ).toBe(true);
  });

  it("records what is done meanwhile as that person, naming the owner behind it", async () => {
    const mine = (await h.ok("GET", `/api/orgs/${slug}/my/check-ins`, { as: asViewer() })).items;
    const kr = mine.find(
      (i: Json) => i.keyResult.kind === "metric" && i.keyResult.ownerUserId === lead.userId,
    )!.keyResult;
    const checkIn = await h.ok("POST", `/api/orgs/${slug}/key-results/${kr.id}/check-ins`, {
      as: asViewer(),
      body: { value: kr.currentValue, confidence: 6, note: "Tried as the squad lead." },
    });
    // A member may not read the audit log: the owner's rights are not carried along.
    expectError(await h.request("GET", `/api/orgs/${slug}/audit`, { as: asViewer() }), 403, "forbidden");
    const audit = rowsOf<{ actor_user_id: string; actor_label: string }>(
      await h.db.execute(
        sql`select actor_user_id, actor_label from audit_events where entity_id = ${checkIn.id}`,
      ),
    );
    expect(audit.map((e) => [e.actor_user_id, e.actor_label])).toEqual([
      [lead.userId, `${lead.name} (viewed as by Priya Kaya)`],
    ]);
  });

  it("refuses every change outside the demo while viewing, and API tokens inside it", async () => {
    const before = await fingerprint(h.db);
    expectError(
      await h.request("POST", "/api/auth/password", {
        as: asViewer(),
        body: { currentPassword: "demo password 2026", newPassword: "another password 2026" },
      }),
      403,
      "forbidden",
    );
    expectError(
      await h.request("POST", `/api/orgs/${slug}/tokens`, {
        as: asViewer(),
        body: { name: "Lead's script", kind: "personal", role: "member" },
      }),
      403,
      "forbidden",
    );
    expect(await fingerprint(h.db)).toEqual(before);
  });

  it("shows nothing of the person's own beyond the demo: their tokens stay closed while viewing", async () => {
    const reply = await h.request("GET", `/api/orgs/${slug}/tokens`, { as: asViewer() });
    expectError(reply, 403, "forbidden");
    expect(reply.body.error.message).toMatch(/seen or changed/);
  });

  it("returns to the owner, and audits when the view started and ended", async () => {
    const back = await h.ok("DELETE", "/api/auth/view-as", { as: asViewer() });
    expect(back.user.id).toBe(owner.userId);
    expect(back.viewingAs).toBeNull();
    const session = await h.ok("GET", "/api/auth/session", { as: owner });
    expect(session.user.id).toBe(owner.userId);
    const events = await h.ok("GET", `/api/orgs/${slug}/audit?entityId=${lead.userId}`, { as: owner });
    const viewEvents = events.items.filter((e: Json) => e.action.startsWith("membership.view_as"));
    expect(viewEvents.map((e: Json) => [e.action, e.actorUserId, e.actorLabel])).toEqual([
      ["membership.view_as_ended", owner.userId, "Priya Kaya"],
      ["membership.view_as_started", owner.userId, "Priya Kaya"],
    ]);
    // Returning when not viewing changes nothing and audits nothing.
    const before = await fingerprint(h.db);
    const again = await h.ok("DELETE", "/api/auth/view-as", { as: owner });
    expect(again.viewingAs).toBeNull();
    expect(await fingerprint(h.db)).toEqual(before);
  });
});

describe("who may view as whom", () => {
  it("refuses an admin of the demo who is not its owner", async () => {
    const admin = await h.addPerson(owner, { id: "", slug, name: "Nordwind Logistics" }, "admin");
    const before = await fingerprint(h.db);
    expectError(
      await h.request("POST", `/api/orgs/${slug}/people/${lead.userId}/view-as`, { as: admin.client }),
      403,
      "forbidden",
    );
    expect(await fingerprint(h.db)).toEqual(before);
  });

  it("refuses the owner of an organisation that is not a demo, with 403 and nothing stored", async () => {
    const { owner: realOwner, org } = await h.createOwnerWithOrg();
    const colleague = await h.addPerson(realOwner, org, "member");
    const before = await fingerprint(h.db);
    const reply = await h.request("POST", `/api/orgs/${org.slug}/people/${colleague.id}/view-as`, {
      as: realOwner,
    });
    expectError(reply, 403, "forbidden");
    expect(reply.body.error.message).toMatch(/only possible in a demo organisation/);
    expect(await fingerprint(h.db)).toEqual(before);
    expect((await h.ok("GET", "/api/auth/session", { as: realOwner })).user.id).toBe(realOwner.userId);
  });

  it("refuses people whose account is also used outside the demo, and operators", async () => {
    const demo = { id: "", slug, name: "Nordwind Logistics" };
    const colleague = await h.addPerson(owner, demo, "member", { name: "Sanne Visser" });
    const { owner: elsewhere, org } = await h.createOwnerWithOrg();
    const invited = await h.ok("POST", `/api/orgs/${org.slug}/invitations`, {
      as: elsewhere,
      body: { email: colleague.email, role: "member" },
    });
    await h.ok("POST", `/api/invitations/${invitationTokenOf(invited.url)}/accept`, {
      body: { password: colleague.password },
    });
    const operator = await h.addPerson(owner, demo, "member", { name: "Ruben Bakker" });
    await h.db.execute(sql`update users set is_operator = true where id = ${operator.id}`);
    const before = await fingerprint(h.db);
    for (const person of [colleague, operator]) {
      const reply = await h.request("POST", `/api/orgs/${slug}/people/${person.id}/view-as`, { as: owner });
      expectError(reply, 403, "forbidden");
      expect(reply.body.error.message).toMatch(/also used outside this demo/);
    }
    expect(await fingerprint(h.db)).toEqual(before);
  });

  it("refuses a person who is not in the demo, and API tokens", async () => {
    const { owner: stranger } = await h.createOwnerWithOrg();
    expectError(
      await h.request("POST", `/api/orgs/${slug}/people/${stranger.userId}/view-as`, { as: owner }),
      404,
      "not_found",
    );
    const token = await h.createToken(owner, { id: "", slug, name: "Nordwind Logistics" }, { role: "admin" });
    expectError(
      await h.request("POST", `/api/orgs/${slug}/people/${lead.userId}/view-as`, { as: token.client }),
      403,
      "forbidden",
    );
  });
});
