import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningServer } from "../scripts/lib/keel-process.ts";
import { skipWhen } from "../test/support/skip.ts";
import { launchBrowser, noChromium, screenshot } from "./support/browser.ts";
import { startKeelOnFreePort } from "./support/keel.ts";

/** A real Keel process on a fresh data folder, as a newcomer would start it. */
async function freshKeel(): Promise<{ server: RunningServer; base: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-e2e-"));
  return { ...(await startKeelOnFreePort({ KEEL_DATA_DIR: dir })), dir };
}

skipWhen(noChromium).describe("first run in a browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("sets up an organisation, signs out and in, and adds a team under the company", async () => {
    const { server, base, dir } = await freshKeel();
    const page: Page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    try {
      await page.goto(base);
      await page.waitForURL(/\/setup/);
      await screenshot(page, "01-setup");
      await page.getByLabel("Organisation name").fill("Harbour Freight");
      await page.getByLabel("Your name").fill("Lotte Visser");
      await page.getByLabel("Email").fill("lotte@harbour-freight.example");
      await page.getByLabel("Password").fill("a long harbour password");
      await page.getByRole("button", { name: "Create organisation" }).click();
      await page.waitForURL(/\/o\/harbour-freight/);
      await page.getByText("Harbour Freight").first().waitFor();
      await screenshot(page, "02-home-after-setup");

      await page
        .getByRole("button", { name: /Lotte Visser|account|user menu/i })
        .first()
        .click();
      await page.getByRole("menuitem", { name: "Sign out" }).click();
      await page.waitForURL(/\/sign-in/);

      await page.getByLabel("Email").fill("lotte@harbour-freight.example");
      await page.getByLabel("Password").fill("a long harbour password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/o\/harbour-freight/);

      await page.goto(`${base}/o/harbour-freight/teams`);
      await page.getByRole("button", { name: "New team" }).click();
      await page.getByLabel("Name").fill("Hub Rotterdam");
      await page.getByLabel("Parent team").click();
      await page.getByRole("option", { name: "Harbour Freight" }).click();
      await page.getByRole("button", { name: "Create team" }).click();
      await page.getByRole("dialog").waitFor({ state: "hidden" });
      await page.getByRole("treeitem", { name: /Hub Rotterdam/ }).waitFor();
      await screenshot(page, "03-team-tree");

      // The tree the API returns shows the new team under the company.
      const tree = await page.evaluate(async () => {
        const res = await fetch("/api/orgs/harbour-freight/teams/tree");
        return res.json();
      });
      expect(tree.roots[0].name).toBe("Harbour Freight");
      expect(tree.roots[0].children.map((t: { name: string }) => t.name)).toContain("Hub Rotterdam");
    } finally {
      await page.close();
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("opens the demo organisation from the setup page", async () => {
    const { server, base, dir } = await freshKeel();
    const page: Page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    try {
      await page.goto(`${base}/setup`);
      await page.getByLabel("Your name").fill("Priya Kaya");
      await page.getByLabel("Email").fill("priya@example.com");
      await page.getByLabel("Password").fill("demo password 2026");
      await page.getByRole("button", { name: "Open the demo organisation" }).click();
      await page.waitForURL(/\/o\/nordwind-logistics/);
      await page.getByText("Operations").first().waitFor();
      await screenshot(page, "04-demo-home");

      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${base}/o/nordwind-logistics/people`);
      await page.getByText("Priya Kaya").first().waitFor();
      await screenshot(page, "05-demo-people-phone");
    } finally {
      await page.close();
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
