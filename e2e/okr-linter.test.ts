import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { APIRequestContext, Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningServer } from "../scripts/lib/keel-process.ts";
import { skipWhen } from "../test/support/skip.ts";
import { launchBrowser, noChromium, screenshot } from "./support/browser.ts";
import { startKeelOnFreePort } from "./support/keel.ts";

const exact = { exact: true };
const org = "canal-couriers";

/** JSON API calls from the browser context (sharing its session cookie), with the CSRF token. */
function api(request: APIRequestContext, base: string) {
  let csrf = "";
  return async (method: string, url: string, data?: unknown) => {
    const res = await request.fetch(`${base}${url}`, {
      method,
      data,
      headers: { "content-type": "application/json", "x-csrf-token": csrf },
    });
    const body = await res.json();
    if (res.status() >= 300) throw new Error(`${method} ${url} → ${res.status()}: ${JSON.stringify(body)}`);
    if (body?.csrfToken) csrf = body.csrfToken;
    return body;
  };
}

skipWhen(noChromium).describe("the OKR linter in the Objective editor", () => {
  let browser: Browser;
  let server: RunningServer;
  let dir: string;
  let base: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-e2e-lint-"));
    ({ server, base } = await startKeelOnFreePort({ KEEL_DATA_DIR: dir }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("flags a business-as-usual KR as it is typed, and its fix makes the finding go away", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const call = api(context.request, base);
    await call("POST", "/api/setup", {
      start: "own",
      organizationName: "Canal Couriers",
      name: "Femke de Boer",
      email: "femke@canal-couriers.example",
      password: "a long canal password",
    });
    await call("GET", "/api/auth/session");
    const today = new Date().toISOString().slice(0, 10);
    const cycles = (await call("GET", `/api/orgs/${org}/cycles?limit=50`)).items as Array<{
      id: string;
      kind: string;
      startsOn: string;
      endsOn: string;
    }>;
    const quarter = cycles.find((c) => c.kind === "quarter" && c.startsOn <= today && c.endsOn >= today)!;
    const company = (await call("GET", `/api/orgs/${org}/teams/tree`)).roots[0];

    const page: Page = await context.newPage();
    await page.goto(`${base}/o/${org}/okrs?cycle=${quarter.id}&team=${company.id}`);
    await page.getByRole("button", { name: "New objective", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Title", exact).fill("Make same-day delivery the norm in Utrecht");
    await dialog.getByLabel("Key result title", exact).first().fill("Same-day parcels: 40 % → 75 %");
    await dialog.getByLabel("Start", exact).first().fill("40");
    await dialog.getByLabel("Target", exact).first().fill("75");
    await dialog.getByRole("button", { name: "Add key result", exact: true }).click();
    await dialog.getByLabel("Key result title", exact).nth(1).fill("Keep on-time delivery at 97 %");
    await dialog.getByLabel("Start", exact).nth(1).fill("97");
    await dialog.getByLabel("Target", exact).nth(1).fill("97");

    const finding = dialog.locator('[data-rule="business-as-usual"]');
    await finding.waitFor();
    expect(await finding.textContent()).toContain("KPI board");
    expect(await dialog.locator('[data-rule="business-as-usual"]').count()).toBe(1);
    await screenshot(page, "lint-01-business-as-usual");

    // The fix removes the KR and opens the team's KPI board beside the draft, the new KPI's
    // form filled in from the KR.
    const opened = context.waitForEvent("page");
    await finding.getByRole("button", { name: "Move to the KPI board", exact: true }).click();
    await finding.waitFor({ state: "detached" });
    const board = await opened;
    await board.waitForLoadState();
    expect(new URL(board.url()).pathname).toBe(`/o/${org}/teams/${company.id}/kpis`);
    const kpiForm = board.getByRole("dialog");
    await kpiForm.getByLabel("Name", exact).waitFor();
    expect(await kpiForm.getByLabel("Name", exact).inputValue()).toBe("Keep on-time delivery at 97 %");
    await board.close();
    expect(await dialog.getByLabel("Key result title", exact).count()).toBe(1);
    expect(await dialog.getByLabel("Key result title", exact).first().inputValue()).toBe(
      "Same-day parcels: 40 % → 75 %",
    );
    // Typing on: the finding does not come back for a KR that changes something.
    await dialog.getByLabel("Title", exact).fill("Make same-day delivery the norm in Utrecht and Amersfoort");
    await page.waitForTimeout(800);
    expect(await dialog.locator('[data-rule="business-as-usual"]').count()).toBe(0);
    await dialog.getByRole("button", { name: "Cancel", exact: true }).click();

    // A saved Objective too broad to steer by shows on the health check, and is dismissed there.
    const me = (await call("GET", "/api/auth/session")).user;
    await call("POST", `/api/orgs/${org}/objectives`, {
      cycleId: quarter.id,
      teamId: company.id,
      ownerUserId: me.id,
      title: "Increase customer satisfaction",
      keyResults: [
        {
          title: "Parcels on the wrong van: 120 → 30 a week",
          kind: "metric",
          startValue: 120,
          targetValue: 30,
        },
      ],
    });
    await page.goto(`${base}/o/${org}/health-check?cycle=${quarter.id}&team=${company.id}`);
    const generic = page.locator('li[data-rule="generic-objective"]');
    await generic.waitFor();
    await generic.getByRole("button", { name: "Dismiss…", exact: true }).click();
    const ask = page.getByRole("dialog");
    await ask.getByLabel("Why it does not apply").fill("The board wants this wording for the all-hands");
    await ask.getByRole("button", { name: "Dismiss finding", exact: true }).click();
    await ask.waitFor({ state: "detached" });
    await generic.getByText("dismissed", { exact: true }).waitFor();
    await screenshot(page, "lint-02-health-check");
    await context.close();
  });
});
