// The leadership home in the browser, on the demo: the owner opens the organisation, sees
// the teams' OKR health and the KPI strip, opens a count's list (as long as the count says),
// drills into a team in trouble, and sees a check-in made elsewhere arrive in its team's
// row without a reload; axe finds nothing serious in light or dark.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Json } from "../test/support/harness.ts";
import { skipWhen } from "../test/support/skip.ts";
import { apiCaller } from "./support/api.ts";
import { seriousAxeFindings } from "./support/axe.ts";
import { noChromium } from "./support/browser.ts";
import { type DemoJourney, openDemoJourney } from "./support/demo-journey.ts";
import { DEMO_OWNER } from "./support/demo-owner.ts";
import type { DemoKeel } from "./support/keel.ts";

skipWhen(noChromium).describe("the leadership home in the browser", () => {
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

  it("shows the grid and the KPI strip, opens a count's list and drills into a team in trouble", async () => {
    const home = await call("GET", `/api/orgs/${demo}/leadership-home`);
    const troubled = (home.teams as Json[]).find((t) => t.overall === "off_track" || t.overall === "at_risk");
    expect(troubled, "the demo has a team off track or at risk").toBeDefined();

    const page: Page = await context.newPage();
    await page.goto(`${base}/o/${demo}`);
    const grid = page.getByTestId("leadership-grid");
    await grid.waitFor();
    const strip = page.getByTestId("kpi-strip");
    await strip.waitFor();
    expect(await strip.getByTestId("strip-kpi").count()).toBe(home.kpis.items.length);
    expect(await strip.getByTestId("sparkline").count()).toBeGreaterThan(0);

    // A count opens the list behind it, exactly as long as the count.
    const flags = page.getByTestId("count-flags");
    expect(await flags.textContent()).toContain(String(home.counts.flaggedKeyResults.count));
    await flags.click();
    await page.getByTestId("leadership-list").waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get("list")).toBe("flags");
    if (home.counts.flaggedKeyResults.count > 0) {
      await page.getByTestId("leadership-list-row").first().waitFor();
      expect(await page.getByTestId("leadership-list-row").count()).toBe(home.counts.flaggedKeyResults.count);
    }

    // The team's row says its word, not only its colour; its name opens its OKRs.
    const row = grid.locator(`[data-testid=leadership-team][data-status=${troubled!.overall}]`).filter({
      has: page.getByRole("link", { name: troubled!.name, exact: true }),
    });
    expect(await row.getByTestId("okr-status").textContent()).toMatch(/Off track|At risk/);
    await row.getByRole("link", { name: troubled!.name, exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/o/${demo}/okrs`);
    expect(new URL(page.url()).searchParams.get("team")).toBe(troubled!.teamId);
    await page.getByTestId("objective-card").first().waitFor();
    const statuses = await page
      .getByTestId("objective-card")
      .locator("[data-testid=okr-status]")
      .allTextContents();
    expect(statuses.some((s) => /Off track|At risk/.test(s))).toBe(true);
    await page.close();
  });

  it("shows a check-in made elsewhere in its team's row, live, without a reload", async () => {
    const home = await call("GET", `/api/orgs/${demo}/leadership-home`);
    const cycleId = home.cycle.id as string;
    // A team with a KR not yet checked in this week, and a lead who may check in on it.
    const tree = await call("GET", `/api/orgs/${demo}/teams/tree`);
    const flatten = (nodes: Json[]): Json[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);
    const leads = new Map(flatten(tree.roots).map((t) => [t.id as string, t.leadUserId as string | null]));
    // This week started on Monday (the demo's week start); a KR last checked in before is due.
    const now = new Date();
    const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    const dueThisWeek = (k: Json) => k.lastCheckInAt === null || new Date(k.lastCheckInAt) < monday;
    let target: { team: Json; keyResultId: string; value: number } | null = null;
    for (const team of (home.teams as Json[]).filter((t) => t.checkIns.expected > t.checkIns.done)) {
      if (!leads.get(team.teamId)) continue;
      const objectives = await call(
        "GET",
        `/api/orgs/${demo}/objectives?cycleId=${cycleId}&teamId=${team.teamId}`,
      );
      for (const o of objectives.items as Json[]) {
        if (o.teamId !== team.teamId || o.state !== "active") continue;
        const full = await call("GET", `/api/orgs/${demo}/objectives/${o.id}`);
        const kr = (full.keyResults as Json[]).find(
          (k) => k.kind !== "milestone" && !k.kpi && dueThisWeek(k),
        );
        if (kr) target = { team, keyResultId: kr.id, value: kr.currentValue ?? kr.startValue ?? 0 };
        if (target) break;
      }
      if (target) break;
    }
    expect(target, "the demo has a KR due this week on a team with a lead").not.toBeNull();
    const { team, keyResultId, value } = target!;

    const page: Page = await context.newPage();
    await page.goto(`${base}/o/${demo}`);
    const row = page
      .getByTestId("leadership-team")
      .filter({ has: page.getByRole("link", { name: team.name, exact: true }) });
    await row.getByText(`${team.checkIns.done} of ${team.checkIns.expected}`, { exact: true }).waitFor();
    const loads = { count: 0 };
    page.on("framenavigated", () => loads.count++);

    // The team's lead checks in from another session (the demo's owner, or viewing Keel as them).
    const elsewhere = await browser.newContext();
    const act = apiCaller(elsewhere.request, base);
    await act("POST", "/api/auth/sign-in", { email: DEMO_OWNER.email, password: DEMO_OWNER.password });
    const me = (await act("GET", "/api/auth/session")).user.id;
    const lead = leads.get(team.teamId);
    if (lead !== me) await act("POST", `/api/orgs/${demo}/people/${lead}/view-as`, {});
    await act("POST", `/api/orgs/${demo}/key-results/${keyResultId}/check-ins`, {
      ...(value === null ? {} : { value }),
      confidence: 7,
      note: "Checked in from the warehouse floor.",
    });
    await elsewhere.close();

    await row
      .getByText(`${team.checkIns.done + 1} of ${team.checkIns.expected}`, { exact: true })
      .waitFor({ timeout: 10_000 });
    expect(loads.count).toBe(0);
    await page.close();
  });

  it("narrows to a subtree through the address and has no serious axe finding in light or dark", async () => {
    const home = await call("GET", `/api/orgs/${demo}/leadership-home`);
    const division = (home.teams as Json[]).find((t) => t.depth === 1)!;
    const findings: string[] = [];
    for (const scheme of ["light", "dark"] as const) {
      const page: Page = await context.newPage();
      await page.addInitScript((s) => localStorage.setItem("keel-color-scheme", s), scheme);
      await page.goto(`${base}/o/${demo}/leadership?team=${division.teamId}&list=overdue-check-ins`);
      await page.getByTestId("leadership-grid").waitFor();
      await page.getByTestId("leadership-list").waitFor();
      await page.waitForLoadState("networkidle");
      await page
        .locator(".mantine-Skeleton-root")
        .first()
        .waitFor({ state: "detached" })
        .catch(() => {});
      const names = await page.getByTestId("leadership-team").locator("th a").allTextContents();
      expect(names[0]).toBe(division.name);
      for (const f of await seriousAxeFindings(page, { colourOnly: scheme === "dark" })) {
        findings.push(`${scheme}: ${f.id} [${f.impact}] ${f.help} → ${f.targets.join(" | ")}`);
      }
      await page.close();
    }
    expect(findings).toEqual([]);
  });
});
