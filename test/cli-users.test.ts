/**
 * `keel create-user` and `keel reset-password`, run in-process against this file's
 * database: the command opens the database through openForCommand, which is replaced
 * here by the harness's own connection.
 */
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Deps } from "../src/server/context.ts";
import { expectError, type Harness, startHarness } from "./support/harness.ts";

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
