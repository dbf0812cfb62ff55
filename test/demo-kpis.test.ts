/**
 * The demo's KPIs, through the API: about forty KPIs over the four divisions with two
 * years of history ending at each one's latest due period, the revenue tree computed
 * from its inputs, exactly two KPIs red with open escalations, floors for this quarter,
 * corrections kept in history, and a connector that reads the demo's own API. The app
 * also listens on a real port here, so the connector's run goes over HTTP to itself.
 */
import net, { type AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayIn } from "../src/domain/dates.ts";
import { latestDuePeriod, nextPeriodStart, periodStartOf } from "../src/domain/kpi/periods.ts";
import { type Harness, type Json, type SessionClient, startHarness } from "./support/harness.ts";

const slug = "nordwind-logistics";
let opts: { weekStart: number; fiscalYearStartMonth: number };
let h: Harness;
let owner: SessionClient;
let server: ReturnType<typeof serve>;
let kpis: Json[];
let teams: Json[];
let today: string;
const byKey = (key: string) => {
  const kpi = kpis.find((k) => k.key === key);
  if (!kpi) throw new Error(`no KPI ${key}`);
  return kpi;
};
const api = (path: string) => `/api/orgs/${slug}${path}`;
const get = (path: string) => h.ok("GET", api(path), { as: owner });
const seriesOf = async (kpi: Json): Promise<Array<{ periodStart: string; value: number }>> =>
  (await get(`/kpis/${kpi.id}/series?from=${addDays(today, -800)}&to=${today}`)).points;

/** A free port on loopback, so the demo's connector URL can point at this test's server. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  h = await startHarness({ env: { KEEL_PUBLIC_URL: `http://127.0.0.1:${port}` } });
  server = serve({ fetch: h.app.fetch, port, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const reply = await h.request("POST", "/api/setup", {
    body: {
      start: "demo",
      name: "Priya Kaya",
      email: "priya.kaya@example.com",
      password: "demo password 2026",
    },
  });
  expect(reply.status).toBe(201);
  owner = await h.signIn("priya.kaya@example.com", "demo password 2026");
  today = todayIn("Europe/Berlin", h.deps.now());
  const org = await h.ok("GET", `/api/orgs/${slug}`, { as: owner });
  opts = { weekStart: org.weekStart, fiscalYearStartMonth: org.fiscalYearStartMonth };
  kpis = (await get("/kpis?limit=200")).items;
  teams = (await get("/teams?limit=200")).items;
});
afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await h?.close();
});

describe("the demo's KPI definitions", () => {
  it("has about forty KPIs on teams that run KPIs, in all four divisions", () => {
    expect(kpis.length).toBeGreaterThanOrEqual(38);
    expect(kpis.length).toBeLessThanOrEqual(50);
    expect(new Set(kpis.map((k) => k.key)).size).toBe(kpis.length);
    const team = new Map(teams.map((t) => [t.id, t]));
    expect(kpis.every((k) => team.get(k.teamId)?.methodology !== "okr")).toBe(true);
    const divisionOf = (teamId: string): string => {
      const t = team.get(teamId);
      if (t.kind === "division") return t.name;
      return t.parentId ? divisionOf(t.parentId) : t.name;
    };
    const divisions = new Set(kpis.map((k) => divisionOf(k.teamId)));
    for (const d of ["Operations", "Commercial", "Technology", "Corporate Services"])
      expect(divisions).toContain(d);
  });

  it("mixes units, directions and frequencies, with at most two daily KPIs, each on a strategic theme", () => {
    const count = (field: string, value: string) => kpis.filter((k) => k[field] === value).length;
    expect(count("frequency", "daily")).toBeGreaterThan(0);
    expect(count("frequency", "daily")).toBeLessThanOrEqual(2);
    expect(count("frequency", "weekly")).toBeGreaterThan(10);
    expect(count("frequency", "monthly")).toBeGreaterThan(10);
    for (const d of ["higher_is_better", "lower_is_better", "within_range"])
      expect(count("direction", d)).toBeGreaterThan(0);
    for (const u of ["number", "currency", "percent", "duration", "count"])
      expect(count("unit", u)).toBeGreaterThan(0);
    expect(kpis.every((k) => k.themeId !== null && k.bands.length > 0)).toBe(true);
    expect(kpis.filter((k) => k.unit === "currency").every((k) => k.currency === "EUR")).toBe(true);
  });

  it("has targets that step up each quarter and a target raised for this quarter", () => {
    const revenue = byKey("revenue");
    expect(revenue.bands.length).toBeGreaterThanOrEqual(8);
    const steps = revenue.bands.map((b: Json) => b.greenMin);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(steps.at(-1)).toBeGreaterThan(steps[0]);
    const active = h.ok("GET", api("/cycles"), { as: owner });
    return active.then((cycles) => {
      const startsOn = cycles.items.find((c: Json) => c.state === "active").startsOn;
      const onTime = byKey("on_time_delivery");
      expect(onTime.bands.at(-1).effectiveFrom).toBe(startsOn);
      expect(onTime.bandsInForce.greenMin).toBeGreaterThan(onTime.bands[0].greenMin);
    });
  });
});

describe("the demo's KPI values", () => {
  it("reach back two years and end at each KPI's latest due period", async () => {
    for (const kpi of kpis) {
      const due = latestDuePeriod(today, kpi.frequency, opts);
      expect(kpi.current.periodStart, kpi.key).toBe(due);
      if (kpi.key === "hub_hamburg_headcount") continue; // its connector may have added this month
      if (kpi.frequency === "daily") continue; // below, with its 730 values
      const points = await seriesOf(kpi);
      expect(points.at(-1)?.periodStart, kpi.key).toBe(due);
      expect(points.length, kpi.key).toBe(kpi.frequency === "weekly" ? 104 : 24);
    }
    const daily = kpis.find((k) => k.frequency === "daily");
    const points = (await get(`/kpis/${daily.id}/series?from=${addDays(today, -1000)}&to=${today}`)).points;
    expect(points.length).toBe(730);
  });

  it("has exactly two KPIs red now, each with an open escalation, and no missing values", () => {
    const red = kpis.filter((k) => k.current.status === "red").map((k) => k.key);
    expect(red.sort()).toEqual(["dso", "on_time_delivery"]);
    expect(
      kpis
        .filter((k) => k.openEscalation)
        .map((k) => k.key)
        .sort(),
    ).toEqual(["dso", "on_time_delivery"]);
    expect(kpis.some((k) => k.current.status === "no_data")).toBe(false);
    expect(kpis.filter((k) => k.current.status === "amber").length).toBeGreaterThan(0);
  });

  it("computes the revenue tree from its inputs, period by period", async () => {
    const tree = await get(`/kpis/${byKey("revenue").id}/tree`);
    const keys = tree.nodes.map((n: Json) => n.key).sort();
    expect(keys).toEqual(
      [
        "contract_logistics_revenue",
        "parcel_revenue",
        "parcels_delivered",
        "revenue",
        "revenue_per_parcel",
      ].sort(),
    );
    const [revenue, parcel, contract, parcels, perParcel] = await Promise.all(
      [
        "revenue",
        "parcel_revenue",
        "contract_logistics_revenue",
        "parcels_delivered",
        "revenue_per_parcel",
      ].map((k) => seriesOf(byKey(k))),
    );
    expect(revenue!.length).toBe(24);
    revenue!.forEach((point, i) => {
      expect(parcel![i]!.value).toBeCloseTo(parcels![i]!.value * perParcel![i]!.value, 4);
      expect(point.value).toBeCloseTo(parcel![i]!.value + contract![i]!.value, 4);
    });
    const acv = byKey("new_business_acv");
    expect(acv.formula).toBe("qualified_leads * win_rate / 100 * avg_deal_size");
    const page = await get(`/kpis/${acv.id}/measurements?limit=5`);
    expect(page.items.every((m: Json) => m.source === "formula")).toBe(true);
  });

  it("keeps corrected values in history with the reason", async () => {
    const ebit = byKey("ebit_margin");
    const page = (await get(`/kpis/${ebit.id}/measurements?limit=24`)).items;
    const corrected = page.filter((m: Json) => m.revision > 1);
    expect(corrected).toHaveLength(1);
    expect(corrected[0].note).toMatch(/restated/i);
    const versions = (await get(`/kpis/${ebit.id}/measurements/${corrected[0].periodStart}/versions`)).items;
    expect(versions).toHaveLength(2);
    expect(versions[1].note).toMatch(/preliminary/i);
    expect(versions[1].value).not.toBe(versions[0].value);
  });
});

describe("the demo's escalations, floors and connector", () => {
  it("lists the two open escalations with their people and story, and last winter's resolved one", async () => {
    const open = (await get("/escalations?state=unresolved")).items;
    expect(open.map((e: Json) => e.kpi.key).sort()).toEqual(["dso", "on_time_delivery"]);
    const onTime = open.find((e: Json) => e.kpi.key === "on_time_delivery");
    expect(onTime.state).toBe("acknowledged");
    expect(onTime.recipients.map((r: Json) => r.role).sort()).toEqual(["lead", "owner"]);
    expect(onTime.entries.map((e: Json) => e.kind)).toEqual(["opened", "acknowledged", "note", "action"]);
    expect(onTime.periodStart < onTime.entries.at(-1).createdAt.slice(0, 10)).toBe(true);
    const dso = open.find((e: Json) => e.kpi.key === "dso");
    expect(dso.state).toBe("open");
    expect(dso.value).toBe(byKey("dso").current.value);
    const resolved = (await get("/escalations?state=resolved")).items;
    expect(resolved.map((e: Json) => e.kpi.key)).toEqual(["fleet_availability"]);
    expect(resolved[0].resolvedByName).toBeTruthy();
    // Their audit trail is dated when it happened.
    const audit = (await get(`/audit?entityType=escalation&limit=50`)).items;
    expect(audit.length).toBeGreaterThanOrEqual(8);
    expect(audit.every((a: Json) => a.at.slice(0, 10) <= today)).toBe(true);
  });

  it("gives the demo's owner KPIs of their own to enter values for, and an open escalation to answer", async () => {
    const entry = (await get("/kpi-entry")).items;
    expect(entry.map((i: Json) => i.kpi.key).sort()).toEqual(["dso", "lost_time_injury_rate"]);
    for (const item of entry) {
      expect(item.kpi.ownerUserId).toBe(owner.userId);
      expect(item.value, item.kpi.key).toBeNull();
    }
    const inbox = (await get("/escalations?state=unresolved&mine=true")).items;
    expect(inbox.map((e: Json) => e.kpi.key)).toEqual(["dso"]);
    expect(inbox[0].recipients.find((r: Json) => r.userId === owner.userId)?.role).toBe("owner");
  });

  it("sets floors for the active quarter on two teams, none of them breached", async () => {
    const cycles = (await get("/cycles")).items;
    const active = cycles.find((c: Json) => c.state === "active");
    for (const name of ["Urban Delivery", "Key Accounts"]) {
      const team = teams.find((t) => t.name === name);
      const floors = (await get(`/kpi-floors?teamId=${team.id}&cycleId=${active.id}`)).items;
      expect(floors.length, name).toBe(2);
      expect(floors.every((f: Json) => !f.breached && f.kpi.status !== "red")).toBe(true);
    }
  });

  it("reads Hub Hamburg's headcount from the demo's own API through its connector", async () => {
    const kpi = byKey("hub_hamburg_headcount");
    const hub = teams.find((t) => t.name === "Hub Hamburg");
    const connector = await get(`/kpis/${kpi.id}/connector`);
    expect(connector.kind).toBe("http_json");
    expect(connector.url).toMatch(new RegExp(`/api/orgs/${slug}/teams/${hub.id}$`));
    expect(connector.headerNames).toEqual(["Authorization"]);
    expect(connector.credentialsError).toBeNull();
    const run = await h.ok("POST", api(`/kpis/${kpi.id}/connector/run`), { as: owner });
    expect(run.error).toBeNull();
    expect(run.outcome).toBe("succeeded");
    expect(run.value).toBe(hub.memberCount);
  });

  it("audits every definition once, and no value", async () => {
    const created = (await get("/audit?action=kpi.created&limit=200")).items;
    expect(created.length).toBe(kpis.length);
    const values = (await get("/audit?entityType=kpi_measurement&limit=5")).items;
    expect(values).toHaveLength(0);
  });
});

describe("where the demo's OKRs meet its KPIs", () => {
  it("links the company's on-time KR to the red on-time KPI for this quarter", async () => {
    const kpi = byKey("on_time_delivery");
    const read = await get(`/kpis/${kpi.id}/key-results`);
    const cycles = (await get("/cycles?limit=50")).items;
    const active = cycles.find((c: Json) => c.state === "active");
    expect(read.promotedIn).toEqual([{ cycleId: active.id, cycleName: active.name }]);
    expect(read.keyResults).toEqual([
      expect.objectContaining({ title: "Raise on-time delivery from 91.2% to 96%", cycleId: active.id }),
    ]);
    const objective = await get(`/objectives/${read.keyResults[0].objectiveId}`);
    expect(objective.description).toContain("stand between");
    const kr = objective.keyResults.find((k: Json) => k.id === read.keyResults[0].keyResultId);
    expect(kr.kpi).toMatchObject({ id: kpi.id, status: kpi.current.status, value: kpi.current.value });
    expect(kr.currentValue).toBe(kpi.current.value);
  });
});

describe("last quarter's promotion and the baseline it left", () => {
  it("shows the met returns KR and the new band series entry from the KPI's next period", async () => {
    const kpi = byKey("returns_within_72h");
    const previous = (await get("/cycles?limit=50")).items.find((c: Json) => c.state === "closed");
    const read = await get(`/kpis/${kpi.id}/key-results`);
    expect(read.promotions).toHaveLength(1);
    const promotion = read.promotions[0];
    expect(promotion).toMatchObject({
      cycleId: previous.id,
      keyResultTitle: "Returns processed within 72 hours from 66% to 72%",
      outcome: "met",
      baseline: "accepted",
      baselineEffectiveFrom: nextPeriodStart(periodStartOf(previous.endsOn, "weekly", opts), "weekly"),
    });
    expect(promotion.finalValue).toBeGreaterThanOrEqual(72);
    // The KR's final value is the KPI's value in the quarter's last week: it read the KPI.
    const series = await seriesOf(kpi);
    const lastWeek = series.filter((p) => p.periodStart <= previous.endsOn).at(-1)!;
    expect(lastWeek.value).toBe(promotion.finalValue);

    // Target and thresholds moved by the same step, from the week after the quarter.
    const detail = await get(`/kpis/${kpi.id}`);
    const step = promotion.finalValue - 72;
    const entry = detail.bands.find((b: Json) => b.effectiveFrom === promotion.baselineEffectiveFrom);
    expect(entry.target).toBeCloseTo(promotion.finalValue, 9);
    expect(entry.greenMin).toBeCloseTo(68 + step, 9);
    expect(entry.redMin).toBeCloseTo(58 + step, 9);
    expect(detail.bands.filter((b: Json) => b.effectiveFrom < entry.effectiveFrom)).not.toEqual([]);
    const audit = (await get(`/audit?entityId=${promotion.id}&action=kpi_promotion.baseline_accepted`)).items;
    expect(audit).toHaveLength(1);
    // Nothing waits for a decision: the story is over.
    expect((await get("/baseline-offers")).items).toEqual([]);
  });
});

describe("the demo's driver tree", () => {
  it("shows what moves customer satisfaction and the key accounts' NPS, across teams, with statuses", async () => {
    const csat = byKey("csat");
    const tree = await get(`/kpis/${csat.id}/driver-tree`);
    const keyOf = (id: string) => tree.nodes.find((n: Json) => n.id === id)?.key;
    const driversOf = (key: string) =>
      tree.edges
        .filter((e: Json) => keyOf(e.kpiId) === key)
        .sort((a: Json, b: Json) => a.position - b.position)
        .map((e: Json) => keyOf(e.driverKpiId));
    expect(driversOf("csat")).toEqual([
      "on_time_delivery",
      "damage_claims_rate",
      "first_response_time",
      "first_attempt_delivery_rate",
    ]);
    // Upwards only the edge from csat is followed; the NPS's own tree shows all its drivers.
    expect(driversOf("key_account_nps")).toEqual(["csat"]);
    const nps = await get(`/kpis/${byKey("key_account_nps").id}/driver-tree?depth=1`);
    expect(nps.edges.map((e: Json) => nps.nodes.find((n: Json) => n.id === e.driverKpiId).key)).toEqual([
      "csat",
      "on_time_delivery",
    ]);
    expect(driversOf("on_time_delivery")).toEqual(["fleet_availability", "first_attempt_delivery_rate"]);
    expect(new Set(tree.nodes.map((n: Json) => n.teamName)).size).toBeGreaterThanOrEqual(3);
    for (const node of tree.nodes) {
      expect(node.status).toBe(byKey(node.key).current.status);
      expect(node.value).toBe(byKey(node.key).current.value);
    }
    expect(tree.can.editDrivers).toBe(true);
    const events = (await get(`/audit?entityType=kpi&entityId=${csat.id}&action=kpi.drivers_changed`)).items;
    expect(events).toHaveLength(1);
  });
});
