/**
 * Requests that race: checks that read first and write later must hold when two of them
 * run at once. Runs on PostgreSQL only (KEEL_TEST_ENGINE=postgres), where requests run on
 * separate connections; PGlite runs one transaction at a time, so there nothing races and
 * the file would pass whatever the locking did (the rules without a race are tested in
 * their areas' files, e.g. teams.test.ts and roles.test.ts).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildPerson, buildTeam } from "./support/factories.ts";
import {
  expectError,
  type Harness,
  invitationTokenOf,
  MINUTE,
  type OrgRef,
  type Reply,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";
import { skipWhen } from "./support/skip.ts";

const onPGlite = inject("keelEngine") === "pglite";

skipWhen(
  onPGlite &&
    "PGlite runs one transaction at a time, so nothing races there; run it with KEEL_TEST_ENGINE=postgres",
).describe("requests that race", () => {
  let h: Harness;
  let owner: SessionClient;
  let org: OrgRef;

  beforeAll(async () => {
    h = await startHarness();
    ({ owner, org } = await h.createOwnerWithOrg({
      person: { name: "Lotte Visser" },
      org: { name: "Van der Berg Logistics" },
    }));
  });
  afterAll(() => h?.close());

  const tally = (replies: Reply[]) => {
    const counts: Record<string, number> = {};
    for (const r of replies) {
      const key = `${r.status}${r.body?.error ? ` ${r.body.error.code}` : ""}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  };

  type TeamNode = { id: string; children: TeamNode[] };
  const countNodes = (nodes: TeamNode[]): number => nodes.reduce((n, t) => n + 1 + countNodes(t.children), 0);

  describe("moving two teams under each other at the same moment", () => {
    it("moves one of them and refuses the other: the tree never gets a loop", async () => {
      for (let round = 0; round < 5; round++) {
        const create = (name: string) =>
          h.ok("POST", `/api/orgs/${org.slug}/teams`, { as: owner, body: buildTeam({ name }) }, 201);
        const a = await create(`Hub Rotterdam ${round}`);
        const b = await create(`Hub Venlo ${round}`);
        const replies = await Promise.all([
          h.request("PATCH", `/api/orgs/${org.slug}/teams/${a.id}`, {
            as: owner,
            body: { version: a.version, parentId: b.id },
          }),
          h.request("PATCH", `/api/orgs/${org.slug}/teams/${b.id}`, {
            as: owner,
            body: { version: b.version, parentId: a.id },
          }),
        ]);
        const statuses = replies.map((r) => r.status).sort();
        expect(statuses[0], JSON.stringify(tally(replies))).toBe(200);
        expect([400, 409], JSON.stringify(tally(replies))).toContain(statuses[1]);
        // Every team is still reachable from a root.
        const teams = await h.ok("GET", `/api/orgs/${org.slug}/teams?limit=200`, { as: owner });
        const tree = await h.ok("GET", `/api/orgs/${org.slug}/teams/tree`, { as: owner });
        expect(countNodes(tree.roots)).toBe(teams.items.length);
      }
    });
  });

  describe("two owners demoting each other at the same moment", () => {
    it("lets one of them through and refuses the other: an owner always remains", async () => {
      for (let round = 0; round < 5; round++) {
        const { owner: first, org: o } = await h.createOwnerWithOrg();
        const second = await h.addPerson(first, o, "owner");
        const person = (userId: string) => h.ok("GET", `/api/orgs/${o.slug}/people/${userId}`, { as: first });
        const [p1, p2] = await Promise.all([person(first.userId), person(second.id)]);
        const replies = await Promise.all([
          h.request("PATCH", `/api/orgs/${o.slug}/people/${second.id}`, {
            as: first,
            body: { version: p2.version, role: "admin" },
          }),
          h.request("PATCH", `/api/orgs/${o.slug}/people/${first.userId}`, {
            as: second.client,
            body: { version: p1.version, role: "admin" },
          }),
        ]);
        const statuses = replies.map((r) => r.status).sort();
        expect(statuses, JSON.stringify(tally(replies))).toEqual([200, 409]);
        const people = await h.ok("GET", `/api/orgs/${o.slug}/people`, { as: first });
        expect(people.items.filter((p: { role: string }) => p.role === "owner")).toHaveLength(1);
      }
    });

    it("refuses a change based on a stale version even when the owner rule would allow it", async () => {
      const { owner: first, org: o } = await h.createOwnerWithOrg();
      const second = await h.addPerson(first, o, "owner");
      const p2 = await h.ok("GET", `/api/orgs/${o.slug}/people/${second.id}`, { as: first });
      await h.ok("PATCH", `/api/orgs/${o.slug}/people/${second.id}`, {
        as: first,
        body: { version: p2.version, title: "Fleet director" },
      });
      const stale = await h.request("PATCH", `/api/orgs/${o.slug}/people/${second.id}`, {
        as: first,
        body: { version: p2.version, role: "admin" },
      });
      expectError(stale, 409, "version_conflict");
    });
  });

  describe("creating the same thing twice at the same moment", () => {
    it("organisations of one name get the next free slug, never a 500", async () => {
      const replies = await Promise.all(
        [1, 2, 3, 4].map(() => h.request("POST", "/api/orgs", { as: owner, body: { name: "Twin Freight" } })),
      );
      expect(
        replies.map((r) => r.status),
        JSON.stringify(tally(replies)),
      ).toEqual([201, 201, 201, 201]);
      expect(replies.map((r) => r.body.slug).sort()).toEqual([
        "twin-freight",
        "twin-freight-2",
        "twin-freight-3",
        "twin-freight-4",
      ]);
    });

    it("one new person accepting three invitations at once gets one account: 200 once, 409 already_exists, never a 500", async () => {
      const person = buildPerson({ name: "Milan Jansen" });
      const links: string[] = [];
      for (let i = 0; i < 3; i++) {
        const added = await h.ok("POST", `/api/orgs/${org.slug}/people`, {
          as: owner,
          body: { name: person.name, email: person.email, role: "member" },
        });
        links.push(invitationTokenOf(added.url));
      }
      const replies = await Promise.all(
        links.map((token) =>
          h.request("POST", `/api/invitations/${token}/accept`, {
            body: { name: person.name, password: person.password },
          }),
        ),
      );
      const counts = tally(replies);
      expect(counts, JSON.stringify(counts)).toEqual({ 200: 1, "409 already_exists": 2 });
      // The loser is stopped by the service's check, or by the unique key when both passed it.
      for (const r of replies.filter((x) => x.status === 409)) {
        expect([
          `You are already a member of ${org.name}. Sign in to open it; an admin changes roles under People.`,
          "That already exists: someone created it at the same moment. Reload to see it.",
        ]).toContain(r.body.error.message);
      }
    });
  });

  describe("two reset links of one account used at the same moment", () => {
    it("one sets the password, the other is voided (410 gone), never a deadlock or a 500", async () => {
      const finn = await h.addPerson(owner, org, "member", { name: "Finn de Boer" });
      const links = [];
      for (let i = 0; i < 2; i++) {
        links.push(
          await h.ok("POST", `/api/orgs/${org.slug}/people/${finn.id}/password-reset`, { as: owner }),
        );
      }
      const replies = await Promise.all(
        links.map((link, i) =>
          h.request("POST", "/api/auth/password-reset", {
            body: { token: link.url.split("/").at(-1), newPassword: `Parallel-reset-${i}-password` },
          }),
        ),
      );
      expect(tally(replies)).toEqual({ 200: 1, "410 gone": 1 });
      const winner = replies.findIndex((r) => r.status === 200);
      await expect(h.signIn(finn.email, `Parallel-reset-${winner}-password`)).resolves.toMatchObject({
        email: finn.email,
      });
    });
  });

  describe("sign-in attempts at the same moment", () => {
    it("60 parallel wrong passwords for one account: 10 are checked, the other 50 get 429", async () => {
      const nina = await h.createUser({ name: "Noor Bos" });
      try {
        const replies = await Promise.all(
          Array.from({ length: 60 }, (_, i) =>
            h.request("POST", "/api/auth/sign-in", { body: { email: nina.email, password: `wrong-${i}` } }),
          ),
        );
        expect(tally(replies)).toEqual({ "401 invalid_credentials": 10, "429 rate_limited": 50 });
      } finally {
        // The address's window fills up too; start the next tests with a fresh one.
        h.clock.advance(16 * MINUTE);
      }
    });
  });
});
