/**
 * An unusual KPI value in the browser: the board card shows an "Unusual" badge whose
 * tooltip (and screen-reader text) gives the reason, and the KPI page says it beside the
 * current value. Values are loaded through the API; what is checked is what people see.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningServer } from "../scripts/lib/keel-process.ts";
import { addDays, todayIn } from "../src/domain/dates.ts";
import { skipWhen } from "../test/support/skip.ts";
import { apiCaller } from "./support/api.ts";
import { seriousAxeFindings } from "./support/axe.ts";
import { launchBrowser, noChromium, screenshot } from "./support/browser.ts";
import { startKeelOnFreePort } from "./support/keel.ts";

const org = "harbour-freight";
const STEADY = [1012, 987, 1003, 995, 1021, 978, 1008, 990, 1015, 1001, 984, 1010, 996, 1019, 989, 1005];

skipWhen(noChromium).describe("an unusual KPI value in the browser", () => {
  let browser: Browser;
  let server: RunningServer;
  let dir: string;
  let base: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-e2e-unusual-"));
    ({ server, base } = await startKeelOnFreePort({ KEEL_DATA_DIR: dir }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("shows the badge with its reason on the card and the reason on the KPI page", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const call = apiCaller(context.request, base);
    await call("POST", "/api/setup", {
      start: "own",
      organizationName: "Harbour Freight",
      name: "Lotte Visser",
      email: "lotte@harbour-freight.example",
      password: "a long harbour password",
    });
    const session = await call("GET", "/api/auth/session");
    const [team] = (await call("GET", `/api/orgs/${org}/teams`)).items;
    const kpi = await call("POST", `/api/orgs/${org}/kpis`, {
      key: "parcels_scanned",
      name: "Parcels scanned",
      ownerUserId: session.user.id,
      teamId: team.id,
      unit: "count",
      direction: "higher_is_better",
      frequency: "weekly",
      aggregation: "sum",
    });
    const today = todayIn("Europe/Amsterdam", new Date());
    await call("POST", `/api/orgs/${org}/measurements/bulk`, {
      measurements: STEADY.map((value, i) => ({
        kpi: kpi.key,
        date: addDays(today, -7 * (STEADY.length - i)),
        value,
      })),
    });
    // A small write is judged before it answers; by then the bulk load is judged too.
    await call("POST", `/api/orgs/${org}/kpis/${kpi.id}/measurements`, { date: today, value: 640, note: "" });
    const read = await call("GET", `/api/orgs/${org}/kpis/${kpi.id}`);
    expect(read.current.unusual?.direction).toBe("below");

    const page = await context.newPage();
    await page.goto(`${base}/o/${org}/kpis`);
    const badge = page.getByTestId("kpi-unusual-badge");
    await badge.waitFor();
    expect(await badge.getAttribute("title")).toBe(`Unusual: ${read.current.unusual.reason}`);
    // The word and the reason are text, not colour alone.
    expect(await badge.textContent()).toBe(`Unusual: ${read.current.unusual.reason}`);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, "kpi-unusual-board");

    await page.goto(`${base}/o/${org}/kpis/${kpi.id}`);
    const note = page.getByTestId("kpi-unusual-note");
    await note.waitFor();
    expect(await note.textContent()).toContain(read.current.unusual.reason);
    expect(read.current.unusual.reason).toMatch(/σ below its 16-week level$/);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await context.close();
  });
});
