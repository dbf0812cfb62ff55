// Health KPIs in the browser, on the demo: the OKR list badges the cost Objective whose
// guard (on-time delivery) is red, its page shows the strip of its health KPIs, the form
// adds a suggested one, and the KPI's page names its theme and the Objectives it guards.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { skipWhen } from "../test/support/skip.ts";
import { noChromium } from "./support/browser.ts";
import { type DemoJourney, openDemoJourney } from "./support/demo-journey.ts";
import type { DemoKeel } from "./support/keel.ts";

const exact = { exact: true };
const costTitle = "Deliver every parcel for less, without cutting corners";

skipWhen(noChromium).describe("health KPIs in the browser", () => {
  let browser: Browser;
  let keel: DemoKeel;
  let base: string;
  let context: BrowserContext;
  let call: DemoJourney["call"];
  let demo: string;

  beforeAll(async () => {
    ({ keel, base, browser, context, call, demo } = await openDemoJourney());
  });
  afterAll(async () => {
    await browser?.close();
    await keel?.stop();
  });

  it("badges a red guard in the list, shows the strip, adds a suggested KPI and links back from the KPI", async () => {
    const cycles = await call("GET", `/api/orgs/${demo}/cycles`);
    const active = cycles.items.find((c: { state: string }) => c.state === "active");
    const tree = await call("GET", `/api/orgs/${demo}/teams/tree`);
    const page: Page = await context.newPage();

    await page.goto(`${base}/o/${demo}/okrs?cycle=${active.id}&team=${tree.roots[0].id}`);
    const card = page.getByTestId("objective-card").filter({ hasText: costTitle });
    await card.getByTestId("health-alert").waitFor();
    expect(await card.getByTestId("health-alert").textContent()).toBe("Health KPI red");

    await page.getByRole("link", { name: costTitle, ...exact }).click();
    const strip = page.getByTestId("health-kpis");
    await strip.waitFor();
    await expect.poll(() => strip.getByTestId("health-kpi").count()).toBe(3);
    expect(await strip.getByTestId("health-kpi").first().getAttribute("data-status")).toBe("red");
    expect(await strip.getByTestId("health-kpi").first().textContent()).toContain("On-time delivery");
    expect(await page.getByTestId("theme-label").first().textContent()).toBe("Theme: Financial");

    await strip.getByRole("button", { name: "Change", ...exact }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Health KPIs", exact).click();
    const suggested = page.getByRole("option").first();
    await suggested.waitFor();
    await suggested.click();
    await dialog.getByRole("button", { name: "Save changes", ...exact }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => strip.getByTestId("health-kpi").count()).toBe(4);

    await strip.getByRole("link").first().click();
    const guards = page.getByTestId("guarded-objectives");
    await guards.waitFor();
    await expect.poll(() => guards.textContent()).toContain(costTitle);
    expect(await page.getByTestId("theme-label").first().textContent()).toMatch(/^Theme: /);
  });
});
