import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCycle, buildInvitation, buildTeam, buildTheme } from "./support/factories.ts";
import {
  type Client,
  expectError,
  type Harness,
  type Member,
  type OrgRef,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";

type AuditEvent = {
  id: number;
  at: string;
  actorUserId: string | null;
  actorTokenId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  entityLabel: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
};

let h: Harness;
let owner: SessionClient;
let org: OrgRef;
let admin: Member;
let member: Member;

beforeAll(async () => {
  h = await startHarness();
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Van der Berg Logistics" },
  }));
  admin = await h.addPerson(owner, org, "admin", { name: "Daan Bakker" });
  member = await h.addPerson(owner, org, "member", { name: "Sanne de Vries" });
});
afterAll(() => h?.close());

const auditPath = (query = "") => `/api/orgs/${org.slug}/audit${query}`;

async function allEvents(query = ""): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let cursor: string | null = null;
  do {
    const sep = query ? "&" : "?";
    const page: { items: AuditEvent[]; nextCursor: string | null } = await h.ok(
      "GET",
      auditPath(`${query}${sep}limit=200${cursor ? `&cursor=${cursor}` : ""}`),
      { as: owner },
    );
    events.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return events;
}

const latest = async (): Promise<AuditEvent> =>
  (await h.ok("GET", auditPath("?limit=1"), { as: owner })).items[0];

/** Runs a change and returns the one event it wrote (fails if it wrote none or several). */
async function eventOf(as: Client, method: string, path: string, body?: unknown) {
  const before = await latest();
  const reply = await h.request(method, path, { as, body });
  expect([200, 201], reply.text).toContain(reply.status);
  const events = (await allEvents()).filter((e) => e.id > before.id);
  expect(events, JSON.stringify(events)).toHaveLength(1);
  return { event: events[0]!, reply };
}

describe("every change is audited with who, what, before and after", () => {
  it("a new organisation: every row it starts with, each with the full entity", async () => {
    const created = await h.ok("POST", "/api/orgs", { as: owner, body: { name: "Schelde Shipping" } }, 201);
    const base = `/api/orgs/${created.slug}`;
    const events: AuditEvent[] = (await h.ok("GET", `${base}/audit?limit=200`, { as: owner })).items;
    const afterOf = (action: string, entityId: string) =>
      events.find((e) => e.action === action && e.entityId === entityId)?.after;

    expect(afterOf("organization.created", created.id)).toMatchObject({ slug: created.slug, version: 1 });
    const me = await h.ok("GET", `${base}/people/${owner.userId}`, { as: owner });
    expect(afterOf("membership.created", owner.userId)).toEqual(me);
    const [company] = (await h.ok("GET", `${base}/teams`, { as: owner })).items;
    expect(afterOf("team.created", company.id)).toEqual(company);
    const themes = (await h.ok("GET", `${base}/themes`, { as: owner })).items;
    expect(themes).toHaveLength(4);
    for (const theme of themes) expect(afterOf("theme.created", theme.id)).toEqual(theme);
    const cycles = (await h.ok("GET", `${base}/cycles`, { as: owner })).items;
    expect(cycles.length).toBeGreaterThanOrEqual(3);
    for (const cycle of cycles) expect(afterOf("cycle.created", cycle.id)).toEqual(cycle);
    expect(events).toHaveLength(3 + themes.length + cycles.length);
  });

  it("organisation settings", async () => {
    const o = await h.ok("GET", `/api/orgs/${org.slug}`, { as: owner });
    const { event } = await eventOf(owner, "PATCH", `/api/orgs/${org.slug}`, {
      version: o.version,
      weekStart: 7,
    });
    expect(event).toMatchObject({
      action: "organization.updated",
      entityType: "organization",
      entityId: org.id,
      actorUserId: owner.userId,
      actorTokenId: null,
      actorLabel: "Lotte Visser",
      before: { weekStart: 1 },
      after: { weekStart: 7 },
    });
    expect(Math.abs(Date.parse(event.at) - Date.now())).toBeLessThan(60_000);
  });

  it("teams: created, renamed, moved, archived, members", async () => {
    const created = await eventOf(
      admin.client,
      "POST",
      `/api/orgs/${org.slug}/teams`,
      buildTeam({ name: "Hub Rotterdam" }),
    );
    const team = created.reply.body;
    expect(created.event).toMatchObject({
      action: "team.created",
      entityId: team.id,
      entityLabel: "Hub Rotterdam",
      actorUserId: admin.id,
      actorLabel: "Daan Bakker",
      before: null,
      after: { name: "Hub Rotterdam" },
    });
    const renamed = await eventOf(owner, "PATCH", `/api/orgs/${org.slug}/teams/${team.id}`, {
      version: team.version,
      name: "Hub Rotterdam Maasvlakte",
    });
    expect(renamed.event).toMatchObject({
      action: "team.updated",
      before: { name: "Hub Rotterdam", version: 1 },
      after: { name: "Hub Rotterdam Maasvlakte", version: 2 },
    });
    const parent = (
      await h.ok("POST", `/api/orgs/${org.slug}/teams`, { as: owner, body: buildTeam({ name: "Ports" }) })
    ).id;
    const moved = await eventOf(owner, "PATCH", `/api/orgs/${org.slug}/teams/${team.id}`, {
      version: 2,
      parentId: parent,
    });
    expect(moved.event).toMatchObject({ action: "team.moved", after: { parentId: parent } });
    const archived = await eventOf(owner, "PATCH", `/api/orgs/${org.slug}/teams/${team.id}`, {
      version: 3,
      archived: true,
    });
    expect(archived.event).toMatchObject({
      action: "team.archived",
      before: { archived: false },
      after: { archived: true },
    });
    const added = await eventOf(owner, "POST", `/api/orgs/${org.slug}/teams/${parent}/members`, {
      userId: member.id,
    });
    expect(added.event).toMatchObject({
      action: "team.member_added",
      entityId: parent,
      after: { userId: member.id },
    });
    const removed = await eventOf(
      owner,
      "DELETE",
      `/api/orgs/${org.slug}/teams/${parent}/members/${member.id}`,
    );
    expect(removed.event).toMatchObject({ action: "team.member_removed", before: { userId: member.id } });
  });

  it("cycles and themes", async () => {
    const cycle = await eventOf(
      owner,
      "POST",
      `/api/orgs/${org.slug}/cycles`,
      buildCycle({ name: "Peak season 2026" }),
    );
    expect(cycle.event).toMatchObject({
      action: "cycle.created",
      entityType: "cycle",
      after: { name: "Peak season 2026" },
    });
    const activated = await eventOf(owner, "PATCH", `/api/orgs/${org.slug}/cycles/${cycle.reply.body.id}`, {
      version: 1,
      state: "active",
    });
    expect(activated.event).toMatchObject({
      action: "cycle.activated",
      before: { state: "planning" },
      after: { state: "active" },
    });

    const theme = await eventOf(
      owner,
      "POST",
      `/api/orgs/${org.slug}/themes`,
      buildTheme({ name: "Safety first" }),
    );
    expect(theme.event).toMatchObject({
      action: "theme.created",
      entityType: "theme",
      after: { name: "Safety first" },
    });
    const renamed = await eventOf(owner, "PATCH", `/api/orgs/${org.slug}/themes/${theme.reply.body.id}`, {
      version: 1,
      name: "Zero harm",
    });
    expect(renamed.event).toMatchObject({
      action: "theme.updated",
      before: { name: "Safety first" },
      after: { name: "Zero harm" },
    });
  });

  it("people, invitations and tokens", async () => {
    const p = await h.ok("GET", `/api/orgs/${org.slug}/people/${member.id}`, { as: owner });
    const role = await eventOf(owner, "PATCH", `/api/orgs/${org.slug}/people/${member.id}`, {
      version: p.version,
      role: "viewer",
    });
    expect(role.event).toMatchObject({
      action: "membership.updated",
      entityType: "membership",
      entityId: member.id,
      entityLabel: "Sanne de Vries",
      before: { role: "member" },
      after: { role: "viewer" },
    });
    const reset = await eventOf(owner, "POST", `/api/orgs/${org.slug}/people/${member.id}/password-reset`);
    expect(reset.event).toMatchObject({ action: "membership.password_reset_issued", entityId: member.id });
    expect(JSON.stringify(reset.event)).not.toContain(reset.reply.body.url.split("/").at(-1));

    const invited = await eventOf(
      owner,
      "POST",
      `/api/orgs/${org.slug}/invitations`,
      buildInvitation({ role: "admin" }),
    );
    expect(invited.event).toMatchObject({
      action: "invitation.created",
      after: { role: "admin", status: "pending" },
    });
    expect(JSON.stringify(invited.event)).not.toContain(invited.reply.body.url.split("/").at(-1));
    const revoked = await eventOf(
      owner,
      "DELETE",
      `/api/orgs/${org.slug}/invitations/${invited.reply.body.invitation.id}`,
    );
    expect(revoked.event).toMatchObject({ action: "invitation.revoked", after: { status: "revoked" } });

    const token = await eventOf(owner, "POST", `/api/orgs/${org.slug}/tokens`, {
      kind: "service",
      name: "Route optimiser",
      role: "admin",
    });
    expect(token.event).toMatchObject({
      action: "token.created",
      entityType: "token",
      after: { name: "Route optimiser" },
    });
    expect(JSON.stringify(token.event)).not.toContain(token.reply.body.secret);
  });

  it("changes made with a token name the token, and its holder for personal tokens", async () => {
    const service = await h.createToken(owner, org, { kind: "service", name: "TMS sync", role: "admin" });
    const bySvc = await eventOf(
      service.client,
      "POST",
      `/api/orgs/${org.slug}/teams`,
      buildTeam({ name: "Cold Chain" }),
    );
    expect(bySvc.event).toMatchObject({
      actorUserId: null,
      actorTokenId: service.id,
      actorLabel: "token TMS sync",
    });

    const personal = await h.createToken(admin.client, org, { name: "Daan's script", role: "admin" });
    const byPersonal = await eventOf(
      personal.client,
      "POST",
      `/api/orgs/${org.slug}/teams`,
      buildTeam({ name: "Customs Desk" }),
    );
    expect(byPersonal.event).toMatchObject({
      actorUserId: admin.id,
      actorTokenId: personal.id,
      actorLabel: "Daan Bakker (token Daan's script)",
    });
  });
});

describe("a refused change writes no audit event", () => {
  it("validation errors, conflicts, forbidden and rolled-back changes leave the log as it was", async () => {
    const team = await h.ok("POST", `/api/orgs/${org.slug}/teams`, {
      as: owner,
      body: buildTeam({ name: "Driver Academy" }),
    });
    await h.ok("PATCH", `/api/orgs/${org.slug}/teams/${team.id}`, {
      as: owner,
      body: { version: 1, name: "Driver Academy NL" },
    });
    const before = await allEvents();
    const me = await h.ok("GET", `/api/orgs/${org.slug}/people/${owner.userId}`, { as: owner });

    const refused = [
      await h.request("PATCH", `/api/orgs/${org.slug}/teams/${team.id}`, {
        as: owner,
        body: { version: 1, name: "Stale" },
      }),
      await h.request("PATCH", `/api/orgs/${org.slug}/teams/${team.id}`, {
        as: owner,
        body: { version: 2, parentId: team.id },
      }),
      await h.request("POST", `/api/orgs/${org.slug}/teams`, { as: owner, body: { name: "" } }),
      await h.request("POST", `/api/orgs/${org.slug}/teams`, { as: member.client, body: buildTeam() }),
      await h.request("POST", `/api/orgs/${org.slug}/teams`, { as: owner, csrf: false, body: buildTeam() }),
      // The last owner stepping down: the update runs, then the owner check rolls it back.
      await h.request("PATCH", `/api/orgs/${org.slug}/people/${owner.userId}`, {
        as: owner,
        body: { version: me.version, role: "admin" },
      }),
    ];
    expect(refused.map((r) => r.status)).toEqual([409, 400, 400, 403, 403, 409]);
    expect(await allEvents()).toEqual(before);
    expect(await h.ok("GET", `/api/orgs/${org.slug}/people/${owner.userId}`, { as: owner })).toEqual(me);
  });
});

describe("reading the audit log", () => {
  it("filters by entity type, action, entity and actor", async () => {
    const teams = await allEvents("?entityType=team");
    expect(teams.length).toBeGreaterThan(3);
    expect(new Set(teams.map((e) => e.entityType))).toEqual(new Set(["team"]));

    const created = await allEvents("?action=team.created");
    expect(created.length).toBeGreaterThan(1);
    expect(new Set(created.map((e) => e.action))).toEqual(new Set(["team.created"]));

    const onOrg = await allEvents(`?entityId=${org.id}`);
    expect(onOrg.map((e) => e.action).sort()).toEqual(["organization.created", "organization.updated"]);

    const byAdmin = await allEvents(`?actorUserId=${admin.id}`);
    expect(byAdmin.length).toBeGreaterThan(0);
    expect(new Set(byAdmin.map((e) => e.actorUserId))).toEqual(new Set([admin.id]));

    expect(await allEvents("?action=team.created&entityType=cycle")).toEqual([]);
  });

  it("pages newest first, every event exactly once", async () => {
    const everything = await allEvents();
    const seen: AuditEvent[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: AuditEvent[]; nextCursor: string | null } = await h.ok(
        "GET",
        auditPath(`?limit=4${cursor ? `&cursor=${cursor}` : ""}`),
        { as: owner },
      );
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(everything);
    const ids = seen.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("refuses bad cursors and limits, naming the field", async () => {
    expectError(
      await h.request("GET", auditPath("?cursor=yesterday"), { as: owner }),
      400,
      "validation_failed",
      "cursor",
    );
    expectError(
      await h.request("GET", auditPath("?limit=0"), { as: owner }),
      400,
      "validation_failed",
      "limit",
    );
    expectError(
      await h.request("GET", auditPath("?actorUserId=lotte"), { as: owner }),
      400,
      "validation_failed",
      "actorUserId",
    );
  });

  it("is for admins only", async () => {
    expectError(await h.request("GET", auditPath(), { as: member.client }), 403, "forbidden");
    expect((await h.request("GET", auditPath(), { as: admin.client })).status).toBe(200);
  });
});
