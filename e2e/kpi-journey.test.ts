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
const org = "harbour-freight";

/** JSON API calls from the browser context (sharing its session cookie), with the CSRF token. */
function api(request: APIRequestContext, base: string) {
  let csrf = "";
  const call = async (method: string, url: string, data?: unknown) => {
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
  return call;
}

type Kpi = {
  id: string;
  key: string;
  bands: Array<{ target: number | null; greenMin: number | null; redMin: number | null }>;
  current: { status: string | null; value: number | null };
  openEscalation: { id: string; state: string } | null;
};

skipWhen(noChromium).describe("a KPI in the browser", () => {
  let browser: Browser;
  let server: RunningServer;
  let dir: string;
  let base: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-e2e-kpi-"));
    ({ server, base } = await startKeelOnFreePort({ KEEL_DATA_DIR: dir }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("creates a KPI with bands, enters values until it turns red, and answers the escalation", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const call = api(context.request, base);
    await call("POST", "/api/setup", {
      start: "own",
      organizationName: "Harbour Freight",
      name: "Lotte Visser",
      email: "lotte@harbour-freight.example",
      password: "a long harbour password",
    });
    await call("GET", "/api/auth/session");
    const page: Page = await context.newPage();

    // An empty board teaches what to do next.
    await page.goto(`${base}/o/${org}/kpis`);
    await page.getByText("No KPIs yet — add the health metrics this team watches").waitFor();

    // Define the KPI with its thresholds through the form.
    await page.getByRole("button", { name: "New KPI", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name", exact).fill("On-time arrivals");
    await dialog.getByRole("combobox", { name: "Owner", exact: true }).waitFor();
    await dialog.getByRole("combobox", { name: "Unit", exact: true }).click();
    await page.getByRole("option", { name: "Percent (0–100)", exact: true }).click();
    await dialog.getByLabel("Decimals", exact).fill("1");
    await dialog.getByLabel("Target", exact).fill("95");
    await dialog.getByLabel("Red below", exact).fill("90");
    await dialog.getByLabel("Green at or above", exact).fill("94");
    await screenshot(page, "20-kpi-form");
    await dialog.getByRole("button", { name: "Create KPI", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    const card = page.getByTestId("kpi-card").filter({ hasText: "On-time arrivals" });
    await card.waitFor();

    const kpis = (await call("GET", `/api/orgs/${org}/kpis`)).items as Kpi[];
    const kpi = kpis.find((k) => k.key === "on_time_arrivals")!;
    expect(kpi.bands).toEqual([expect.objectContaining({ target: 95, greenMin: 94, redMin: 90 })]);

    // First the week that just ended (amber), then this week (red), from "Enter KPI values".
    for (const [value, status] of [
      ["92", "amber"],
      ["85", "red"],
    ] as const) {
      await page.getByRole("link", { name: "Enter KPI values" }).click();
      const row = page.getByRole("group", { name: "On-time arrivals", exact: true });
      if (value === "85")
        await expect.poll(() => row.getByTestId("entry-previous").innerText()).toContain("92.0 %");
      await row.getByLabel("Value", exact).fill(value);
      await page.keyboard.press("Control+Enter");
      await expect
        .poll(async () => ((await call("GET", `/api/orgs/${org}/kpis/${kpi.id}`)) as Kpi).current.status)
        .toBe(status);
    }
    await screenshot(page, "21-kpi-entry");
    const red = (await call("GET", `/api/orgs/${org}/kpis/${kpi.id}`)) as Kpi;
    expect(red.current.value).toBe(85);
    expect(red.openEscalation).toEqual(expect.objectContaining({ state: "open" }));

    // The escalation shows in my inbox (the navigation's one count), on the escalations page and on the KPI.
    await expect.poll(() => page.getByTestId("inbox-count").innerText()).toBe("1");
    await page.getByRole("link", { name: "Inbox" }).click();
    await page
      .getByTestId("inbox-group-escalation")
      .filter({ hasText: "On-time arrivals turned red" })
      .waitFor();
    await page.getByRole("link", { name: "Escalations" }).click();
    const inboxRow = page.getByTestId("escalation-row").filter({ hasText: "On-time arrivals" });
    await inboxRow.waitFor();
    await page.getByRole("link", { name: "KPIs", exact: true }).click();
    await card.getByTestId("escalation-badge").waitFor();
    await card.getByRole("link", { name: "On-time arrivals" }).click();
    await page.getByTestId("kpi-escalation-panel").waitFor();
    await page.getByTestId("kpi-chart").waitFor();
    await screenshot(page, "22-kpi-detail-red");

    // Acknowledge it, say what will be done, and resolve it.
    await page.getByRole("link", { name: "Open the escalation" }).click();
    await page.getByRole("button", { name: "Acknowledge", exact: true }).click();
    await page.locator('[data-testid="escalation-state"][data-state="acknowledged"]').waitFor();
    await page.getByText("Action", { exact: true }).click();
    await page
      .getByRole("textbox", { name: "Action", exact: true })
      .fill("Second pilot boat on the Maas until the backlog clears.");
    await page.getByRole("button", { name: "Add action", exact: true }).click();
    await page.locator('[data-testid="escalation-entry"][data-kind="action"]').waitFor();
    await page.getByRole("button", { name: "Resolve…", exact: true }).click();
    await dialog
      .getByLabel("Resolution", exact)
      .fill("Backlog cleared; the second pilot boat stays through winter.");
    await dialog.getByRole("button", { name: "Resolve", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByTestId("resolution").waitFor();
    await screenshot(page, "23-escalation-resolved");

    const escalation = await call("GET", `/api/orgs/${org}/escalations/${red.openEscalation!.id}`);
    expect(escalation.state).toBe("resolved");
    expect(escalation.resolution).toBe("Backlog cleared; the second pilot boat stays through winter.");
    expect(escalation.entries.map((e: { kind: string }) => e.kind)).toEqual([
      "opened",
      "acknowledged",
      "action",
      "resolved",
    ]);
    await expect.poll(() => page.getByTestId("inbox-count").count()).toBe(0);
    await context.close();
  });
});
