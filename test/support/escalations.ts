/**
 * What the escalation tests (kpi-escalations-*.test.ts) share: Rijnmond Distribution, an
 * organisation whose teams cover each way an escalation finds its leads (a team with a
 * lead, one whose lead is the division's above, one with no lead anywhere above), the
 * people who receive and act on escalations, and helpers to enter values and to read and
 * act on escalations. Each file starts one of its own, since files get databases of their
 * own.
 */
import { addDays } from "../../src/domain/dates.ts";
import { periodStartOf } from "../../src/domain/kpi/periods.ts";
import { buildTeam } from "./factories.ts";
import { tenantFingerprint } from "./fingerprint.ts";
import { type Client, type Harness, type HarnessOptions, type Json, startHarnessWith } from "./harness.ts";
import { pinToNoon } from "./world.ts";

export type EscalationWorld = Awaited<ReturnType<typeof setUpOrganisation>>;

/**
 * Starts the harness at noon today and sets up the organisation: Lotte owns it, Daan is an
 * admin, Milan leads Operations (the division above Hub Rotterdam and Night Shift), Sanne
 * leads Hub Rotterdam, Emma owns the KPIs, Tess is a member with nothing to do with them,
 * Julia a viewer; Customs Desk has no lead anywhere above it. Call close() after the file.
 */
export async function startEscalationWorld(options: HarnessOptions = {}): Promise<EscalationWorld> {
  return startHarnessWith(setUpOrganisation, options);
}

async function setUpOrganisation(h: Harness) {
  const today = pinToNoon(h);
  const { owner, org } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Rijnmond Distribution" },
  });
  const base = `/api/orgs/${org.slug}`;
  const admin = await h.addPerson(owner, org, "admin", { name: "Daan Bakker" });
  /** Leads Operations, the division above Hub Rotterdam and Night Shift. */
  const milan = await h.addPerson(owner, org, "member", { name: "Milan Jansen" });
  /** Leads Hub Rotterdam. */
  const sanne = await h.addPerson(owner, org, "member", { name: "Sanne de Vries" });
  /** Owns the KPIs. */
  const emma = await h.addPerson(owner, org, "member", { name: "Emma Smit" });
  /** A member with nothing to do with these KPIs. */
  const tess = await h.addPerson(owner, org, "member", { name: "Tess Mulder" });
  const viewer = await h.addPerson(owner, org, "viewer", { name: "Julia Meijer" });
  const serviceToken = (
    await h.createToken(owner, org, { kind: "service", name: "Telematics feed", role: "admin" })
  ).client;
  const team = (body: Parameters<typeof buildTeam>[0]): Promise<Json> =>
    h.ok("POST", `${base}/teams`, { as: owner, body: buildTeam(body) });
  const operations = await team({ name: "Operations", kind: "division", leadUserId: milan.id });
  const hub = await team({ name: "Hub Rotterdam", parentId: operations.id, leadUserId: sanne.id });
  const nightShift = await team({ name: "Night Shift", parentId: operations.id });
  const customs = await team({ name: "Customs Desk" });

  let keySeq = 0;

  /** A weekly, higher-is-better percentage KPI: green from 92, red below 85. */
  async function createKpi(name: string, teamId: string, extra: Record<string, unknown> = {}): Promise<Json> {
    keySeq++;
    return h.ok(
      "POST",
      `${base}/kpis`,
      {
        as: owner,
        body: {
          key: `on_time_${keySeq}`,
          name,
          ownerUserId: emma.id,
          teamId,
          unit: "percent",
          direction: "higher_is_better",
          frequency: "weekly",
          aggregation: "average",
          closeAfterGreenPeriods: 2,
          bands: [{ effectiveFrom: "2020-01-06", target: 95, greenMin: 92, redMin: 85 }],
          ...extra,
        },
      },
      201,
    );
  }

  const weeksAgo = (n: number) => addDays(today, -7 * n);
  const weekOf = (n: number) =>
    periodStartOf(weeksAgo(n), "weekly", { weekStart: 1, fiscalYearStartMonth: 1 });

  /** Enters a value for the week `n` weeks back, as Emma (the owner enters her KPIs' values). */
  function enter(kpi: Json, n: number, value: number): Promise<Json> {
    return h.ok("POST", `${base}/kpis/${kpi.id}/measurements`, {
      as: emma.client,
      body: { date: weeksAgo(n), value, note: "" },
    });
  }

  async function list(query: string, as: Client = owner): Promise<Json[]> {
    return (await h.ok("GET", `${base}/escalations?${query}`, { as })).items;
  }

  const get = (id: string, as: Client = owner): Promise<Json> =>
    h.ok("GET", `${base}/escalations/${id}`, { as });

  const act = (id: string, step: "acknowledge" | "entries" | "resolve", body: unknown, as: Client) =>
    h.request("POST", `${base}/escalations/${id}/${step}`, { as, body });

  async function audit(entityId: string): Promise<Json[]> {
    return (await h.ok("GET", `${base}/audit?entityId=${entityId}&limit=200`, { as: owner })).items;
  }

  const fingerprint = () => tenantFingerprint(h.db, org.id);

  return {
    h,
    owner,
    org,
    base,
    today,
    admin,
    milan,
    sanne,
    emma,
    tess,
    viewer,
    serviceToken,
    operations,
    hub,
    nightShift,
    customs,
    createKpi,
    weeksAgo,
    weekOf,
    enter,
    list,
    get,
    act,
    audit,
    fingerprint,
    close: () => h.close(),
  };
}
