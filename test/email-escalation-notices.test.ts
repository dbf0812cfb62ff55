/**
 * Escalation notices through a real SMTP server: when a KPI turns red, the people the
 * escalation routes to (the KPI's owner and the team's lead) are mailed once, with why it
 * is theirs and a link to it; others are not, and the KPI staying red mails nobody again.
 * The organisation: support/escalations.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendDueEmails } from "../src/server/services/email/email-sender.ts";
import { type EscalationWorld, startEscalationWorld } from "./support/escalations.ts";
import { linkIn, smtpEnv, startSmtpServer, type TestSmtpServer } from "./support/smtp.ts";

let smtp: TestSmtpServer;
let world: EscalationWorld;

beforeAll(async () => {
  smtp = await startSmtpServer();
  world = await startEscalationWorld({ env: smtpEnv(smtp.port) });
  // The invitations' mail is not what this file looks at.
  await sendDueEmails(world.h.deps);
  smtp.received.length = 0;
});
afterAll(async () => {
  await world?.close();
  await smtp?.close();
});

describe("an escalation that opens", () => {
  it("is mailed to the KPI's owner and the team's lead, once", async () => {
    const { h, org, emma, sanne, tess, hub } = world;
    const kpi = await world.createKpi("On-time departures", hub.id);
    await world.enter(kpi, 1, 80);
    const [escalation] = await world.list(`kpiId=${kpi.id}`);
    expect(escalation).toBeDefined();
    // Still red a week later: the open escalation is not opened again, nor mailed.
    await world.enter(kpi, 0, 79);
    await sendDueEmails(h.deps);

    const notices = smtp.received.filter((m) => m.subject.startsWith("Escalation"));
    expect(notices.map((m) => m.to[0]).sort()).toEqual([emma.email, sanne.email].sort());
    expect(notices.some((m) => m.to.includes(tess.email))).toBe(false);
    const toEmma = notices.find((m) => m.to.includes(emma.email))!;
    expect(toEmma.subject).toBe(`Escalation in ${org.name}: On-time departures`);
    expect(toEmma.text).toContain("Hello Emma Smit,");
    expect(toEmma.text).toContain('"On-time departures" turned red: 80');
    expect(toEmma.text).toContain("because you own this KPI");
    const toSanne = notices.find((m) => m.to.includes(sanne.email))!;
    expect(toSanne.text).toContain("because you lead the KPI's team");
    expect(linkIn(toSanne.text, "https://")).toBe(
      `https://okr.nordwind.example/o/${org.slug}/escalations/${escalation.id}`,
    );
  });
});
