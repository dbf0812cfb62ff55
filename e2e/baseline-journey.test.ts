// A promoted KPI's new baseline in the browser, on the demo: a short cycle whose Key
// Result reads "Returns processed within 48 h" and met its target is closed in the close
// wizard, whose last step offers the achieved level as the KPI's new baseline; the admin
// raises the offered target before accepting, and the KPI page's band history shows the
// new entry from the period after the cycle.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addDays } from "../src/domain/dates.ts";
import { skipWhen } from "../test/support/skip.ts";
import { seriousAxeFindings } from "./support/axe.ts";
import { noChromium, screenshot } from "./support/browser.ts";
import { type DemoJourney, openDemoJourney } from "./support/demo-journey.ts";
import type { DemoKeel } from "./support/keel.ts";

const exact = { exact: true };
const cycleName = "Returns sprint";

skipWhen(noChromium).describe("accepting a new baseline in the close wizard", () => {
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

  it("offers the achieved level at close, takes an edited target, and shows it in the band history", async () => {
    const org = `/api/orgs/${demo}`;
    const kpis = await call("GET", `${org}/kpis?state=active&limit=200`);
    const kpi = kpis.items.find((k: { key: string }) => k.key === "returns_within_48h");
    const latest: number = kpi.current.value;
    const me = (await call("GET", "/api/auth/session")).user;
    const today = new Date().toISOString().slice(0, 10);
    let cycle = await call("POST", `${org}/cycles`, {
      name: cycleName,
      startsOn: addDays(today, -20),
      endsOn: addDays(today, 5),
    });
    cycle = await call("PATCH", `${org}/cycles/${cycle.id}`, {
      version: cycle.version,
      state: "active",
      acknowledgeFindings: true,
    });
    // A target the KPI's latest value already reaches: the Key Result meets it at close.
    const target = Math.floor(latest) - 1;
    const draft = await call("POST", `${org}/objectives`, {
      cycleId: cycle.id,
      title: "Book returns back to stock faster",
      description: "Webshops wait for their refunds until a return is booked back.",
      keyResults: [
        {
          title: `Returns processed within 48 h from ${target - 5}% to ${target}%`,
          kind: "metric",
          ownerUserId: me.id,
          startValue: target - 5,
          targetValue: target,
          kpiId: kpi.id,
        },
      ],
    });
    await call("PATCH", `${org}/objectives/${draft.id}`, {
      version: draft.version,
      state: "active",
      acknowledgeFindings: true,
    });
    cycle = await call("PATCH", `${org}/cycles/${cycle.id}`, { version: cycle.version, state: "grading" });
    const objective = await call("GET", `${org}/objectives/${draft.id}`);
    const kr = objective.keyResults[0];
    expect(kr.currentValue).toBe(latest);
    await call("PUT", `${org}/key-results/${kr.id}/score`, { version: kr.version, finalScore: 1 });
    const scored = await call("GET", `${org}/objectives/${draft.id}`);
    await call("PUT", `${org}/objectives/${draft.id}/grade`, {
      version: scored.version,
      outcome: "achieved",
    });

    const page: Page = await context.newPage();
    await page.goto(`${base}/o/${demo}/admin/cycles/${cycle.id}/close`);
    await page.getByRole("button", { name: "Next: report", ...exact }).click();
    await page.getByRole("button", { name: "Next: close", ...exact }).click();
    await page.getByRole("button", { name: "Close cycle", ...exact }).click();

    const offer = page.getByRole("group", { name: `New baseline for ${kpi.name}` });
    await offer.waitFor();
    expect(await offer.textContent()).toContain(`reached ${latest} in ${cycleName}`);
    const newTarget = offer.getByLabel("New target", exact);
    // The offer never lowers the KPI's bar: at least its old target of 92.
    expect(Number(await newTarget.inputValue())).toBeGreaterThanOrEqual(92);
    await screenshot(page, "baseline-offer-close-wizard");
    expect(await seriousAxeFindings(page)).toEqual([]);

    // A misordered edit is refused with the field named, and nothing is saved.
    await offer.getByLabel("New red below", exact).fill("99");
    await offer.getByRole("button", { name: "Make it the new baseline", ...exact }).click();
    await offer
      .getByText(/redMin must be at or below greenMin/)
      .first()
      .waitFor();
    await offer.getByLabel("New red below", exact).fill("75");
    await newTarget.fill("93.5");
    await offer.getByRole("button", { name: "Make it the new baseline", ...exact }).click();
    await offer.waitFor({ state: "detached" });

    await page.goto(`${base}/o/${demo}/kpis/${kpi.id}`);
    const history = page.getByRole("table", { name: "Band history" });
    await history.waitFor();
    const row = history.getByRole("row").filter({ hasText: `New baseline from ${cycleName}` });
    await row.waitFor();
    expect(await row.textContent()).toContain("93.5");
    const promotions = page.getByRole("table", { name: "Promotion history" });
    expect(await promotions.textContent()).toContain("New baseline accepted from");
  });
});
