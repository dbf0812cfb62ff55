/**
 * A KPI's connector set up from its page: the form, the server's refusals shown on the
 * field they name, "Run now" reading a value from an HTTP endpoint this test starts (on
 * loopback, which Keel reaches only because KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS allows it),
 * the stored header kept hidden across an edit, a broken JSON path failing visibly, pausing
 * and removing it.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { APIRequestContext, Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningServer } from "../scripts/lib/keel-process.ts";
import { skipWhen } from "../test/support/skip.ts";
import { launchBrowser, noChromium, screenshot } from "./support/browser.ts";
import { startKeelOnFreePort } from "./support/keel.ts";

const exact = { exact: true };
const org = "kestrel-parcels";
const TOKEN = "Bearer depot-7Qx2-not-for-the-page";

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

/** The error Mantine shows under an input (linked through aria-describedby). */
async function fieldError(input: Locator): Promise<string> {
  if ((await input.getAttribute("aria-invalid")) !== "true") return "";
  const ids = (await input.getAttribute("aria-describedby")) ?? "";
  const page = input.page();
  const texts = await Promise.all(
    ids
      .split(/\s+/)
      .filter((id) => id.endsWith("-error"))
      .map((id) => page.locator(`[id="${id}"]`).innerText()),
  );
  return texts.join(" ");
}

skipWhen(noChromium).describe("a KPI's connector in the browser", () => {
  let browser: Browser;
  let keel: RunningServer;
  let stats: http.Server;
  let origin: string;
  let dir: string;
  let base: string;
  /** The Authorization header of each request the stats endpoint received. */
  const received: Array<string | undefined> = [];

  beforeAll(async () => {
    stats = http.createServer((req, res) => {
      received.push(req.headers.authorization);
      const ok = req.url === "/api/parcels" && req.headers.authorization === TOKEN;
      res.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
      res.end(JSON.stringify(ok ? { data: { total: 1284, depot: "Bremen" } } : { error: "who are you?" }));
    });
    await new Promise<void>((resolve) => stats.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(stats.address() as AddressInfo).port}`;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-e2e-connector-"));
    ({ server: keel, base } = await startKeelOnFreePort({
      KEEL_DATA_DIR: dir,
      KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS: "127.0.0.1",
    }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await keel?.stop();
    stats?.closeAllConnections();
    await new Promise((resolve) => stats?.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("adds a connector, runs it, breaks its JSON path and shows why, pauses and removes it", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const call = api(context.request, base);
    await call("POST", "/api/setup", {
      start: "own",
      organizationName: "Kestrel Parcels",
      name: "Maren Duval",
      email: "maren@kestrel-parcels.example",
      password: "a long kestrel password",
    });
    const session = await call("GET", "/api/auth/session");
    const team = await call("POST", `/api/orgs/${org}/teams`, {
      name: "Depot Bremen",
      kind: "department",
      methodology: "kpi",
    });
    const kpi = await call("POST", `/api/orgs/${org}/kpis`, {
      key: "parcels_shipped",
      name: "Parcels shipped",
      ownerUserId: session.user.id,
      teamId: team.id,
      unit: "count",
      direction: "higher_is_better",
      frequency: "weekly",
      aggregation: "sum",
      bands: [],
    });
    const page: Page = await context.newPage();
    await page.goto(`${base}/o/${org}/kpis/${kpi.id}`);
    const panel = page.getByTestId("connector-panel");
    await panel.getByText("No connector", { exact: false }).waitFor();
    // The sections above the panel load on their own: let them settle before clicking.
    await page.getByTestId("kpi-drivers").getByText("Driven by", exact).waitFor();
    await page.getByTestId("kpi-key-results-loading").waitFor({ state: "detached" });

    // The form: URL, JSON path and a header. The server judges the path's syntax and
    // whether Keel may reach the host, and says so on those fields.
    await panel.getByRole("button", { name: "Add connector", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("PostgreSQL query", exact).click();
    await dialog.getByLabel("Query", exact).waitFor();
    await screenshot(page, "29-connector-form-sql");
    await dialog.getByText("HTTP JSON endpoint", exact).click();
    const url = dialog.getByLabel("URL", exact);
    const jsonPath = dialog.getByLabel("JSON path", exact);
    await url.fill("http://10.20.30.40/api/parcels");
    await jsonPath.fill("data.total");
    await dialog.getByRole("button", { name: "Add header", exact: true }).click();
    await dialog.getByLabel("Header 1 name", exact).fill("Authorization");
    await dialog.getByLabel("Header 1 value", exact).fill(TOKEN);
    await screenshot(page, "30-connector-form");
    const submit = dialog.getByRole("button", { name: "Add connector", exact: true });
    await submit.click();
    await expect.poll(() => fieldError(jsonPath)).toContain('Must start with "$"');
    expect(await fieldError(url)).toBe("");
    await jsonPath.fill("$.data.total");
    await submit.click();
    await expect.poll(() => fieldError(url)).toContain("Keel does not connect to 10.20.30.40");
    await screenshot(page, "31-connector-form-refused");
    await url.fill(`${origin}/api/parcels`);
    await submit.click();
    await dialog.waitFor({ state: "detached" });

    // The panel shows the new connector; Run now reads the value and the page shows it.
    await panel.getByText(`${origin}/api/parcels`, exact).waitFor();
    await panel.getByText("Authorization", exact).waitFor();
    await panel.getByRole("button", { name: "Run now", exact: true }).click();
    await expect.poll(() => panel.getByTestId("connector-outcome").innerText()).toBe("Last run succeeded");
    await expect.poll(() => panel.getByTestId("connector-last-value").innerText()).toContain("1,284");
    // The KPI's own value follows once the background recompute has judged the new value and
    // the page has heard of it (a live event, or the next refetch): on a busy machine that
    // can take longer than expect.poll's default second.
    await expect
      .poll(() => page.getByTestId("kpi-current-value").innerText(), { timeout: 15_000 })
      .toBe("1,284");
    expect(received.at(-1)).toBe(TOKEN);
    expect(await page.content()).not.toContain("depot-7Qx2");
    await screenshot(page, "32-connector-succeeded");

    // Editing shows the header as stored and hidden and keeps it; a path that finds
    // nothing fails the run, says why, and leaves the value.
    await panel.getByRole("button", { name: "Edit connector", exact: true }).click();
    await dialog.getByTestId("stored-headers").getByText("stored, hidden", exact).waitFor();
    expect(await dialog.getByTestId("stored-headers").innerText()).toContain("Authorization");
    expect(await dialog.getByLabel("Header 1 value", exact).count()).toBe(0);
    await screenshot(page, "33-connector-edit-form");
    await jsonPath.fill("$.data.totals");
    await dialog.getByRole("button", { name: "Save changes", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await panel.getByText("$.data.totals", exact).waitFor();
    const runs = received.length;
    await panel.getByRole("button", { name: "Run now", exact: true }).click();
    await expect.poll(() => panel.getByTestId("connector-outcome").innerText()).toBe("Last run failed");
    expect(await panel.getByTestId("connector-error").innerText()).toContain(
      "JSON path $.data.totals found nothing",
    );
    expect(received.slice(runs).every((h) => h === TOKEN)).toBe(true);
    expect(await page.getByTestId("kpi-current-value").innerText()).toBe("1,284");
    await screenshot(page, "34-connector-failed");

    // Pause it and drop the header: the API keeps neither the schedule nor the secret.
    await panel.getByRole("button", { name: "Edit connector", exact: true }).click();
    await dialog.getByTestId("stored-headers").getByRole("button", { name: "Remove", exact: true }).click();
    await dialog.getByTestId("headers-removed").waitFor();
    await dialog.getByRole("switch", { name: "Run on schedule" }).uncheck({ force: true });
    await dialog.getByRole("button", { name: "Save changes", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await panel.getByText("Paused", exact).waitFor();
    const paused = await call("GET", `/api/orgs/${org}/kpis/${kpi.id}/connector`);
    expect(paused).toMatchObject({ enabled: false, hasCredentials: false, headerNames: [] });
    expect(await panel.getByText("Authorization", exact).count()).toBe(0);

    // Removing it asks first; the values it wrote stay.
    await panel.getByRole("button", { name: "Edit connector", exact: true }).click();
    await dialog.getByRole("button", { name: "Remove…", exact: true }).click();
    await dialog.getByTestId("connector-remove-confirm").waitFor();
    await dialog.getByRole("button", { name: "Remove connector", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await panel.getByRole("button", { name: "Add connector", exact: true }).waitFor();
    const values = await call("GET", `/api/orgs/${org}/kpis/${kpi.id}/measurements`);
    expect(values.items).toEqual([expect.objectContaining({ value: 1284, source: "connector" })]);
    await context.close();
  });
});
