/**
 * Check-in reminders and the weekly digest, through a real SMTP server: sent at the
 * organisation's reminder hour in its time zone, one reminder per person per week,
 * written once however many instances run the slot (two instances on one database: on
 * PostgreSQL each with its own connection pool, so their claims really race), and the
 * digest honours each person's opt-out.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase, rowsOf } from "../src/db/client.ts";
import type { Deps } from "../src/server/context.ts";
import { sendDueEmails } from "../src/server/services/email/email-sender.ts";
import { runScheduledMail } from "../src/server/services/email/scheduled-mail-service.ts";
import {
  buildMetricKeyResult,
  buildMilestoneKeyResult,
  buildObjective,
  buildTeam,
  cycleAround,
} from "./support/factories.ts";
import { expectError, type Harness, type Member, startHarness } from "./support/harness.ts";
import { okrApi } from "./support/okr-api.ts";
import { linkIn, smtpEnv, startSmtpServer, type TestSmtpServer } from "./support/smtp.ts";

// A Monday. Amsterdam is UTC+1 in March: 08:00 UTC is the 09:00 reminder hour.
const MONDAY = "2027-03-01";
const BEFORE_HOUR = `${MONDAY}T07:30:00Z`;
const AT_HOUR = `${MONDAY}T08:05:00Z`;

let h: Harness;
let smtp: TestSmtpServer;
let second: { deps: Deps; close: () => Promise<void> };
let org: Awaited<ReturnType<Harness["createOwnerWithOrg"]>>["org"];
let owner: Awaited<ReturnType<Harness["createOwnerWithOrg"]>>["owner"];
let emma: Member;
let sem: Member;
let keyResults: Array<{ id: string; title: string }>;

/** Another Keel instance on the same database (its own pool on PostgreSQL). */
async function secondInstance(): Promise<{ deps: Deps; close: () => Promise<void> }> {
  if (h.engine !== "postgres") return { deps: { ...h.deps }, close: async () => {} };
  const database: Database = await openDatabase({ engine: "postgres", url: h.databaseUrl!, poolSize: 4 });
  return { deps: { ...h.deps, db: database.db }, close: () => database.close() };
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  h = await startHarness({ env: smtpEnv(smtp.port) });
  second = await secondInstance();
  h.clock.set(`${MONDAY}T06:00:00Z`);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Rijnmond Distribution", timeZone: "Europe/Amsterdam", weekStart: 1 },
  }));
  const settings = await h.ok("GET", `/api/orgs/${org.slug}`, { as: owner });
  expect(settings.reminderHour).toBe(9);
  emma = await h.addPerson(owner, org, "member", { name: "Emma Smit" });
  sem = await h.addPerson(owner, org, "member", { name: "Sem de Jong" });
  const okr = okrApi(h, org);
  const hub = await h.ok("POST", `${okr.base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Hub Rotterdam", leadUserId: emma.id }),
  });
  const cycle = await okr.createCycle(owner, { name: "Spring", ...cycleAround(MONDAY) });
  const draft = await okr.createObjective(
    owner,
    buildObjective({
      cycleId: cycle.id,
      teamId: hub.id,
      ownerUserId: emma.id,
      title: "Make Hub Rotterdam the hub customers trust",
      keyResults: [
        buildMetricKeyResult({ ownerUserId: emma.id, contributorUserIds: [sem.id] }),
        buildMilestoneKeyResult({ ownerUserId: emma.id }),
      ],
    }),
  );
  keyResults = (await okr.activate(owner, draft.id)).keyResults;
  // The invitations' mail is not what these tests look at.
  await sendDueEmails(h.deps);
  smtp.received.length = 0;
});
afterAll(async () => {
  await second?.close();
  await h?.close();
  await smtp?.close();
});

const queued = async (kind: string) =>
  rowsOf<{ to_address: string; subject: string }>(
    await h.db.execute(
      sql`select to_address, subject from email_outbox where kind = ${kind} and organization_id = ${org.id} order by to_address`,
    ),
  );

describe("check-in reminders", () => {
  it("wait for the organisation's reminder hour", async () => {
    h.clock.set(BEFORE_HOUR);
    expect(await runScheduledMail(h.deps)).toBe(0);
    expect(await queued("check_in_reminder")).toEqual([]);
  });

  it("are written once when two instances run the slot at the same moment", async () => {
    h.clock.set(AT_HOUR);
    const [a, b] = await Promise.all([
      runScheduledMail(h.deps, { instanceId: "keel-a" }),
      runScheduledMail(second.deps, { instanceId: "keel-b" }),
    ]);
    // Emma owes two check-ins, Sem one (a contributor); both get a digest too.
    expect(a + b).toBe(4);
    expect((await queued("check_in_reminder")).map((m) => m.to_address)).toEqual(
      [emma.email, sem.email].sort(),
    );
    const slots = rowsOf<{ slot_key: string; claimed_by: string; finished_at: unknown }>(
      await h.db.execute(sql`select slot_key, claimed_by, finished_at from scheduled_slots
        where slot_key like ${`%:${org.id}:%`} order by slot_key`),
    );
    expect(slots.map((s) => s.slot_key)).toEqual([
      `check-in-reminders:${org.id}:${MONDAY}`,
      `weekly-digest:${org.id}:${MONDAY}`,
    ]);
    expect(slots.every((s) => s.finished_at !== null)).toBe(true);
    // Run again by either instance later that hour: nothing new.
    expect(await runScheduledMail(second.deps, { instanceId: "keel-b" })).toBe(0);
  });

  it("name the person, their key results and a link to check in", async () => {
    await sendDueEmails(h.deps);
    const mail = smtp.received.find((m) => m.to.includes(emma.email) && m.subject.startsWith("Check-ins"))!;
    expect(mail.subject).toBe("Check-ins due in Rijnmond Distribution: 2 key results");
    expect(mail.text).toContain("Hello Emma Smit,");
    for (const kr of keyResults) {
      expect(mail.text).toContain(`${kr.title} (Make Hub Rotterdam the hub customers trust)`);
    }
    expect(linkIn(mail.text, "https://")).toBe(`https://okr.nordwind.example/o/${org.slug}/check-ins`);
    const semMail = smtp.received.find((m) => m.to.includes(sem.email) && m.subject.startsWith("Check-ins"))!;
    expect(semMail.subject).toBe("Check-ins due in Rijnmond Distribution: 1 key result");
  });

  it("go out once a week: the next days' slots remind nobody twice, the next week's again", async () => {
    h.clock.set(`2027-03-02T08:05:00Z`);
    expect(await runScheduledMail(h.deps)).toBe(0);
    // Emma checks in both KRs (one of them Sem's too) on Tuesday: when the week turns
    // they are due again, and each of them gets the new week's reminder.
    const okr = okrApi(h, org);
    await okr.checkIn(emma.client, keyResults[0]!.id, { value: 84, confidence: 7 });
    await okr.checkIn(emma.client, keyResults[1]!.id, { done: false, confidence: 6 });
    h.clock.set(`2027-03-08T08:05:00Z`);
    await runScheduledMail(h.deps);
    const reminders = await queued("check_in_reminder");
    expect(reminders.filter((m) => m.to_address === emma.email)).toHaveLength(2);
    expect(reminders.filter((m) => m.to_address === sem.email)).toHaveLength(2);
  });
});

describe("the weekly digest", () => {
  it("is switched off by the person, through the API", async () => {
    const path = `/api/orgs/${org.slug}/my/email-settings`;
    expect(await h.ok("GET", path, { as: sem.client })).toEqual({ weeklyDigest: true, emailEnabled: true });
    expectError(
      await h.request("PATCH", path, { as: sem.client, body: { weeklyDigest: "no" } }),
      400,
      "validation_failed",
      "weeklyDigest",
    );
    expect(await h.ok("PATCH", path, { as: sem.client, body: { weeklyDigest: false } })).toEqual({
      weeklyDigest: false,
      emailEnabled: true,
    });
    // Emma's own setting is untouched.
    expect((await h.ok("GET", path, { as: emma.client })).weeklyDigest).toBe(true);

    const before = (await queued("digest")).length;
    h.clock.set(`2027-03-15T08:05:00Z`);
    await runScheduledMail(h.deps);
    const digests = await queued("digest");
    expect(digests.length - before).toBe(1);
    expect(digests.filter((m) => m.to_address === sem.email)).toHaveLength(2);
    expect(digests.filter((m) => m.to_address === emma.email)).toHaveLength(3);
  });

  it("tells what was checked in and what is due", async () => {
    await sendDueEmails(h.deps);
    const digests = smtp.received.filter(
      (m) => m.to.includes(emma.email) && m.subject.startsWith("Your week"),
    );
    const second = digests[1]!;
    expect(second.subject).toBe("Your week in Rijnmond Distribution: 2 check-ins due");
    expect(second.text).toContain(
      `Checked in since last week: ${keyResults[0]!.title}; ${keyResults[1]!.title}.`,
    );
    expect(second.text).toContain(`https://okr.nordwind.example/account`);
  });
});

describe("the reminder hour", () => {
  it("is an organisation setting from 0 to 23 that admins change", async () => {
    const path = `/api/orgs/${org.slug}`;
    const { version } = await h.ok("GET", path, { as: owner });
    expectError(
      await h.request("PATCH", path, { as: owner, body: { version, reminderHour: 24 } }),
      400,
      "validation_failed",
      "reminderHour",
    );
    expectError(
      await h.request("PATCH", path, { as: emma.client, body: { version, reminderHour: 7 } }),
      403,
      "forbidden",
    );
    const changed = await h.ok("PATCH", path, { as: owner, body: { version, reminderHour: 7 } });
    expect(changed.reminderHour).toBe(7);
    // 06:30 UTC is 07:30 in Amsterdam: a new day's slot is due at the new hour.
    h.clock.set("2027-03-16T06:30:00Z");
    await runScheduledMail(h.deps);
    const slots = rowsOf<{ slot_key: string }>(
      await h.db.execute(
        sql`select slot_key from scheduled_slots where slot_key = ${`check-in-reminders:${org.id}:2027-03-16`}`,
      ),
    );
    expect(slots).toHaveLength(1);
  });
});
