import type { Browser, BrowserContext } from "playwright-core";
import { apiCaller } from "./api.ts";
import { launchBrowser } from "./browser.ts";
import { DEMO_OWNER } from "./demo-owner.ts";
import { type DemoKeel, startDemoKeel } from "./keel.ts";

export type DemoJourney = {
  keel: DemoKeel;
  base: string;
  browser: Browser;
  /** A desktop-sized context signed in as DEMO_OWNER. */
  context: BrowserContext;
  call: ReturnType<typeof apiCaller>;
  /** The demo organisation's slug. */
  demo: string;
};

/**
 * What a journey in the demo starts with: Keel on a copy of the run's demo folder, a
 * browser, and a context signed in as the demo's owner. `bypassCSP` lets axe be injected
 * as a script, which Keel's Content-Security-Policy would refuse.
 */
export async function openDemoJourney(opts: { bypassCSP?: boolean } = {}): Promise<DemoJourney> {
  const keel = await startDemoKeel();
  const browser = await launchBrowser();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    ...(opts.bypassCSP ? { bypassCSP: true } : {}),
  });
  const call = apiCaller(context.request, keel.base);
  await call("POST", "/api/auth/sign-in", { email: DEMO_OWNER.email, password: DEMO_OWNER.password });
  const demo = (await call("GET", "/api/auth/session")).organizations[0].slug as string;
  return { keel, base: keel.base, browser, context, call, demo };
}
