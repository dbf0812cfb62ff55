// The 1:1 agenda in the browser, on the demo: the flagged squad lead's manager opens the
// 1:1 with them from the navigation, reads the quoted blocker, adds an item, ticks the
// flag off and closes the meeting with notes; the next 1:1 carries the added item over
// and the past meeting keeps the notes. axe finds nothing serious in light or dark.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Json } from "../test/support/harness.ts";
import { skipWhen } from "../test/support/skip.ts";
import { seriousAxeFindings } from "./support/axe.ts";
import { noChromium } from "./support/browser.ts";
import { type DemoJourney, openDemoJourney } from "./support/demo-journey.ts";
import type { DemoKeel } from "./support/keel.ts";

skipWhen(noChromium).describe("the 1:1 agenda in the browser", () => {
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

  async function settled(page: Page) {
    await page.waitForLoadState("networkidle");
    await page
      .locator("[data-testid=loading], .mantine-Skeleton-root")
      .first()
      .waitFor({ state: "detached" })
      .catch(() => {});
  }

  it("shows the manager the flagged report's quoted blocker and runs the meeting", async () => {
    const tree = await call("GET", `/api/orgs/${demo}/teams/tree`);
    const [flag] = (await call("GET", `/api/orgs/${demo}/teams/${tree.roots[0].id}/flags`)).items as Json[];
    const lead = await call("GET", `/api/orgs/${demo}/people/${flag!.keyResult.ownerUserId}`);
    await call("POST", `/api/orgs/${demo}/people/${lead.managerUserId}/view-as`);

    const page: Page = await context.newPage();
    await page.goto(`${base}/o/${demo}`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "1:1s" }).click();
    await page.getByRole("link", { name: `1:1 with ${lead.name}` }).click();
    await page.getByRole("heading", { name: `1:1 with ${lead.name}` }).waitFor();

    const flagged = page.getByTestId("one-on-one-item").filter({ hasText: "Risk flag" });
    await flagged.waitFor();
    expect(await flagged.getByTestId("one-on-one-quote").textContent()).toBe(flag!.flag.quote);
    expect(flag!.flag.quote).toMatch(/waiting on the Platform team/);

    await page.getByLabel("Add to the agenda").fill("Who to ask at Platform for the sandbox accounts");
    await page.getByLabel("Add to the agenda").press("Enter");
    const added = page.getByTestId("one-on-one-item").filter({ hasText: "Who to ask at Platform" });
    await added.waitFor();

    // The box follows the saved agenda: it turns once Keel has the tick.
    await flagged.getByRole("checkbox").click();
    await expect.poll(() => flagged.getByRole("checkbox").isChecked()).toBe(true);
    await expect.poll(() => flagged.textContent()).toContain("Ticked off");

    await page
      .getByLabel("Meeting notes")
      .fill("Escalate the sandbox accounts with Platform's lead on Monday.");
    await page.getByRole("button", { name: "Close the meeting" }).click();
    // The next 1:1 carries the unticked item; the ticked flag stays with the meeting held.
    await expect.poll(() => flagged.count()).toBe(0);
    expect(await added.getByRole("checkbox").isChecked()).toBe(false);
    const past = page.getByRole("region", { name: "Past meetings" });
    await past.getByRole("button").first().click();
    await expect.poll(() => past.textContent()).toContain("Escalate the sandbox accounts");

    const findings: string[] = [];
    for (const scheme of ["light", "dark"] as const) {
      await page.evaluate((s) => localStorage.setItem("keel-color-scheme", s), scheme);
      for (const url of [
        `/o/${demo}/one-on-ones`,
        `/o/${demo}/one-on-ones/${lead.managerUserId}/${lead.userId}`,
      ]) {
        await page.goto(`${base}${url}`);
        await page.getByRole("navigation", { name: "Main" }).waitFor();
        await settled(page);
        for (const f of await seriousAxeFindings(page, { colourOnly: scheme === "dark" })) {
          findings.push(`${url} (${scheme}): ${f.id} [${f.impact}] ${f.help} → ${f.targets.join(" | ")}`);
        }
      }
    }
    expect(findings).toEqual([]);
    await call("DELETE", "/api/auth/view-as");
  });
});
