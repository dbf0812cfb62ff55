/**
 * `keel seed-demo` run in-process against this file's database (openForCommand replaced by
 * the harness's connection): on an instance nobody has set up, it is the setup, so its
 * owner becomes the first operator.
 */
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Deps } from "../src/server/context.ts";
import { type Harness, startHarness } from "./support/harness.ts";

const cli = vi.hoisted(() => ({ deps: undefined as Deps | undefined }));
vi.mock("../src/cli/open-for-command.ts", () => ({
  openForCommand: async () => ({ deps: cli.deps!, database: undefined, done: async () => {} }),
}));

const { registerSeedDemo } = await import("../src/cli/commands/seed-demo.ts");

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  cli.deps = h.deps;
});
afterAll(() => h?.close());

async function keel(...args: string[]) {
  const program = new Command().exitOverride();
  registerSeedDemo(program);
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  try {
    await program.parseAsync(args, { from: "user" });
  } finally {
    log.mockRestore();
  }
}

describe("keel seed-demo", () => {
  it("on a fresh instance makes the demo's owner its first operator; a later run makes nobody operator", async () => {
    await keel(
      "seed-demo",
      "--email",
      "priya@example.test",
      "--name",
      "Priya Kaya",
      "--password",
      "Demo-password-1",
    );
    const priya = await h.signIn("priya@example.test", "Demo-password-1");
    const session = await h.ok("GET", "/api/auth/session", { as: priya });
    expect(session.user.isOperator).toBe(true);
    expect(session.organizations).toEqual([
      expect.objectContaining({ slug: "nordwind-logistics", role: "owner" }),
    ]);

    await keel(
      "seed-demo",
      "--email",
      "ruben@example.test",
      "--name",
      "Ruben de Wit",
      "--password",
      "Demo-password-2",
    );
    const ruben = await h.signIn("ruben@example.test", "Demo-password-2");
    expect((await h.ok("GET", "/api/auth/session", { as: ruben })).user.isOperator).toBe(false);
  });
});
