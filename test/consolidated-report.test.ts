/**
 * The consolidated report (docs/reports.md) on a small organisation built by hand:
 * Kustlijn Cargo, where Operations (OKRs and KPIs, led by Milan) has Hub Noord (OKRs only)
 * below it, and Finance runs KPIs only. What each section holds, whose eyes it is for,
 * bad input, an empty cycle, and the CSV zip and PDF built from the same model.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/domain/dates.ts";
import {
  buildMetricKeyResult,
  buildObjective,
  buildPercentageKeyResult,
  buildTeam,
  cycleAround,
} from "./support/factories.ts";
import {
  expectError,
  type Harness,
  type Json,
  type Member,
  type OrgRef,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";
import { okrApi } from "./support/okr-api.ts";
import { csvFiles, download, NO_POPPLER, pdfPages } from "./support/report-downloads.ts";
import { skipWhen } from "./support/skip.ts";
import { pinToNoon } from "./support/world.ts";

const SECRET = "Renegotiate the Rotterdam lease before anyone hears";

let h: Harness;
let owner: SessionClient;
let org: OrgRef;
let okr: ReturnType<typeof okrApi>;
let milan: Member;
let sanne: Member;
let viewer: Member;
let today: string;
let cycle: Json;
let planned: Json;
let operations: Json;
let hubNoord: Json;
let finance: Json;
let dso: Json;

const reportPath = (query: string, kind = "") => `${okr.base}/reports/consolidated${kind}?${query}`;
const report = (query: string, as: SessionClient = owner) => h.ok("GET", reportPath(query), { as });

beforeAll(async () => {
  h = await startHarness();
  today = pinToNoon(h);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Kustlijn Cargo" },
  }));
  okr = okrApi(h, org);
  milan = await h.addPerson(owner, org, "member", { name: "Milan Jansen" });
  sanne = await h.addPerson(owner, org, "member", { name: "Sanne de Boer" });
  viewer = await h.addPerson(owner, org, "viewer", { name: "Julia Meijer" });
  const team = (body: Parameters<typeof buildTeam>[0]): Promise<Json> =>
    h.ok("POST", `${okr.base}/teams`, { as: owner, body: buildTeam(body) });
  // A new organisation starts with a company team named after it: the divisions sit below it.
  const company: Json = (await h.ok("GET", `${okr.base}/teams?q=Kustlijn`, { as: owner })).items[0];
  operations = await team({
    name: "Operations",
    kind: "division",
    parentId: company.id,
    leadUserId: milan.id,
  });
  hubNoord = await team({ name: "Hub Noord", parentId: operations.id, methodology: "okr" });
  finance = await team({ name: "Finance", kind: "division", parentId: company.id, methodology: "kpi" });
  await h.ok("POST", `${okr.base}/teams/${operations.id}/members`, { as: owner, body: { userId: milan.id } });

  cycle = await okr.createCycle(owner, { name: "Autumn quarter", ...cycleAround(today) });
  planned = await okr.createCycle(
    owner,
    { name: "Winter quarter", ...cycleAround(addDays(today, 120)) },
    "planning",
  );

  const objective = async (teamId: string, title: string, krs: Json[], visibility = "organization") => {
    const draft = await okr.createObjective(milan.client, {
      ...buildObjective({ cycleId: cycle.id, teamId, ownerUserId: milan.id, title, keyResults: krs }),
      visibility,
    });
    return okr.activate(milan.client, draft.id);
  };
  const dwell = await objective(operations.id, "Cut dwell time at every hub", [
    buildMetricKeyResult({
      title: "-20 % hours a trailer waits at the dock",
      startValue: 10,
      targetValue: 8,
      unit: "h",
      ownerUserId: milan.id,
    }),
  ]);
  await okr.checkIn(milan.client, dwell.keyResults[0].id, {
    value: 9,
    confidence: 7,
    note: "Two docks re-slotted",
  });
  await objective(
    operations.id,
    SECRET,
    [buildPercentageKeyResult({ title: "Lease signed", ownerUserId: milan.id })],
    "team",
  );
  await objective(hubNoord.id, "Make Hub Noord the quietest hub to work at", [
    buildPercentageKeyResult({ title: "Night forklifts swapped for electric ones", ownerUserId: milan.id }),
  ]);

  // Finance: days sales outstanding, lower is better, red above 60; one value red.
  dso = await h.ok(
    "POST",
    `${okr.base}/kpis`,
    {
      as: owner,
      body: {
        key: "dso",
        name: "@Risk days sales outstanding",
        ownerUserId: sanne.id,
        teamId: finance.id,
        unit: "number",
        direction: "lower_is_better",
        frequency: "weekly",
        aggregation: "average",
        bands: [{ effectiveFrom: "2020-01-06", target: 45, greenMax: 50, redMax: 60 }],
      },
    },
    201,
  );
  for (const [weeksAgo, value] of [
    [3, 48],
    [2, 55],
    [1, 64],
  ] as const) {
    await h.ok("POST", `${okr.base}/kpis/${dso.id}/measurements`, {
      as: sanne.client,
      body: { date: addDays(today, -7 * weeksAgo), value, note: "" },
    });
  }
  await h.ok("POST", `${okr.base}/kpi-floors`, {
    as: owner,
    body: { teamId: finance.id, cycleId: cycle.id, kpiId: dso.id, ownerUserId: sanne.id, threshold: 70 },
  });
});
afterAll(() => h?.close());

describe("the consolidated report's contents", () => {
  it("gives each team of the organisation its sections, depth first, by its methodology", async () => {
    const r = await report(`cycleId=${cycle.id}`);
    expect(r.organization.name).toBe("Kustlijn Cargo");
    expect(r.subtree).toBeNull();
    expect(r.cycle).toMatchObject({ id: cycle.id, name: "Autumn quarter", state: "active" });
    expect(r.teams.map((t: Json) => [t.name, t.depth])).toEqual([
      ["Kustlijn Cargo", 0],
      ["Finance", 1],
      ["Operations", 1],
      ["Hub Noord", 2],
    ]);
    const [, fin, ops, hub] = r.teams;
    // A KPI-only team shows no OKR section; an OKR-only one with no KPIs no KPI section.
    expect(fin.okrs).toBeNull();
    expect(hub.kpis).toBeNull();
    expect(ops.okrs.objectives.map((o: Json) => o.title)).toEqual(["Cut dwell time at every hub", SECRET]);
    expect(ops.okrs.objectives[0].keyResults[0]).toMatchObject({
      title: "-20 % hours a trailer waits at the dock",
      currentValue: 9,
      progress: 0.5,
      lastConfidence: 7,
    });
    expect(ops.okrs.health.total).toBe(2);
    expect(fin.kpis.kpis).toHaveLength(1);
    expect(fin.kpis.kpis[0]).toMatchObject({ key: "dso", value: 64, status: "red", target: 45 });
    expect(fin.kpis.kpis[0].values.map((v: Json) => v.value)).toEqual([48, 55, 64]);
    expect(fin.kpis.floors.map((f: Json) => [f.kpi.key, f.threshold, f.breached])).toEqual([
      ["dso", 70, false],
    ]);
    expect(fin.kpis.escalations.map((e: Json) => [e.kpiKey, e.reason, e.value])).toEqual([
      ["dso", "red", 64],
    ]);
    // The linter summary counts what the health check lists for the team.
    const check = await h.ok("GET", `${okr.base}/health-check?cycleId=${cycle.id}&teamId=${operations.id}`, {
      as: owner,
    });
    expect(check.open).toBeGreaterThan(0);
    expect(ops.okrs.lint.open).toBe(check.open);
    expect(ops.okrs.lint.byRule.reduce((s: number, r: Json) => s + r.open, 0)).toBe(check.open);
    expect(r.totals).toMatchObject({
      teams: 4,
      objectives: 3,
      keyResults: 3,
      kpis: 1,
      floors: 1,
      escalations: 1,
    });
  });

  it("narrows to a team's subtree and defaults to the running cycle", async () => {
    const r = await report(`teamId=${operations.id}`);
    expect(r.subtree).toEqual({ id: operations.id, name: "Operations" });
    expect(r.cycle.id).toBe(cycle.id);
    expect(r.teams.map((t: Json) => t.name)).toEqual(["Operations", "Hub Noord"]);
    expect(r.teams[0].parentId).toBeNull();
    expect(r.teams[1].parentId).toBe(operations.id);
  });

  it("shows a member outside the team its team-visible Objective without its text, anywhere", async () => {
    const r = await report(`cycleId=${cycle.id}`, sanne.client);
    const secret = r.teams[2].okrs.objectives[1];
    expect(secret).toMatchObject({ title: null, restricted: true, keyResults: [] });
    expect(JSON.stringify(r)).not.toContain("Rotterdam lease");
    expect(JSON.stringify(r)).not.toContain("Lease signed");
    const zip = await download(h, reportPath(`cycleId=${cycle.id}`, ".csv.zip"), sanne.client);
    expect(Object.values(csvFiles(zip.bytes)).join("\n")).not.toContain("Rotterdam lease");
    // The lead of the team reads it.
    const lead = await report(`cycleId=${cycle.id}`, milan.client);
    expect(lead.teams[2].okrs.objectives[1].title).toBe(SECRET);
  });

  it("is readable by viewers", async () => {
    expect((await report(`cycleId=${cycle.id}`, viewer.client)).totals.objectives).toBe(3);
  });
});

describe("bad input", () => {
  it("answers 404 naming the field for another organisation's team and an unknown cycle", async () => {
    const other = await h.createOwnerWithOrg({
      person: { name: "Pieter Smit" },
      org: { name: "Delta Haulage" },
    });
    const theirs: Json = await h.ok("POST", `/api/orgs/${other.org.slug}/teams`, {
      as: other.owner,
      body: buildTeam({ name: "Delta Ops" }),
    });
    for (const kind of ["", ".csv.zip", ".pdf"]) {
      expectError(
        await h.request("GET", reportPath(`teamId=${theirs.id}`, kind), { as: owner }),
        404,
        "not_found",
        "teamId",
      );
      expectError(
        await h.request("GET", reportPath(`cycleId=${crypto.randomUUID()}`, kind), { as: owner }),
        404,
        "not_found",
        "cycleId",
      );
      expectError(
        await h.request("GET", reportPath("teamId=hub-noord", kind), { as: owner }),
        400,
        "validation_failed",
        "teamId",
      );
    }
  });

  it("gives an empty cycle an empty, well-formed report", async () => {
    const r = await report(`teamId=${hubNoord.id}&cycleId=${planned.id}`);
    expect(r.teams).toHaveLength(1);
    expect(r.teams[0].okrs.objectives).toEqual([]);
    expect(r.totals).toMatchObject({ objectives: 0, kpis: 0, escalations: 0, floors: 0 });
    const zip = await download(
      h,
      reportPath(`teamId=${hubNoord.id}&cycleId=${planned.id}`, ".csv.zip"),
      owner,
    );
    const files = csvFiles(zip.bytes);
    for (const name of [
      "objectives.csv",
      "key_results.csv",
      "kpis.csv",
      "kpi_values.csv",
      "floors.csv",
      "escalations.csv",
      "lint_summary.csv",
    ]) {
      expect(files[name]?.split("\r\n").filter(Boolean), name).toHaveLength(1);
    }
  });
});

describe("the CSV zip", () => {
  it("holds one file per table, neutralises formula-like text and leaves numbers as numbers", async () => {
    const zip = await download(h, reportPath(`cycleId=${cycle.id}`, ".csv.zip"), owner);
    expect(zip.status).toBe(200);
    expect(zip.type).toBe("application/zip");
    expect(zip.disposition).toMatch(/^attachment; filename="kustlijn-cargo-autumn-quarter\.zip"$/);
    const files = csvFiles(zip.bytes);
    expect(Object.keys(files).sort()).toEqual([
      "escalations.csv",
      "floors.csv",
      "key_results.csv",
      "kpi_values.csv",
      "kpis.csv",
      "lint_summary.csv",
      "objectives.csv",
      "report.csv",
      "teams.csv",
    ]);
    expect(files["key_results.csv"]).toContain(
      ",'-20 % hours a trailer waits at the dock,metric,Milan Jansen,10,8,9,",
    );
    expect(files["kpis.csv"]).toContain(`Finance,${dso.id},dso,'@Risk days sales outstanding,Sanne de Boer,`);
    expect(files["kpi_values.csv"]).toContain("Finance,dso,");
    expect(files["kpi_values.csv"]).toMatch(/,64\r\n$/);
    expect(files["escalations.csv"]?.split("\r\n")[0]).toBe(
      "team,kpi_key,kpi_name,reason,state,period_start,value,opened_at,acknowledged_by,resolved_at,resolution",
    );
  });
});

skipWhen(NO_POPPLER).describe("the PDF", () => {
  it("has a cover naming the organisation, subtree, cycle and date, then a page per team", async () => {
    const pdf = await download(h, reportPath(`cycleId=${cycle.id}`, ".pdf"), owner);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe("application/pdf");
    const { pages, text } = pdfPages(pdf.bytes);
    expect(pages).toBe(4);
    expect(text[0]).toContain("Organisation: Kustlijn Cargo");
    expect(text[0]).toContain("Subtree: Whole organisation");
    expect(text[0]).toContain("Cycle: Autumn quarter");
    expect(text[0]).toContain(`Date: ${today}`);
    expect(text[1]).toContain("Finance");
    expect(text[1]).toContain("@Risk days sales outstanding: 3 values");
    expect(text[1]).not.toContain("OKRs");
    expect(text[2]).toContain("Operations");
    expect(text[2]).toContain(SECRET);
    expect(text[3]).toContain("Hub Noord");
  });

  it("keeps a team-visible Objective's text from a member outside the team", async () => {
    const pdf = await download(h, reportPath(`cycleId=${cycle.id}`, ".pdf"), sanne.client);
    const { text } = pdfPages(pdf.bytes);
    expect(text.join("\n")).not.toContain("Rotterdam lease");
    expect(text.join("\n")).toContain("An Objective visible to its team only");
  });

  it("says there is nothing in an empty cycle", async () => {
    const pdf = await download(h, reportPath(`teamId=${hubNoord.id}&cycleId=${planned.id}`, ".pdf"), owner);
    const { pages, text } = pdfPages(pdf.bytes);
    expect(pages).toBe(1);
    expect(text[0]).toContain("Subtree: Hub Noord");
    expect(text[0]).toContain("Nothing in this cycle");
  });
});
