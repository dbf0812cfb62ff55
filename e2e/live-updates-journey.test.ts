/**
 * Live updates in the browser: a KPI page open in one tab shows a value posted through
 * the API a moment later, without a reload (server-sent events refresh its queries), and
 * the webhooks section of the settings page passes axe.
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

const org = "dockside-logistics";

skipWhen(noChromium).describe("live updates in the browser", () => {
  let browser: Browser;
  let server: RunningServer;
  let dir: string;
  let base: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-e2e-live-"));
    ({ server, base } = await startKeelOnFreePort({ KEEL_DATA_DIR: dir }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("shows a value posted elsewhere on the open KPI page without a reload", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const call = apiCaller(context.request, base);
    await call("POST", "/api/setup", {
      start: "own",
      organizationName: "Dockside Logistics",
      name: "Anouk de Wit",
      email: "anouk@dockside.example",
      password: "a long dockside password",
    });
    const session = await call("GET", "/api/auth/session");
    const [team] = (await call("GET", `/api/orgs/${org}/teams`)).items;
    const kpi = await call("POST", `/api/orgs/${org}/kpis`, {
      key: "trucks_turned",
      name: "Trucks turned around",
      ownerUserId: session.user.id,
      teamId: team.id,
      unit: "count",
      direction: "higher_is_better",
      frequency: "weekly",
      aggregation: "sum",
    });
    const today = todayIn("Europe/Amsterdam", new Date());
    await call("POST", `/api/orgs/${org}/kpis/${kpi.id}/measurements`, {
      date: addDays(today, -7),
      value: 412,
      note: "",
    });

    const page = await context.newPage();
    await page.goto(`${base}/o/${org}/kpis/${kpi.id}`);
    await page.getByText("412").first().waitFor();
    const loads = { count: 0 };
    page.on("framenavigated", () => loads.count++);

    await call("POST", `/api/orgs/${org}/kpis/${kpi.id}/measurements`, { date: today, value: 587, note: "" });
    await page.getByText("587").first().waitFor({ timeout: 10_000 });
    expect(loads.count).toBe(0);
    await screenshot(page, "live-kpi-value");

    await page.goto(`${base}/o/${org}/admin/settings`);
    await page.getByRole("heading", { name: "Webhooks" }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await context.close();
  });
});
