// The personal inbox in the browser: a member opens the organisation, lands on their own
// home, sees the check-ins they owe in the inbox (and the one count in the navigation),
// checks in on one, and that item leaves while the count drops. Axe checks the home in
// light and dark, with items and with none.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningServer } from "../scripts/lib/keel-process.ts";
import { invitationTokenOf } from "../test/support/harness.ts";
import { skipWhen } from "../test/support/skip.ts";
import { apiCaller } from "./support/api.ts";
import { seriousAxeFindings } from "./support/axe.ts";
import { launchBrowser, noChromium, screenshot } from "./support/browser.ts";
import { startKeelOnFreePort } from "./support/keel.ts";

const org = "wadden-parcels";
const exact = { exact: true };

skipWhen(noChromium).describe("the inbox in the browser", () => {
  let browser: Browser;
  let server: RunningServer;
  let dir: string;
  let base: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-e2e-inbox-"));
    ({ server, base } = await startKeelOnFreePort({ KEEL_DATA_DIR: dir }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** axe on the page as it is, in both colour schemes (dark: the colour rules). */
  async function axeBothSchemes(page: Page, url: string): Promise<string[]> {
    const findings: string[] = [];
    for (const scheme of ["light", "dark"] as const) {
      await page.evaluate((s) => localStorage.setItem("keel-color-scheme", s), scheme);
      await page.goto(url);
      await page.getByRole("heading", { name: "Inbox" }).waitFor();
      await page.waitForLoadState("networkidle");
      for (const f of await seriousAxeFindings(page, { colourOnly: scheme === "dark" })) {
        findings.push(`${scheme}: ${f.id} [${f.impact}] ${f.help} → ${f.targets.join(" | ")}`);
      }
    }
    await page.evaluate(() => localStorage.setItem("keel-color-scheme", "light"));
    return findings;
  }

  it("shows a member the check-ins they owe; one done, its item leaves and the count drops", async () => {
    const ownerContext = await browser.newContext();
    const owner = apiCaller(ownerContext.request, base);
    await owner("POST", "/api/setup", {
      start: "own",
      organizationName: "Wadden Parcels",
      name: "Lotte Visser",
      email: "lotte@wadden-parcels.example",
      password: "a long wadden password",
    });
    await owner("GET", "/api/auth/session");
    const invited = await owner("POST", `/api/orgs/${org}/people`, {
      name: "Emma Smit",
      email: "emma@wadden-parcels.example",
      role: "member",
    });

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const emma = apiCaller(context.request, base);
    const accepted = await emma("POST", `/api/invitations/${invitationTokenOf(invited.url)}/accept`, {
      name: "Emma Smit",
      password: "a long emma password",
    });
    const emmaId: string = accepted.user.id;

    // Before anything is owed: the empty inbox says so.
    const page = await context.newPage();
    await page.goto(`${base}/o/${org}`);
    await page.getByText("Nothing owed — nice.").waitFor();
    expect(await axeBothSchemes(page, `${base}/o/${org}`)).toEqual([]);

    // Lotte gives Emma two key results on an active Objective of the running quarter.
    const cycles = (await owner("GET", `/api/orgs/${org}/cycles`)).items as Array<{
      id: string;
      state: string;
    }>;
    const draft = await owner("POST", `/api/orgs/${org}/objectives`, {
      cycleId: cycles.find((c) => c.state === "active")!.id,
      ownerUserId: emmaId,
      title: "Deliver to every island on the day promised",
      keyResults: [
        {
          title: "Same-day island deliveries from 70 % to 90 %",
          kind: "metric",
          startValue: 70,
          targetValue: 90,
          unit: "%",
          ownerUserId: emmaId,
        },
        {
          title: "Ferry slots booked a week ahead from 40 % to 80 %",
          kind: "metric",
          startValue: 40,
          targetValue: 80,
          unit: "%",
          ownerUserId: emmaId,
        },
      ],
    });
    await owner("PATCH", `/api/orgs/${org}/objectives/${draft.id}`, {
      version: draft.version,
      state: "active",
      acknowledgeFindings: true,
    });

    // Emma opens the organisation: her home, with both check-ins owed and one count.
    await page.goto(`${base}/o/${org}`);
    const due = page.getByTestId("inbox-group-check_in_due");
    await due.waitFor();
    expect(await due.getByTestId("inbox-item").count()).toBe(2);
    const count = page.getByTestId("inbox-count");
    await expect.poll(() => count.innerText()).toBe("2");
    await expect.poll(() => page.getByTestId("my-key-result").count()).toBe(2);
    await screenshot(page, "40-my-home-inbox");
    expect(await axeBothSchemes(page, `${base}/o/${org}`)).toEqual([]);

    // The item links to where it is done: the weekly check-in form.
    await due.getByRole("link", { name: "Same-day island deliveries from 70 % to 90 %" }).click();
    await page.waitForURL(`${base}/o/${org}/check-ins`);
    const row = page.getByRole("group", {
      name: "Same-day island deliveries from 70 % to 90 %",
      exact: true,
    });
    await row.getByLabel("Value", exact).fill("74");
    await row.getByLabel("Confidence", exact).fill("7");
    await row.getByLabel("Note", exact).fill("Second van on Texel from Monday.");
    await page.getByRole("button", { name: "Save check-ins", exact: true }).click();

    // The count drops at once, and the inbox lists only what is still owed.
    await expect.poll(() => count.innerText()).toBe("1");
    await page.getByRole("link", { name: "Inbox" }).click();
    await page.waitForURL(`${base}/o/${org}/inbox`);
    const left = page.getByTestId("inbox-item");
    await expect.poll(() => left.count()).toBe(1);
    expect(await left.innerText()).toContain("Ferry slots booked a week ahead from 40 % to 80 %");
    await ownerContext.close();
    await context.close();
  });
});
