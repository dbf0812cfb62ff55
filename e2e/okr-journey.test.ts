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

skipWhen(noChromium).describe("an OKR cycle in the browser", () => {
  let browser: Browser;
  let server: RunningServer;
  let dir: string;
  let base: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-e2e-okr-"));
    ({ server, base } = await startKeelOnFreePort({ KEEL_DATA_DIR: dir }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("creates an Objective with three KRs, aligns it, checks in twice, closes the cycle, grades and rolls over", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const call = api(context.request, base);
    const setup = await call("POST", "/api/setup", {
      start: "own",
      organizationName: "Harbour Freight",
      name: "Lotte Visser",
      email: "lotte@harbour-freight.example",
      password: "a long harbour password",
    });
    await call("GET", "/api/auth/session");
    // The current quarter runs; next year's cycles exist for the roll-over.
    const today = new Date().toISOString().slice(0, 10);
    const cycles = (await call("GET", `/api/orgs/${org}/cycles?limit=50`)).items as Array<{
      id: string;
      kind: string;
      startsOn: string;
      endsOn: string;
      version: number;
      name: string;
    }>;
    const quarter = cycles.find((c) => c.kind === "quarter" && c.startsOn <= today && c.endsOn >= today)!;
    await call("PATCH", `/api/orgs/${org}/cycles/${quarter.id}`, {
      version: quarter.version,
      state: "active",
      acknowledgeFindings: true,
    });
    await call("POST", `/api/orgs/${org}/cycles/generate`, {
      fiscalYear: Number(quarter.endsOn.slice(0, 4)) + 1,
    });
    const company = (await call("GET", `/api/orgs/${org}/teams/tree`)).roots[0];
    const parent = await call("POST", `/api/orgs/${org}/objectives`, {
      cycleId: quarter.id,
      teamId: company.id,
      ownerUserId: setup.user.id,
      title: "Be the carrier the North Sea ports trust most",
      keyResults: [
        {
          title: "On-time arrivals from 88 to 95",
          kind: "metric",
          startValue: 88,
          targetValue: 95,
          ownerUserId: setup.user.id,
        },
      ],
    });
    await call("PATCH", `/api/orgs/${org}/objectives/${parent.id}`, {
      version: parent.version,
      state: "active",
      acknowledgeFindings: true,
    });

    const page: Page = await context.newPage();
    await page.goto(`${base}/o/${org}/okrs?cycle=${quarter.id}&team=${company.id}`);
    await page.getByRole("button", { name: "New objective", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Title", exact).fill("Cut damage claims at the quay");
    await dialog.getByRole("combobox", { name: "Owner", exact: true }).waitFor();
    await dialog
      .getByLabel("Key result title", exact)
      .first()
      .fill("Damage claims per 1,000 shipments from 4 to 2");
    await dialog.getByLabel("Start", exact).first().fill("4");
    await dialog.getByLabel("Target", exact).first().fill("2");
    await dialog.getByRole("button", { name: "Add key result", exact: true }).click();
    await dialog.getByLabel("Key result title", exact).nth(1).fill("Publish the packing guideline");
    await dialog.getByRole("combobox", { name: "Kind", exact: true }).nth(1).click();
    await page.getByRole("option", { name: "Milestone", exact: true }).click();
    await dialog.getByRole("button", { name: "Add key result", exact: true }).click();
    await dialog.getByLabel("Key result title", exact).nth(2).fill("Train every quay crew");
    await dialog.getByRole("combobox", { name: "Kind", exact: true }).nth(2).click();
    await page.getByRole("option", { name: "Percentage complete", exact: true }).click();
    await screenshot(page, "10-okr-form");
    await dialog.getByRole("button", { name: "Create objective", exact: true }).click();
    await dialog.waitFor({ state: "detached" });

    const card = page.getByTestId("objective-card").filter({ hasText: "Cut damage claims at the quay" });
    await card.getByRole("button", { name: "Activate", exact: true }).click();
    await card.getByRole("button", { name: "Activate", exact: true }).waitFor({ state: "detached" });
    await card.getByRole("button", { name: "Align", exact: true }).click();
    await dialog.getByRole("combobox", { name: "Parent objective", exact: true }).click();
    await page.getByRole("option", { name: "Be the carrier the North Sea ports trust most" }).click();
    await dialog.getByLabel("Weight", exact).fill("0.5");
    await dialog.getByRole("button", { name: "Save alignment", exact: true }).click();
    await dialog.waitFor({ state: "detached" });

    const objectives = (await call("GET", `/api/orgs/${org}/objectives?cycleId=${quarter.id}`)).items;
    const mine = objectives.find((o: { title: string }) => o.title === "Cut damage claims at the quay");
    expect(mine.state).toBe("active");
    expect(mine.keyResults.map((k: { kind: string }) => k.kind)).toEqual([
      "metric",
      "milestone",
      "percentage",
    ]);
    expect(mine.parents).toEqual([expect.objectContaining({ objectiveId: parent.id, weight: 0.5 })]);
    const metric = mine.keyResults[0];

    // A row that cannot be sent says why on the row, and nothing is saved.
    await page.goto(`${base}/o/${org}/check-ins`);
    const claims = page.getByRole("group", {
      name: "Damage claims per 1,000 shipments from 4 to 2",
      exact: true,
    });
    await claims.getByLabel("Value", exact).fill("");
    await page.keyboard.press("Control+Enter");
    await claims.getByRole("alert").filter({ hasText: "Enter the current value" }).waitFor();
    expect((await call("GET", `/api/orgs/${org}/key-results/${metric.id}/check-ins`)).items).toEqual([]);

    // Two weekly check-ins from "my check-ins".
    for (const [value, confidence, note] of [
      ["3.5", "6", "New straps at Hub Rotterdam cut the first claims."],
      ["2.8", "8", "Claims keep falling since the guideline draft went out."],
    ] as const) {
      await page.goto(`${base}/o/${org}/check-ins`);
      const row = page.getByRole("group", {
        name: "Damage claims per 1,000 shipments from 4 to 2",
        exact: true,
      });
      await row.getByLabel("Value", exact).fill(value);
      await row.getByLabel("Confidence", exact).fill(confidence);
      await row.getByLabel("Note", exact).fill(note);
      await page.getByRole("button", { name: "Save check-ins", exact: true }).click();
      await expect
        .poll(
          async () =>
            (await call("GET", `/api/orgs/${org}/key-results/${metric.id}/check-ins`)).items[0]?.note,
        )
        .toBe(note);
    }
    await screenshot(page, "11-my-check-ins");
    const history = (await call("GET", `/api/orgs/${org}/key-results/${metric.id}/check-ins`)).items;
    expect(history.map((c: { value: number; confidence: number }) => [c.value, c.confidence])).toEqual([
      [2.8, 8],
      [3.5, 6],
    ]);
    const after = await call("GET", `/api/orgs/${org}/objectives/${mine.id}`);
    expect(after.keyResults[0].progress).toBeCloseTo(0.6, 5);
    expect(after.keyResults[0].lastConfidence).toBe(8);
    await page.goto(`${base}/o/${org}/okrs/${mine.id}`);
    await page
      .getByText("Claims keep falling since the guideline draft went out.")
      .filter({ visible: true })
      .first()
      .waitFor();
    await screenshot(page, "12-objective-detail");

    // Close the cycle through the wizard: grading, scores, report, close, roll-over.
    await page.goto(`${base}/o/${org}/admin/cycles`);
    await page.getByRole("link", { name: "Grade and close" }).first().click();
    await page.getByRole("button", { name: "Start grading", exact: true }).click();
    await page.getByRole("button", { name: "Save scores", exact: true }).click();
    await page.getByRole("button", { name: "Next: report", exact: true }).click();
    await page.getByTestId("grade-report").waitFor();
    await screenshot(page, "13-grade-report");
    await page.getByRole("button", { name: "Next: close", exact: true }).click();
    await page.getByRole("button", { name: "Close cycle", exact: true }).click();
    await page.getByRole("button", { name: "Roll over", exact: true }).waitFor();
    expect((await call("GET", `/api/orgs/${org}/cycles/${quarter.id}`)).state).toBe("closed");
    const graded = await call("GET", `/api/orgs/${org}/objectives/${mine.id}`);
    expect(graded.keyResults.every((k: { finalScore: number | null }) => k.finalScore !== null)).toBe(true);
    await page.getByRole("button", { name: "Roll over", exact: true }).click();
    await expect
      .poll(async () => {
        const all = (await call("GET", `/api/orgs/${org}/objectives?includeArchived=true`)).items;
        return all.filter(
          (o: { title: string; cycleId: string }) => o.title === mine.title && o.cycleId !== quarter.id,
        ).length;
      })
      .toBeGreaterThanOrEqual(1);
    await screenshot(page, "14-rolled-over");
    await context.close();
  });
});
