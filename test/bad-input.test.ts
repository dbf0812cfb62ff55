/**
 * Input that once reached the database and failed there (500): each is now refused as a
 * validation error that names the field, and stores nothing. The property tests in
 * api-properties.test.ts search for more of these; this file pins the ones found.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTeam } from "./support/factories.ts";
import { instanceFingerprint } from "./support/fingerprint.ts";
import {
  expectError,
  type Harness,
  issueFields,
  type OrgRef,
  type Reply,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";

let h: Harness;
let owner: SessionClient;
let org: OrgRef;
beforeAll(async () => {
  h = await startHarness();
  ({ owner, org } = await h.createOwnerWithOrg({ org: { name: "Van der Berg Logistics" } }));
});
afterAll(() => h?.close());

/** Sends a request and checks that it was refused naming `field`, with nothing stored. */
async function refused(send: () => Promise<Reply>, field: string, status = 400, code = "validation_failed") {
  const before = await instanceFingerprint(h.db);
  const reply = await send();
  expectError(reply, status, code, field);
  expect(await instanceFingerprint(h.db)).toEqual(before);
  return reply;
}

describe("the NUL character, which PostgreSQL cannot store", () => {
  it("is refused in any text field of a body, naming the field", async () => {
    const teams = `/api/orgs/${org.slug}/teams`;
    await refused(
      () => h.request("POST", teams, { as: owner, body: buildTeam({ name: "Hub\u0000Rotterdam" }) }),
      "name",
    );
    await refused(
      () => h.request("POST", teams, { as: owner, body: buildTeam({ kind: "de\u0000pot" }) }),
      "kind",
    );
    await refused(
      () =>
        h.request("POST", `/api/orgs/${org.slug}/themes`, {
          as: owner,
          body: { name: "Safety", description: "\u0000" },
        }),
      "description",
    );
    await refused(
      () => h.request("POST", "/api/orgs", { as: owner, body: { name: "Maas\u0000Cargo" } }),
      "name",
    );
    await refused(
      () =>
        h.request("POST", `/api/orgs/${org.slug}/people`, {
          as: owner,
          body: { name: "Noor Bos", email: "noor.bos@vdberg-logistics.test", title: "Planner\u0000" },
        }),
      "title",
    );
  });

  it("is refused in search text and audit filters", async () => {
    for (const path of [
      `/api/orgs/${org.slug}/teams?q=%00`,
      `/api/orgs/${org.slug}/people?q=Lotte%00`,
      `/api/orgs/${org.slug}/cycles?q=%00`,
    ]) {
      expectError(await h.request("GET", path, { as: owner }), 400, "validation_failed", "q");
    }
    expectError(
      await h.request("GET", `/api/orgs/${org.slug}/audit?entityType=team%00`, { as: owner }),
      400,
      "validation_failed",
      "entityType",
    );
  });

  it("is refused in the path, even where the organisation is looked up", async () => {
    expectError(
      await h.request("GET", "/api/orgs/van-der-berg%00/teams", { as: owner }),
      400,
      "validation_failed",
      "path",
    );
    expectError(await h.request("GET", "/api/orgs/%00", { as: owner }), 400, "validation_failed", "path");
  });

  it("is refused inside a cursor", async () => {
    const cursor = Buffer.from(
      JSON.stringify({ k: "hub\u0000", id: "6f1c1d5e-6b55-4c49-9d63-0d5f0d8e0b9a" }),
    ).toString("base64url");
    expectError(
      await h.request("GET", `/api/orgs/${org.slug}/teams?cursor=${cursor}`, { as: owner }),
      400,
      "validation_failed",
      "cursor",
    );
  });

  it("is refused in passwords too (no keyboard types it), naming the field", async () => {
    const reply = await h.request("POST", "/api/auth/sign-in", {
      body: { email: owner.email, password: "Harbour\u0000lights" },
    });
    expectError(reply, 400, "validation_failed", "password");
  });
});

describe("numbers beyond what the database holds", () => {
  it("a version above 2^31 - 1 is refused, naming version", async () => {
    const team = await h.ok("POST", `/api/orgs/${org.slug}/teams`, { as: owner, body: buildTeam() });
    await refused(
      () =>
        h.request("PATCH", `/api/orgs/${org.slug}/teams/${team.id}`, {
          as: owner,
          body: { version: 2 ** 31, name: "X" },
        }),
      "version",
    );
    await refused(
      () => h.request("PATCH", `/api/orgs/${org.slug}`, { as: owner, body: { version: 1e20, weekStart: 2 } }),
      "version",
    );
  });
});

describe("bodies that are not what the route reads", () => {
  const teams = () => `/api/orgs/${org.slug}/teams`;

  it("malformed JSON is a validation error about the body", async () => {
    for (const raw of ["{", '{"name": "Hub Rotterdam",}', "not json"]) {
      await refused(
        () => h.request("POST", teams(), { as: owner, raw, contentType: "application/json" }),
        "body",
      );
    }
  });

  it("JSON that is not an object is a validation error", async () => {
    for (const body of [[], "Hub Rotterdam", 42, null]) {
      const before = await instanceFingerprint(h.db);
      expectError(await h.request("POST", teams(), { as: owner, body }), 400, "validation_failed");
      expect(await instanceFingerprint(h.db)).toEqual(before);
    }
  });

  it("a form post instead of JSON creates nothing", async () => {
    const before = await instanceFingerprint(h.db);
    const reply = await h.request("POST", teams(), {
      as: owner,
      raw: "name=Hub+Rotterdam",
      contentType: "application/x-www-form-urlencoded",
    });
    expectError(reply, 400, "validation_failed", "body");
    expect(reply.body.error.message).toBe("Send the body as JSON with Content-Type: application/json");
    expect(await instanceFingerprint(h.db)).toEqual(before);
  });

  it("a megabyte-long name is refused, naming name", async () => {
    await refused(
      () => h.request("POST", teams(), { as: owner, body: buildTeam({ name: "x".repeat(1_000_000) }) }),
      "name",
    );
  });

  it("fields the route does not know are refused, naming each, and nothing is stored", async () => {
    const other = await h.createOwnerWithOrg({ org: { name: "Maas Cargo" } });
    const reply = await h.request("POST", teams(), {
      as: owner,
      body: {
        ...buildTeam({ name: "Hub Venlo" }),
        organizationId: other.org.id,
        id: "6f1c1d5e-6b55-4c49-9d63-0d5f0d8e0b9a",
        version: 99,
      },
    });
    expectError(reply, 400, "validation_failed");
    expect(issueFields(reply)).toEqual(["organizationId", "id", "version"]);
    const ours = await h.ok("GET", `${teams()}?q=Venlo`, { as: owner });
    expect(ours.items).toEqual([]);
    const theirs = await h.ok("GET", `/api/orgs/${other.org.slug}/teams?q=Venlo`, { as: other.owner });
    expect(theirs.items).toEqual([]);
  });
});
