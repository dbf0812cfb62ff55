// The leadership review in the demo: the strategy board by theme, then the strategy map,
// where an admin removes an edge from the list; axe-core finds nothing serious on either
// page in light or dark.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { skipWhen } from "../test/support/skip.ts";
import { apiCaller } from "./support/api.ts";
import { seriousAxeFindings } from "./support/axe.ts";
import { launchBrowser, noChromium, screenshot } from "./support/browser.ts";
import { DEMO_OWNER } from "./support/demo-owner.ts";
import { type DemoKeel, startDemoKeel } from "./support/keel.ts";

skipWhen(noChromium).describe("the strategy board and map", () => {
  let browser: Browser;
  let keel: DemoKeel;
  let base: string;
  let context: BrowserContext;
  let demo: string;

  beforeAll(async () => {
    keel = await startDemoKeel();
    base = keel.base;
    browser = await launchBrowser();
    // axe is injected as a script, which Keel's Content-Security-Policy would refuse.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const call = apiCaller(context.request, base);
    await call("POST", "/api/auth/sign-in", { email: DEMO_OWNER.email, password: DEMO_OWNER.password });
    demo = (await call("GET", "/api/auth/session")).organizations[0].slug;
  });
  afterAll(async () => {
    await browser?.close();
    await keel?.stop();
  });

  async function settle(page: Page) {
    await page.getByRole("navigation", { name: "Main" }).waitFor();
    await page.waitForLoadState("networkidle");
    await page
      .locator(".mantine-Skeleton-root")
      .first()
      .waitFor({ state: "detached" })
      .catch(() => {});
  }

  it("opens the board from the navigation, each theme with its counts, KPIs and Objectives", async () => {
    const page = await context.newPage();
    await page.goto(`${base}/o/${demo}`);
    await settle(page);
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Strategy board" })
      .click();
    await settle(page);
    await expect.poll(() => page.getByTestId("strategy-group").count()).toBeGreaterThanOrEqual(4);
    const financial = page.getByRole("region", { name: "Financial" });
    await expect
      .poll(() => financial.getByTestId("strategy-group-counts").textContent())
      .toMatch(/KPIs: \d+ green/);
    expect(
      await financial.getByRole("table", { name: "KPIs of Financial" }).getByRole("row").count(),
    ).toBeGreaterThan(1);
    expect(
      await financial.getByRole("table", { name: "Objectives of Financial" }).getByRole("link").count(),
    ).toBeGreaterThan(0);
    await screenshot(page, "strategy-board");
    await page.close();
  });

  it("shows the map with its edges as a list, and an admin removes one", async () => {
    const page = await context.newPage();
    await page.goto(`${base}/o/${demo}/strategy-map`);
    await settle(page);
    await page.getByTestId("strategy-map-canvas").locator(".react-flow__node").first().waitFor();
    const edges = page.getByRole("table", { name: "Cause and effect edges" });
    await expect.poll(() => edges.getByRole("row").count()).toBe(9); // header + the demo's 8
    expect(await page.locator(".react-flow__edge").count()).toBe(8);
    await screenshot(page, "strategy-map");
    await edges.getByRole("button", { name: /^Remove Theme: Customer → Theme: Financial$/ }).click();
    await expect.poll(() => edges.getByRole("row").count()).toBe(8);
    await page.close();
  });

  it("has no serious or critical axe finding on the board and the map in light, nor a contrast one in dark", async () => {
    const findings: string[] = [];
    for (const scheme of ["light", "dark"] as const) {
      const page = await context.newPage();
      await page.addInitScript((s) => localStorage.setItem("keel-color-scheme", s), scheme);
      for (const url of [`/o/${demo}/strategy`, `/o/${demo}/strategy-map`]) {
        await page.goto(`${base}${url}`);
        await settle(page);
        // Dark repeats only the rules that read colours: the markup is the same in both.
        for (const f of await seriousAxeFindings(page, { colourOnly: scheme === "dark" })) {
          findings.push(`${scheme} ${url}: ${f.id} (${f.impact}) ${f.help} at ${f.targets.join(", ")}`);
        }
      }
      await page.close();
    }
    expect(findings).toEqual([]);
  });
});
