import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTheme } from "./support/factories.ts";
import {
  expectError,
  type Harness,
  type OrgRef,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";

type Theme = {
  id: string;
  name: string;
  description: string;
  perspective: string | null;
  position: number;
  archived: boolean;
  version: number;
};

let h: Harness;
let owner: SessionClient;
let org: OrgRef;
beforeAll(async () => {
  h = await startHarness();
  ({ owner, org } = await h.createOwnerWithOrg({ org: { name: "Van der Berg Logistics" } }));
});
afterAll(() => h?.close());

const themes = async (): Promise<Theme[]> =>
  (await h.ok("GET", `/api/orgs/${org.slug}/themes`, { as: owner })).items;
const byName = async (name: string) => (await themes()).find((t) => t.name === name)!;
const patch = (id: string, body: Record<string, unknown>) =>
  h.request("PATCH", `/api/orgs/${org.slug}/themes/${id}`, { as: owner, body });

describe("strategic themes", () => {
  it("start as the four Balanced Scorecard perspectives, in order", async () => {
    const list = await themes();
    expect(list.map((t) => [t.position, t.name, t.perspective, t.archived])).toEqual([
      [0, "Financial", "financial", false],
      [1, "Customer", "customer", false],
      [2, "Internal process", "internal_process", false],
      [3, "Learning & growth", "learning_growth", false],
    ]);
    for (const t of list) expect(t.description.length).toBeGreaterThan(10);
  });

  it("can be renamed, keeping the perspective it came from", async () => {
    const customer = await byName("Customer");
    const reply = await patch(customer.id, {
      version: customer.version,
      name: "Shipper experience",
      description: "On-time delivery, damage-free freight and easy claims.",
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({
      name: "Shipper experience",
      perspective: "customer",
      position: 1,
      version: customer.version + 1,
    });
  });

  it("an organisation adds its own themes at the end", async () => {
    const reply = await h.request("POST", `/api/orgs/${org.slug}/themes`, {
      as: owner,
      body: buildTheme({ name: "Sustainable fleet" }),
    });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({
      name: "Sustainable fleet",
      description: "Electric trucks and fewer empty kilometres.",
      perspective: null,
      position: 4,
      archived: false,
      version: 1,
    });
    const names = (await themes()).map((t) => t.name);
    expect(names.at(-1)).toBe("Sustainable fleet");
  });

  it("archives and restores a theme", async () => {
    const fleet = await byName("Sustainable fleet");
    const archived = await patch(fleet.id, { version: fleet.version, archived: true });
    expect(archived.status, archived.text).toBe(200);
    expect((await byName("Sustainable fleet")).archived).toBe(true);
    const restored = await patch(fleet.id, { version: archived.body.version, archived: false });
    expect(restored.body.archived).toBe(false);
  });

  it("validates names and descriptions, naming the field", async () => {
    const post = (body: Record<string, unknown>) =>
      h.request("POST", `/api/orgs/${org.slug}/themes`, { as: owner, body });
    expectError(await post({ name: "  " }), 400, "validation_failed", "name");
    expectError(await post({ name: "x".repeat(81) }), 400, "validation_failed", "name");
    expectError(
      await post({ name: "Safety", description: "y".repeat(1001) }),
      400,
      "validation_failed",
      "description",
    );
    const financial = await byName("Financial");
    expectError(await patch(financial.id, { name: "Money" }), 400, "validation_failed", "version");
  });

  it("refuses a stale version with 409 version_conflict", async () => {
    const financial = await byName("Financial");
    await patch(financial.id, { version: financial.version, name: "Financial health" });
    const stale = await patch(financial.id, { version: financial.version, name: "Profitability" });
    expectError(stale, 409, "version_conflict");
    expect((await themes()).map((t) => t.name)).toContain("Financial health");
  });

  it("an unknown theme is 404", async () => {
    expectError(
      await patch("00000000-0000-4000-8000-000000000000", { version: 1, name: "Ghost" }),
      404,
      "not_found",
    );
  });
});
