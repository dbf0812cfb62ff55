// The consolidated report in the browser, on the demo: the owner opens Reports from the
// navigation, narrows it to a division, reads the teams' sections (a KPI-only team without
// an OKR section), finds the page clean under axe in light and dark, and downloads the PDF,
// whose first page is rendered to PNG (e2e/screenshots/) to be looked at.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Json } from "../test/support/harness.ts";
import { NO_POPPLER } from "../test/support/report-downloads.ts";
import { skipWhen } from "../test/support/skip.ts";
import { seriousAxeFindings } from "./support/axe.ts";
import { noChromium, screenshot, screenshotDir } from "./support/browser.ts";
import { type DemoJourney, openDemoJourney } from "./support/demo-journey.ts";
import type { DemoKeel } from "./support/keel.ts";

skipWhen(noChromium || NO_POPPLER).describe("the consolidated report in the browser", () => {
  let browser: Browser;
  let keel: DemoKeel;
  let base: string;
  let context: BrowserContext;
  let call: DemoJourney["call"];
  let demo: string;

  beforeAll(async () => {
    ({ keel, base, browser, context, call, demo } = await openDemoJourney({ bypassCSP: true }));
  });
  afterAll(async () => {
    await browser?.close();
    await keel?.stop();
  });

  it("shows a division's report on screen and downloads its PDF", async () => {
    const tree = await call("GET", `/api/orgs/${demo}/teams/tree`);
    const division = (tree.roots[0].children as Json[]).find((t) => t.children.length > 0)!;
    const page: Page = await context.newPage();
    await page.goto(`${base}/o/${demo}`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
    await page.getByRole("heading", { name: "Reports", level: 1 }).waitFor();
    await page.goto(`${page.url()}?team=${division.id}`);
    const first = page.getByRole("region", { name: division.name });
    await first.waitFor();
    expect(await first.textContent()).toContain("OKRs");
    await page.waitForLoadState("networkidle");
    await screenshot(page, "reports-division");
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.evaluate(() => localStorage.setItem("keel-color-scheme", "dark"));
    await page.reload();
    await first.waitFor();
    expect(await seriousAxeFindings(page, { colourOnly: true })).toEqual([]);

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "PDF" }).click();
    const pdf = await downloading;
    const file = path.join(screenshotDir, "reports-division.pdf");
    await pdf.saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
    expect(execFileSync("pdftotext", ["-l", "1", file, "-"], { encoding: "utf8" })).toContain(
      `Subtree: ${division.name}`,
    );
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      "1",
      "-l",
      "1",
      file,
      path.join(screenshotDir, "reports-pdf"),
    ]);
    expect(fs.readdirSync(screenshotDir).some((f) => f.startsWith("reports-pdf"))).toBe(true);
  });

  it("schedules a report by email from the reports page, with its errors shown, then stops it", async () => {
    const people = await call("GET", `/api/orgs/${demo}/people?status=active&limit=2`);
    const recipient = people.items[1] as Json;
    const page: Page = await context.newPage();
    await page.goto(`${base}/o/${demo}/reports`);
    const card = page.getByRole("region", { name: "Scheduled reports" });
    await card.getByText("No scheduled reports yet.").waitFor();
    await card.getByRole("button", { name: "Schedule a report" }).click();
    const dialog = page.getByRole("dialog", { name: "Schedule a report" });
    await dialog.getByRole("button", { name: "Schedule report" }).click();
    await dialog.getByText("choose at least one recipient").waitFor();
    await dialog.getByText("Monthly", { exact: true }).click();
    await dialog.getByPlaceholder("Search people by name").fill(recipient.name.split(" ")[0]);
    await page.getByRole("option", { name: recipient.name }).click();
    // Leaving the field closes the list of people (its scrolling list is not what is checked).
    await dialog.getByRole("heading", { name: "Schedule a report" }).click();
    await page.getByRole("listbox").waitFor({ state: "detached" });
    expect(await seriousAxeFindings(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Schedule report" }).click();
    await dialog.waitFor({ state: "detached" });
    const row = card.getByTestId("report-schedule");
    await row.waitFor();
    expect(await row.textContent()).toContain(recipient.name);
    expect(await row.textContent()).toContain("Monthly");
    await screenshot(page, "reports-scheduled");
    expect(await seriousAxeFindings(page)).toEqual([]);
    await row.getByRole("button", { name: /^Delete the scheduled report/ }).click();
    await page.getByRole("button", { name: "Delete schedule" }).click();
    await card.getByText("No scheduled reports yet.").waitFor();
    expect((await call("GET", `/api/orgs/${demo}/report-schedules`)).items).toEqual([]);
  });
});
