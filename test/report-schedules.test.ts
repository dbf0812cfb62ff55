/**
 * Scheduled reports by email: admins (and leads, for the teams they lead) manage the
 * schedules; at the organisation's reminder hour on the first day of the week (weekly) or
 * of the month (monthly), every recipient gets the consolidated report drawn with their
 * own rights, attached, through a real SMTP server. Two instances on one database send
 * each period once; a server that is down delays the reports and loses none.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase, rowsOf } from "../src/db/client.ts";
import type { Deps } from "../src/server/context.ts";
import { sendDueEmails } from "../src/server/services/email/email-sender.ts";
import { runScheduledMail } from "../src/server/services/email/scheduled-mail-service.ts";
import { buildMetricKeyResult, buildObjective, buildTeam, cycleAround } from "./support/factories.ts";
import {
  expectError,
  type Harness,
  type Json,
  type Member,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";
import { okrApi } from "./support/okr-api.ts";
import { csvFiles, NO_POPPLER, pdfPages } from "./support/report-downloads.ts";
import { type ReceivedMail, smtpEnv, startSmtpServer, type TestSmtpServer } from "./support/smtp.ts";

// Monday 1 March 2027: the first day of a week and of a month. Amsterdam is UTC+1 then,
// so 08:05 UTC is just past the 09:00 reminder hour.
const SUNDAY = "2027-02-28T12:00:00Z";
const BEFORE_HOUR = "2027-03-01T07:30:00Z";
const AT_HOUR = "2027-03-01T08:05:00Z";
const NEXT_MONDAY = "2027-03-08T08:05:00Z";
const SECRET = "Quietly renegotiate the Maersk terminal contract";
const OPEN = "Make Hub Rotterdam the hub customers trust";

let h: Harness;
let smtp: TestSmtpServer;
let second: { deps: Deps; close: () => Promise<void> };
let org: Awaited<ReturnType<Harness["createOwnerWithOrg"]>>["org"];
let owner: SessionClient;
let emma: Member;
let sem: Member;
let vera: Member;
let hub: Json;
let elsewhere: { team: Json; ownerId: string };
let base: string;

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
  h.clock.set(SUNDAY);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Rijnmond Distribution", timeZone: "Europe/Amsterdam", weekStart: 1 },
  }));
  base = `/api/orgs/${org.slug}`;
  emma = await h.addPerson(owner, org, "member", { name: "Emma Smit" });
  sem = await h.addPerson(owner, org, "member", { name: "Sem de Jong" });
  vera = await h.addPerson(owner, org, "viewer", { name: "Vera Bakker" });
  const okr = okrApi(h, org);
  hub = await h.ok("POST", `${base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Hub Rotterdam", leadUserId: emma.id }),
  });
  const cycle = await okr.createCycle(owner, { name: "Spring 2027", ...cycleAround("2027-03-01") });
  for (const [title, visibility] of [
    [OPEN, "organization"],
    [SECRET, "team"],
  ] as const) {
    const draft = await okr.createObjective(owner, {
      ...buildObjective({
        cycleId: cycle.id,
        teamId: hub.id,
        ownerUserId: emma.id,
        title,
        keyResults: [buildMetricKeyResult({ ownerUserId: emma.id })],
      }),
      visibility,
    });
    await okr.activate(owner, draft.id);
  }
  const other = await h.createOwnerWithOrg({ person: { name: "Piet Kok" }, org: { name: "Elders Freight" } });
  elsewhere = {
    team: await h.ok("POST", `/api/orgs/${other.org.slug}/teams`, {
      as: other.owner,
      body: buildTeam({ name: "Elders Depot" }),
    }),
    ownerId: other.owner.userId,
  };
  // The invitations' mail is not what these tests look at.
  await sendDueEmails(h.deps);
  smtp.received.length = 0;
});
afterAll(async () => {
  await second?.close();
  await h?.close();
  await smtp?.close();
});

const reportMails = async () =>
  rowsOf<{ to_address: string; subject: string; status: string }>(
    await h.db.execute(
      sql`select to_address, subject, status from email_outbox where kind = 'report' and organization_id = ${org.id}
        order by created_at, to_address`,
    ),
  );

describe("report schedules through the API", () => {
  it("are refused to viewers and to members who lead no team", async () => {
    expectError(await h.request("GET", `${base}/report-schedules`, { as: vera.client }), 403, "forbidden");
    expectError(
      await h.request("POST", `${base}/report-schedules`, {
        as: vera.client,
        body: { frequency: "weekly", recipientUserIds: [vera.id] },
      }),
      403,
      "forbidden",
    );
    expect(await h.ok("GET", `${base}/report-schedules`, { as: sem.client })).toEqual({ items: [] });
    expectError(
      await h.request("POST", `${base}/report-schedules`, {
        as: sem.client,
        body: { teamId: hub.id, frequency: "weekly", recipientUserIds: [sem.id] },
      }),
      403,
      "forbidden",
    );
  });

  it("refuse unknown teams, another organisation's team, and recipients who are not members, naming the field", async () => {
    const post = (body: Json) => h.request("POST", `${base}/report-schedules`, { as: owner, body });
    const valid = { frequency: "weekly", recipientUserIds: [emma.id] };
    expectError(await post({ ...valid, teamId: crypto.randomUUID() }), 400, "validation_failed", "teamId");
    expectError(await post({ ...valid, teamId: elsewhere.team.id }), 400, "validation_failed", "teamId");
    const outsider = await post({ ...valid, recipientUserIds: [emma.id, elsewhere.ownerId] });
    expectError(outsider, 400, "validation_failed", "recipientUserIds");
    expect(outsider.body.error.message).toContain(elsewhere.ownerId);
    expectError(await post({ ...valid, recipientUserIds: [] }), 400, "validation_failed", "recipientUserIds");
    expectError(
      await post({ ...valid, recipientUserIds: [emma.id, emma.id] }),
      400,
      "validation_failed",
      "recipientUserIds",
    );
    expectError(await post({ ...valid, frequency: "daily" }), 400, "validation_failed", "frequency");
    expectError(await post({ ...valid, format: "docx" }), 400, "validation_failed", "format");
    expectError(await post({ ...valid, sendTo: "all" }), 400, "validation_failed");
    expect(await reportSchedules()).toEqual([]);
  });

  it("are created, changed at their version, and deleted by admins, every change audited", async () => {
    const created = await h.ok(
      "POST",
      `${base}/report-schedules`,
      { as: owner, body: { frequency: "monthly", format: "csv", recipientUserIds: [sem.id, emma.id] } },
      201,
    );
    expect(created).toMatchObject({
      teamId: null,
      frequency: "monthly",
      format: "csv",
      recipientUserIds: [emma.id, sem.id].sort(),
      version: 1,
    });
    const path = `${base}/report-schedules/${created.id}`;
    // The same people in another order: no edit, no version, no audit entry.
    const same = await h.ok("PATCH", path, {
      as: owner,
      body: { version: 1, recipientUserIds: [emma.id, sem.id] },
    });
    expect(same.version).toBe(1);
    const changed = await h.ok("PATCH", path, { as: owner, body: { version: 1, format: "pdf" } });
    expect(changed).toMatchObject({ format: "pdf", version: 2 });
    expectError(
      await h.request("PATCH", path, { as: owner, body: { version: 1, format: "csv" } }),
      409,
      "version_conflict",
    );
    expectError(
      await h.request("PATCH", path, { as: owner, body: { version: 2, teamId: elsewhere.team.id } }),
      400,
      "validation_failed",
      "teamId",
    );
    await h.ok("DELETE", path, { as: owner });
    expectError(await h.request("GET", path, { as: owner }), 404, "not_found");

    const audit: Json[] = (
      await h.ok("GET", `${base}/audit?entityType=report_schedule&limit=50`, { as: owner })
    ).items;
    expect(audit.map((e) => e.action).reverse()).toEqual([
      "report_schedule.created",
      "report_schedule.updated",
      "report_schedule.deleted",
    ]);
    const updated = audit.find((e) => e.action === "report_schedule.updated")!;
    expect(updated.before).toMatchObject({ format: "csv", teamId: null });
    expect(updated.after).toMatchObject({ format: "pdf", teamId: null });
    expect(updated.entityLabel).toBe("monthly PDF report of the whole organisation");
  });

  it("are managed by a lead for the teams they lead, not for the whole organisation", async () => {
    const mine = await h.ok(
      "POST",
      `${base}/report-schedules`,
      { as: emma.client, body: { teamId: hub.id, frequency: "weekly", recipientUserIds: [emma.id, sem.id] } },
      201,
    );
    expectError(
      await h.request("POST", `${base}/report-schedules`, {
        as: emma.client,
        body: { frequency: "weekly", recipientUserIds: [emma.id] },
      }),
      403,
      "forbidden",
    );
    const orgWide = await h.ok(
      "POST",
      `${base}/report-schedules`,
      { as: owner, body: { frequency: "monthly", format: "csv", recipientUserIds: [emma.id, sem.id] } },
      201,
    );
    expect((await h.ok("GET", `${base}/report-schedules`, { as: emma.client })).items).toEqual([mine]);
    expect(
      (await h.ok("GET", `${base}/report-schedules`, { as: owner })).items.map((s: Json) => s.id),
    ).toEqual([mine.id, orgWide.id]);
    expectError(
      await h.request("PATCH", `${base}/report-schedules/${orgWide.id}`, {
        as: emma.client,
        body: { version: 1, format: "pdf" },
      }),
      403,
      "forbidden",
    );
    expectError(
      await h.request("PATCH", `${base}/report-schedules/${mine.id}`, {
        as: emma.client,
        body: { version: 1, teamId: null },
      }),
      403,
      "forbidden",
    );
  });
});

async function reportSchedules(): Promise<Json[]> {
  return (await h.ok("GET", `${base}/report-schedules`, { as: owner })).items;
}

const mailTo = (who: Member, subjectStart: string): ReceivedMail => {
  const found = smtp.received.filter((m) => m.to.includes(who.email) && m.subject.startsWith(subjectStart));
  expect(found, `${subjectStart} to ${who.name}`).toHaveLength(1);
  return found[0]!;
};

describe("sending scheduled reports", () => {
  it("waits for the reminder hour of the week's (and the month's) first day", async () => {
    h.clock.set(BEFORE_HOUR);
    await runScheduledMail(h.deps);
    expect(await reportMails()).toEqual([]);
  });

  it("writes each schedule's period once when two instances run it at the same moment", async () => {
    h.clock.set(AT_HOUR);
    await Promise.all([
      runScheduledMail(h.deps, { instanceId: "keel-a" }),
      runScheduledMail(second.deps, { instanceId: "keel-b" }),
    ]);
    // The weekly PDF of Hub Rotterdam and the monthly CSV of the organisation, to Emma and Sem.
    const mails = await reportMails();
    expect(mails.map((m) => m.to_address).sort()).toEqual(
      [emma.email, emma.email, sem.email, sem.email].sort(),
    );
    const slots = rowsOf<{ slot_key: string; finished_at: unknown }>(
      await h.db.execute(sql`select slot_key, finished_at from scheduled_slots
        where slot_key like ${`report-schedule:${org.id}:%`} order by slot_key`),
    );
    expect(slots).toHaveLength(2);
    expect(slots.every((s) => s.finished_at !== null)).toBe(true);
    await runScheduledMail(second.deps, { instanceId: "keel-b" });
    await runScheduledMail(h.deps, { instanceId: "keel-a" });
    expect(await reportMails()).toHaveLength(4);
  });

  it("attaches each recipient's own PDF: the team-visible Objective for its lead, not for others", async () => {
    await sendDueEmails(h.deps);
    const forEmma = mailTo(emma, "Weekly report");
    const forSem = mailTo(sem, "Weekly report");
    expect(forEmma.subject).toBe("Weekly report: Hub Rotterdam, Spring 2027");
    expect(forEmma.text).toContain("Hello Emma Smit,");
    expect(forEmma.text).toContain(`https://okr.nordwind.example/o/${org.slug}/reports?cycle=`);
    for (const mail of [forEmma, forSem]) {
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0]!.contentType).toBe("application/pdf");
      expect(mail.attachments[0]!.filename).toBe(`${org.slug}-hub-rotterdam-spring-2027.pdf`);
    }
    if (NO_POPPLER) return;
    const emmaText = pdfPages(forEmma.attachments[0]!.content).text.join("\n");
    const semText = pdfPages(forSem.attachments[0]!.content).text.join("\n");
    expect(emmaText).toContain(OPEN);
    expect(semText).toContain(OPEN);
    expect(emmaText).toContain(SECRET);
    expect(semText).not.toContain(SECRET);
  });

  it("attaches each recipient's own CSV zip for the monthly report", async () => {
    const objectivesOf = (who: Member) => {
      const mail = mailTo(who, "Monthly report");
      expect(mail.subject).toBe(`Monthly report: Rijnmond Distribution, Spring 2027`);
      expect(mail.attachments[0]!.contentType).toBe("application/zip");
      return csvFiles(mail.attachments[0]!.content)["objectives.csv"]!;
    };
    expect(objectivesOf(emma)).toContain(SECRET);
    const semCsv = objectivesOf(sem);
    expect(semCsv).toContain(OPEN);
    expect(semCsv).not.toContain(SECRET);
  });

  it("skips a recipient who is no longer a member, and a server that is down delays the report, losing none", async () => {
    const person = await h.ok("GET", `${base}/people/${sem.id}`, { as: owner });
    await h.ok("PATCH", `${base}/people/${sem.id}`, {
      as: owner,
      body: { version: person.version, status: "deactivated" },
    });
    const port = smtp.port;
    await smtp.close();
    h.clock.set(NEXT_MONDAY);
    await runScheduledMail(h.deps);
    const weekly = (await reportMails()).filter((m) => m.status === "pending");
    expect(weekly.map((m) => m.to_address)).toEqual([emma.email]);
    const down = await sendDueEmails(h.deps);
    expect(down.sent).toBe(0);
    expect((await reportMails()).filter((m) => m.status === "pending")).toHaveLength(1);

    smtp = await startSmtpServer(port);
    h.clock.set("2027-03-08T08:15:00Z");
    const up = await sendDueEmails(h.deps);
    expect(up.sent).toBeGreaterThanOrEqual(1);
    const mail = mailTo(emma, "Weekly report");
    expect(mail.attachments[0]!.content.subarray(0, 5).toString()).toBe("%PDF-");
    expect(smtp.received.some((m) => m.to.includes(sem.email) && m.subject.includes("report"))).toBe(false);
    expect((await reportMails()).every((m) => m.status === "sent")).toBe(true);
    // Sent, the files are not kept in the outbox.
    const kept = rowsOf<{ n: number }>(
      await h.db.execute(sql`select count(*)::int as n from email_outbox
        where kind = 'report' and organization_id = ${org.id} and attachments is not null`),
    );
    expect(kept[0]!.n).toBe(0);
  });
});
