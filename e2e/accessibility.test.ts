// Keyboard and contrast, on one Keel with the demo organisation: the weekly check-in done
// by keyboard alone (issue: 58 interactions for 5 KRs), and axe-core on every main page in
// light and dark (WCAG 2.2 AA: no serious or critical finding).
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { skipWhen } from "../test/support/skip.ts";
import { apiCaller } from "./support/api.ts";
import { seriousAxeFindings } from "./support/axe.ts";
import { launchBrowser, noChromium, screenshot } from "./support/browser.ts";
import { DEMO_OWNER } from "./support/demo-owner.ts";
import { type DemoKeel, startDemoKeel } from "./support/keel.ts";

const own = "harbour-freight";

skipWhen(noChromium).describe("keyboard and contrast", () => {
  let browser: Browser;
  let keel: DemoKeel;
  let base: string;
  let signedIn: BrowserContext;
  let call: ReturnType<typeof apiCaller>;
  let demo: string;

  beforeAll(async () => {
    keel = await startDemoKeel();
    base = keel.base;
    browser = await launchBrowser();
    // axe is injected as a script, which Keel's Content-Security-Policy would refuse.
    signedIn = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    call = apiCaller(signedIn.request, base);
    await call("POST", "/api/auth/sign-in", { email: DEMO_OWNER.email, password: DEMO_OWNER.password });
    const session = await call("GET", "/api/auth/session");
    demo = session.organizations[0].slug;
  });
  afterAll(async () => {
    await browser?.close();
    await keel?.stop();
  });

  it("checks in on 5 key results with at most 15 keys that are not typing", async () => {
    // An organisation of my own where I own exactly five KRs in the running quarter.
    const me = (await call("GET", "/api/auth/session")).user;
    await call("POST", "/api/orgs", { name: "Harbour Freight", timeZone: "UTC" });
    const today = new Date().toISOString().slice(0, 10);
    const cycles = (await call("GET", `/api/orgs/${own}/cycles?limit=50`)).items as Array<{
      id: string;
      kind: string;
      state: string;
      startsOn: string;
      endsOn: string;
      version: number;
    }>;
    const quarter = cycles.find((c) => c.kind === "quarter" && c.startsOn <= today && c.endsOn >= today)!;
    if (quarter.state !== "active") {
      await call("PATCH", `/api/orgs/${own}/cycles/${quarter.id}`, {
        version: quarter.version,
        state: "active",
        acknowledgeFindings: true,
      });
    }
    const company = (await call("GET", `/api/orgs/${own}/teams/tree`)).roots[0];
    const titles = [
      "On-time arrivals from 88 % to 95 %",
      "Damage claims per 1,000 shipments from 4 to 2",
      "Average quay turnaround from 41 to 30 hours",
      "Repeat customers from 52 to 60",
      "Empty kilometres from 18 % to 12 %",
    ];
    const objective = await call("POST", `/api/orgs/${own}/objectives`, {
      cycleId: quarter.id,
      teamId: company.id,
      ownerUserId: me.id,
      title: "Be the carrier the North Sea ports trust most",
      keyResults: titles.map((title, i) => ({
        title,
        kind: "metric",
        startValue: 10 * (i + 1),
        targetValue: 10 * (i + 1) + 20,
        ownerUserId: me.id,
      })),
    });
    await call("PATCH", `/api/orgs/${own}/objectives/${objective.id}`, {
      version: objective.version,
      state: "active",
      acknowledgeFindings: true,
    });

    const page = await signedIn.newPage();
    await page.goto(`${base}/o/${own}`);
    await page.getByRole("navigation", { name: "Main" }).waitFor();

    // Every key that is not text typed into a field counts: the shortcut, Tab, Enter, the save.
    let nonTyping = 0;
    const press = async (key: string) => {
      nonTyping++;
      await page.keyboard.press(key);
    };
    const type = (text: string) => page.keyboard.type(text);

    await press("g");
    await press("m");
    const rows = page.getByTestId("check-in-row");
    // The page loads its KRs on arrival (the navigation no longer reads them for a badge).
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(5);
    const focusedRow = () =>
      page.evaluate(() => {
        const all = [...document.querySelectorAll("[data-testid=check-in-row]")];
        return all.findIndex((row) => row.contains(document.activeElement));
      });
    // Focus starts in the first row's value: no Tabs through the header and navigation.
    await expect.poll(focusedRow).toBe(0);

    const entries = titles.map((_, i) => ({
      value: String(10 * (i + 1) + 5 + i),
      confidence: String([7, 4, 10, 6, 1][i]),
      note: `Week ${i + 1}: new depot schedule is working, waiting on the crane repair.`,
    }));
    for (const [i, entry] of entries.entries()) {
      expect(await focusedRow()).toBe(i);
      await page.keyboard.press("Control+A"); // select the prefilled value to replace it (typing)
      await type(entry.value);
      await press("Tab"); // to the confidence
      await type(entry.confidence); // a complete number moves on to the note…
      if (entry.confidence === "1") await press("Tab"); // …except a 1, which may start a 10
      await type(entry.note);
      if (i < entries.length - 1) await press("Enter"); // the next row
    }
    await screenshot(page, "20-check-in-by-keyboard");
    await press("Control+Enter");
    await page.getByText("Saved 5 check-ins.", { exact: false }).waitFor();

    expect(nonTyping).toBeLessThanOrEqual(15);
    console.log(`keyboard check-in of 5 KRs: ${nonTyping} keys that are not typing`);

    for (const [i, kr] of objective.keyResults.entries()) {
      const history = (await call("GET", `/api/orgs/${own}/key-results/${kr.id}/check-ins`)).items;
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({
        value: Number(entries[i]!.value),
        confidence: Number(entries[i]!.confidence),
        note: entries[i]!.note,
      });
    }
    await page.close();
  });

  it("offers a skip link as the first Tab stop, which moves focus to the page", async () => {
    const page = await signedIn.newPage();
    await page.goto(`${base}/o/${demo}/people`);
    await page.getByRole("navigation", { name: "Main" }).waitFor();
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content", exact: true });
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main-content");
    await page.close();
  });

  it("has no serious or critical axe finding on any main page, in light, nor a contrast one in dark", async () => {
    const o = `/o/${demo}`;
    const objectives = (await call("GET", `/api/orgs/${demo}/objectives?limit=5`)).items;
    const kpis = (await call("GET", `/api/orgs/${demo}/kpis?limit=5`)).items;
    const tree = await call("GET", `/api/orgs/${demo}/teams/tree`);
    const team = tree.roots[0].children[0] ?? tree.roots[0];
    const pages: Record<string, string> = {
      overview: o,
      inbox: `${o}/inbox`,
      "my home": `${o}/my`,
      teams: `${o}/teams`,
      "team KPI board": `${o}/teams/${team.id}/kpis`,
      "KPI board": `${o}/kpis`,
      "KPI detail": `${o}/kpis/${kpis[0].id}`,
      OKRs: `${o}/okrs`,
      objective: `${o}/okrs/${objectives[0].id}`,
      "my check-ins": `${o}/check-ins`,
      "enter values": `${o}/kpi-entry`,
      escalations: `${o}/escalations`,
      settings: `${o}/admin/settings`,
      people: `${o}/people`,
    };
    const findings: string[] = [];
    for (const scheme of ["light", "dark"] as const) {
      // The saved scheme (public/color-scheme.js reads it before the first paint).
      const page: Page = await signedIn.newPage();
      await page.addInitScript((s) => localStorage.setItem("keel-color-scheme", s), scheme);
      for (const [name, url] of Object.entries(pages)) {
        await page.goto(`${base}${url}`);
        await page.getByRole("navigation", { name: "Main" }).waitFor();
        await page.waitForLoadState("networkidle");
        await page
          .locator("[data-testid=loading], .mantine-Skeleton-root")
          .first()
          .waitFor({ state: "detached" })
          .catch(() => {});
        expect(await page.evaluate(() => document.documentElement.dataset.mantineColorScheme)).toBe(scheme);
        // Light gets every rule; dark only those that read colours, as the markup is the same.
        for (const f of await seriousAxeFindings(page, { colourOnly: scheme === "dark" })) {
          findings.push(`${name} (${scheme}): ${f.id} [${f.impact}] ${f.help} → ${f.targets.join(" | ")}`);
        }
      }
      await page.close();
    }
    expect(findings).toEqual([]);
  });
});
