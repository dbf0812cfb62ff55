import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganization } from "./support/factories.ts";
import {
  expectError,
  type Harness,
  type OrgRef,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";

let h: Harness;
let owner: SessionClient;
let org: OrgRef;
beforeAll(async () => {
  h = await startHarness();
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Van der Berg Logistics", timeZone: "Europe/Amsterdam" },
  }));
});
afterAll(() => h?.close());

const current = () => h.ok("GET", `/api/orgs/${org.slug}`, { as: owner });
const patch = (body: Record<string, unknown>) =>
  h.request("PATCH", `/api/orgs/${org.slug}`, { as: owner, body });

describe("organisation settings", () => {
  it("shows the settings with the caller's role", async () => {
    expect(await current()).toMatchObject({
      slug: "van-der-berg-logistics",
      name: "Van der Berg Logistics",
      timeZone: "Europe/Amsterdam",
      weekStart: 1,
      fiscalYearStartMonth: 1,
      isDemo: false,
      role: "owner",
      version: 1,
    });
  });

  it("refuses bad values, naming each field, and changes nothing", async () => {
    const { version } = await current();
    expectError(await patch({ version, timeZone: "Europe/Rotterdam" }), 400, "validation_failed", "timeZone");
    expectError(await patch({ version, timeZone: "" }), 400, "validation_failed", "timeZone");
    expectError(await patch({ version, weekStart: 0 }), 400, "validation_failed", "weekStart");
    expectError(await patch({ version, weekStart: 8 }), 400, "validation_failed", "weekStart");
    expectError(await patch({ version, weekStart: 1.5 }), 400, "validation_failed", "weekStart");
    expectError(
      await patch({ version, fiscalYearStartMonth: 13 }),
      400,
      "validation_failed",
      "fiscalYearStartMonth",
    );
    expectError(await patch({ version, name: " " }), 400, "validation_failed", "name");
    expectError(await patch({ name: "Van der Berg" }), 400, "validation_failed", "version");
    expect((await current()).version).toBe(version);
  });

  it("updates name, time zone, week start and fiscal-year start; the slug stays", async () => {
    const { version } = await current();
    const reply = await patch({
      version,
      name: "Van der Berg Logistics Benelux",
      timeZone: "Europe/Brussels",
      weekStart: 7,
      fiscalYearStartMonth: 4,
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({
      slug: "van-der-berg-logistics",
      name: "Van der Berg Logistics Benelux",
      timeZone: "Europe/Brussels",
      weekStart: 7,
      fiscalYearStartMonth: 4,
      version: version + 1,
    });
    expect(await current()).toEqual(reply.body);
    const session = await h.ok("GET", "/api/auth/session", { as: owner });
    expect(session.organizations[0].name).toBe("Van der Berg Logistics Benelux");
  });

  it("refuses a save based on a stale version with 409 version_conflict", async () => {
    const loaded = await current();
    const admin = await h.addPerson(owner, org, "admin", { name: "Daan Bakker" });
    await h.ok("PATCH", `/api/orgs/${org.slug}`, {
      as: admin.client,
      body: { version: loaded.version, weekStart: 1 },
    });
    const stale = await patch({ version: loaded.version, timeZone: "Europe/London" });
    expectError(stale, 409, "version_conflict");
    expect(await current()).toMatchObject({
      weekStart: 1,
      timeZone: "Europe/Brussels",
      version: loaded.version + 1,
    });
  });
});

describe("creating more organisations", () => {
  it("validates the time zone, and gives each organisation its own slug", async () => {
    const bad = await h.request("POST", "/api/orgs", {
      as: owner,
      body: buildOrganization({ name: "Maas Cargo", timeZone: "Central European Time" }),
    });
    expectError(bad, 400, "validation_failed", "timeZone");

    const first = await h.ok(
      "POST",
      "/api/orgs",
      { as: owner, body: buildOrganization({ name: "Maas Cargo" }) },
      201,
    );
    const second = await h.ok(
      "POST",
      "/api/orgs",
      { as: owner, body: buildOrganization({ name: "Maas Cargo" }) },
      201,
    );
    expect([first.slug, second.slug]).toEqual(["maas-cargo", "maas-cargo-2"]);
    expect(second.role).toBe("owner");
    const session = await h.ok("GET", "/api/auth/session", { as: owner });
    expect(session.organizations.map((o: { slug: string }) => o.slug).sort()).toEqual(
      ["maas-cargo", "maas-cargo-2", "van-der-berg-logistics"].sort(),
    );
  });

  it("is for people signed in, not API tokens", async () => {
    const token = await h.createToken(owner, org, { kind: "service", name: "Provisioning", role: "admin" });
    const reply = await h.request("POST", "/api/orgs", {
      as: token.client,
      body: buildOrganization({ name: "Delta Parcel Services" }),
    });
    expectError(reply, 403, "forbidden");
  });
});

describe("OKR status bands", () => {
  it("start at the documented defaults", async () => {
    expect((await current()).okrStatusSettings).toEqual({
      staleAfterDays: 10,
      paceGraceDays: 14,
      onTrackPace: 0.8,
      offTrackPace: 0.5,
      onTrackConfidence: 6,
      offTrackConfidence: 3,
      objectiveOffTrackShare: 0.5,
    });
  });

  it("change one band at a time, keeping the others", async () => {
    const { version } = await current();
    const updated = await h.ok("PATCH", `/api/orgs/${org.slug}`, {
      as: owner,
      body: { version, okrStatusSettings: { staleAfterDays: 14 } },
    });
    expect(updated.okrStatusSettings).toMatchObject({ staleAfterDays: 14, onTrackPace: 0.8 });
    const again = await h.ok("PATCH", `/api/orgs/${org.slug}`, {
      as: owner,
      body: { version: updated.version, okrStatusSettings: { onTrackConfidence: 7 } },
    });
    expect(again.okrStatusSettings).toMatchObject({ staleAfterDays: 14, onTrackConfidence: 7 });
  });

  it("refuse bands out of order, naming the band, and change nothing", async () => {
    const before = await current();
    expectError(
      await patch({ version: before.version, okrStatusSettings: { offTrackPace: 0.9 } }),
      400,
      "validation_failed",
      "okrStatusSettings.offTrackPace",
    );
    expectError(
      await patch({ version: before.version, okrStatusSettings: { staleAfterDays: 0 } }),
      400,
      "validation_failed",
      "okrStatusSettings.staleAfterDays",
    );
    expect(await current()).toEqual(before);
  });
});
