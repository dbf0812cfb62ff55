// The risk flag in the browser, on the demo: the squad lead's manager opens the flagged
// KR's Objective, reads the quoted blocker and resolves the flag with a note; then, back
// as the demo's owner, the check-in dialog says what Keel reads in a note as it is typed.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Json } from "../test/support/harness.ts";
import { skipWhen } from "../test/support/skip.ts";
import { noChromium } from "./support/browser.ts";
import { type DemoJourney, openDemoJourney } from "./support/demo-journey.ts";
import type { DemoKeel } from "./support/keel.ts";

skipWhen(noChromium).describe("the risk flag in the browser", () => {
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

  it("shows the manager the quoted blocker and lets them resolve it; the dialog reads a note as it is typed", async () => {
    const tree = await call("GET", `/api/orgs/${demo}/teams/tree`);
    const [item] = (await call("GET", `/api/orgs/${demo}/teams/${tree.roots[0].id}/flags`)).items as Json[];
    const lead = await call("GET", `/api/orgs/${demo}/people/${item!.keyResult.ownerUserId}`);
    await call("POST", `/api/orgs/${demo}/people/${lead.managerUserId}/view-as`);

    const cycles = await call("GET", `/api/orgs/${demo}/cycles`);
    const active = cycles.items.find((c: Json) => c.state === "active");
    const page: Page = await context.newPage();
    // The squad's OKR page lists what needs a look, above its Objectives.
    await page.goto(`${base}/o/${demo}/okrs?cycle=${active.id}&team=${item!.objective.teamId}`);
    const needsLook = page.getByTestId("team-flags");
    await needsLook.waitFor();
    expect(await needsLook.textContent()).toContain(item!.flag.quote);
    await needsLook.getByRole("link", { name: item!.keyResult.title }).click();
    const flag = page.getByTestId("key-result-flag");
    await flag.waitFor();
    expect(await flag.textContent()).toContain(item!.flag.quote);
    expect(await flag.textContent()).toContain("Confidence fell from 7 to 3");

    await flag.getByRole("button", { name: "Resolve…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog
      .getByLabel("What was done about it")
      .fill("Asked the Platform team's lead for the sandbox accounts by Friday.");
    await dialog.getByRole("button", { name: "Resolve", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    await flag.waitFor({ state: "detached" });

    await call("DELETE", "/api/auth/view-as");
    await page.goto(`${base}/o/${demo}/okrs/${item!.objective.id}`);
    const panel = page.getByTestId("key-result-panel").first();
    await panel.getByRole("button", { name: "Check in" }).click();
    const checkIn = page.getByRole("dialog");
    await checkIn
      .getByLabel("Note")
      .fill("Good progress. We are still waiting on legal for the data processing agreement.");
    const reading = checkIn.getByTestId("note-reading");
    await expect.poll(() => reading.textContent(), { timeout: 10_000 }).toContain("Keel reads a blocker");
    expect(await reading.textContent()).toContain("waiting on legal");
    await checkIn.getByLabel("Note").fill("No blockers this week, everything is on track.");
    await expect.poll(() => reading.textContent(), { timeout: 10_000 }).toContain("Keel reads no blockers");
  });
});
