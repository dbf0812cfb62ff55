/**
 * `keel create-user` and `keel reset-password`, run in-process against this file's
 * database: the command opens the database through openForCommand, which is replaced
 * here by the harness's own connection.
 */
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Deps } from "../src/server/context.ts";
import { expectError, type Harness, type SessionClient, startHarness } from "./support/harness.ts";

const cli = vi.hoisted(() => ({ deps: undefined as Deps | undefined }));
vi.mock("../src/cli/open-for-command.ts", () => ({
  openForCommand: async () => ({ deps: cli.deps!, database: undefined, done: async () => {} }),
}));

const { registerUserCommands } = await import("../src/cli/commands/users.ts");

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  cli.deps = h.deps;
});
afterAll(() => h?.close());

async function keel(...args: string[]) {
  const program = new Command().exitOverride();
  registerUserCommands(program);
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  try {
    await program.parseAsync(args, { from: "user" });
  } finally {
    log.mockRestore();
  }
}

describe("keel reset-password --password", () => {
  it("sets the password and ends every session of the account", async () => {
    const { owner, org } = await h.createOwnerWithOrg({ person: { name: "Lotte Visser" } });
    const laptop = await h.signIn(owner.email, owner.password);
    await keel("reset-password", "--email", owner.email, "--password", "Operator-chosen-1");
    for (const session of [owner, laptop]) {
      expectError(await h.request("GET", "/api/auth/session", { as: session }), 401, "unauthenticated");
      expectError(await h.request("GET", `/api/orgs/${org.slug}`, { as: session }), 401, "unauthenticated");
    }
    await expect(h.signIn(owner.email, "Operator-chosen-1")).resolves.toMatchObject({ email: owner.email });
  });
});

describe("keel create-user --org", () => {
  it("audits the new membership with the full person", async () => {
    const { owner, org } = await h.createOwnerWithOrg({ person: { name: "Daan Bakker" } });
    await keel(
      "create-user",
      "--email",
      "sanne.devries@example.test",
      "--name",
      "Sanne de Vries",
      "--password",
      "Sanne-password-1",
      "--org",
      org.slug,
    );
    const events = await h.ok("GET", `/api/orgs/${org.slug}/audit?entityType=membership&limit=1`, {
      as: owner,
    });
    const person = await h.ok("GET", `/api/orgs/${org.slug}/people/${events.items[0].entityId}`, {
      as: owner,
    });
    expect(events.items[0]).toMatchObject({
      action: "membership.created",
      actorLabel: "keel CLI",
      after: person,
    });
  });
});

describe("keel operator and create-user --operator", () => {
  const isOperator = async (opts: { as: SessionClient }) =>
    (await h.ok("GET", "/api/auth/session", opts)).user.isOperator;

  it("create-user --operator makes an account that may create organisations", async () => {
    await keel(
      "create-user",
      "--email",
      "ops@vdberg-logistics.test",
      "--name",
      "Milan Jansen",
      "--password",
      "Operator-password-1",
      "--operator",
    );
    const milan = await h.signIn("ops@vdberg-logistics.test", "Operator-password-1");
    expect(await isOperator({ as: milan })).toBe(true);
    await h.ok("POST", "/api/orgs", { as: milan, body: { name: "Rijn Freight" } }, 201);
  });

  it("keel operator names an existing account operator, and --remove takes it away", async () => {
    const tess = await h.createUser({ name: "Tess Mulder" });
    const client = await h.signIn(tess.email, tess.password);
    expectError(
      await h.request("POST", "/api/orgs", { as: client, body: { name: "Noord Express" } }),
      403,
      "forbidden",
    );
    await keel("operator", "--email", tess.email);
    expect(await isOperator({ as: client })).toBe(true);
    await h.ok("POST", "/api/orgs", { as: client, body: { name: "Noord Express" } }, 201);
    await keel("operator", "--email", tess.email, "--remove");
    expect(await isOperator({ as: client })).toBe(false);
  });

  it("keel operator refuses an unknown account", async () => {
    await expect(keel("operator", "--email", "nobody@vdberg-logistics.test")).rejects.toThrow(
      "An account for nobody@vdberg-logistics.test was not found.",
    );
  });
});

describe("keel reset-password voids outstanding links", () => {
  it("a link issued before the operator set the password no longer works", async () => {
    const { owner, org } = await h.createOwnerWithOrg({ person: { name: "Finn de Boer" } });
    const lars = await h.addPerson(owner, org, "member", { name: "Lars Peeters" });
    const link = await h.ok("POST", `/api/orgs/${org.slug}/people/${lars.id}/password-reset`, { as: owner });
    await keel("reset-password", "--email", lars.email, "--password", "Operator-chosen-2");
    const stale = await h.request("POST", "/api/auth/password-reset", {
      body: { token: link.url.split("/").at(-1), newPassword: "Someone-else-chose-2" },
    });
    expectError(stale, 410, "gone");
    await expect(h.signIn(lars.email, "Operator-chosen-2")).resolves.toMatchObject({ email: lars.email });
  });
});
