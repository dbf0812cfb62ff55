/**
 * What the inbox and home tests share: Noordkust Logistics, where Emma owns KRs and KPIs,
 * Milan is her manager and leads her team, Tess is a member with nothing of hers, Julia a
 * viewer; and a second organisation, Zuidhaven, where Emma is a member too. Helpers read
 * an inbox and check that its counts equal its list, and write what only the 1:1 feature
 * (being built beside this) and the KPI anomaly pass write: agenda items and notifications.
 */
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { oneOnOneAgendas, oneOnOneItems } from "../../src/db/schema.ts";
import { INBOX_KINDS } from "../../src/domain/inbox/inbox-order.ts";
import { insertNotifications } from "../../src/server/repositories/notification-repository.ts";
import { buildTeam } from "./factories.ts";
import { type Client, type Harness, type Json, startHarnessWith } from "./harness.ts";
import { okrApi } from "./okr-api.ts";
import { pinToNoon } from "./world.ts";

export type InboxWorld = Awaited<ReturnType<typeof setUp>>;

export async function startInboxWorld(): Promise<InboxWorld> {
  return startHarnessWith(setUp);
}

async function setUp(h: Harness) {
  const today = pinToNoon(h);
  const { owner, org } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Noordkust Logistics" },
  });
  const okr = okrApi(h, org);
  const base = okr.base;
  const milan = await h.addPerson(owner, org, "member", { name: "Milan Jansen" });
  const emma = await h.addPerson(owner, org, "member", { name: "Emma Smit" });
  const tess = await h.addPerson(owner, org, "member", { name: "Tess Mulder" });
  const viewer = await h.addPerson(owner, org, "viewer", { name: "Julia Meijer" });
  const hub = await h.ok("POST", `${base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Hub Groningen", leadUserId: milan.id }),
  });
  await h.ok("POST", `${base}/teams/${hub.id}/members`, { as: owner, body: { userId: emma.id } });
  const cycles: Json[] = (await h.ok("GET", `${base}/cycles`, { as: owner })).items;
  const cycle = cycles.find((c) => c.state === "active")!;

  const other = await h.createOwnerWithOrg({
    person: { name: "Bram Kok" },
    org: { name: "Zuidhaven Freight" },
  });
  const emmaThere = await h.addPerson(other.owner, other.org, "member", {
    email: emma.email,
    password: emma.password,
  });

  /** An inbox, with its counts checked against its list. */
  async function inboxOf(as: Client, slug = org.slug): Promise<Json> {
    const inbox = await h.ok("GET", `/api/orgs/${slug}/my/inbox`, { as });
    expect(inbox.total).toBe(inbox.items.length);
    for (const kind of INBOX_KINDS) {
      expect(inbox.counts[kind], kind).toBe(inbox.items.filter((i: Json) => i.kind === kind).length);
    }
    return inbox;
  }
  const itemsOf = async (as: Client, kind: string): Promise<Json[]> =>
    (await inboxOf(as)).items.filter((i: Json) => i.kind === kind);

  /** A weekly percentage KPI owned by Emma in her team, defined two months ago: green from 92, red below 85. */
  async function createKpi(key: string, name: string): Promise<Json> {
    const kpi = await h.ok(
      "POST",
      `${base}/kpis`,
      {
        as: owner,
        body: {
          key,
          name,
          ownerUserId: emma.id,
          teamId: hub.id,
          unit: "percent",
          direction: "higher_is_better",
          frequency: "weekly",
          aggregation: "average",
          bands: [{ effectiveFrom: "2020-01-06", target: 95, greenMin: 92, redMin: 85 }],
        },
      },
      201,
    );
    await h.db.execute(
      sql`update kpis set created_at = now() - interval '60 days' where organization_id = ${org.id} and id = ${kpi.id}`,
    );
    return kpi;
  }

  /** An agenda between Milan (manager) and Emma, as the 1:1 feature stores it, with its items. */
  async function agenda(status: "open" | "closed", titles: string[], orgId = org.id) {
    const [row] = await h.db
      .insert(oneOnOneAgendas)
      .values({ organizationId: orgId, managerUserId: milan.id, reportUserId: emma.id, status })
      .returning();
    const items = await h.db
      .insert(oneOnOneItems)
      .values(
        titles.map((title) => ({ organizationId: orgId, agendaId: row!.id, kind: "added" as const, title })),
      )
      .returning();
    return { agenda: row!, items };
  }

  /** A notification for a person, as the KPI anomaly pass writes one. */
  async function notify(userId: string, subjectId: string, title: string, orgId = org.id) {
    await insertNotifications(h.db, [
      {
        organizationId: orgId,
        userId,
        kind: "kpi_unusual",
        subjectKind: "kpi",
        subjectId,
        title,
        body: "Far outside its recent range.",
        dedupeKey: `kpi_unusual:${subjectId}:${title}`,
      },
    ]);
  }

  return {
    h,
    today,
    owner,
    org,
    okr,
    base,
    milan,
    emma,
    tess,
    viewer,
    hub,
    cycle,
    other,
    emmaThere,
    inboxOf,
    itemsOf,
    createKpi,
    agenda,
    notify,
    close: () => h.close(),
  };
}
