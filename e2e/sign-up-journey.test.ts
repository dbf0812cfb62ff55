import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningServer } from "../scripts/lib/keel-process.ts";
import { skipWhen } from "../test/support/skip.ts";
import { linkIn, smtpEnv, startSmtpServer, type TestSmtpServer } from "../test/support/smtp.ts";
import { apiCaller } from "./support/api.ts";
import { seriousAxeFindings } from "./support/axe.ts";
import { launchBrowser, noChromium, screenshot } from "./support/browser.ts";
import { startKeelOnFreePort } from "./support/keel.ts";

const PASSWORD = "a long fjord passphrase";

/** The mail that reaches `to`, once Keel's email job has sent it (it runs every 15 s). */
async function mailTo(smtp: TestSmtpServer, to: string) {
  for (let waited = 0; waited < 90_000; waited += 500) {
    const mail = smtp.received.find((m) => m.to.includes(to));
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no mail reached ${to}`);
}

/** Serious accessibility findings of the page as it is, in light and (colours only) dark. */
async function axeFindings(page: Page, name: string): Promise<string[]> {
  const findings: string[] = [];
  for (const scheme of ["light", "dark"] as const) {
    await page.evaluate((s) => {
      localStorage.setItem("keel-color-scheme", s);
      document.documentElement.dataset.mantineColorScheme = s;
    }, scheme);
    for (const f of await seriousAxeFindings(page, { colourOnly: scheme === "dark" })) {
      findings.push(`${name} (${scheme}): ${f.id} [${f.impact}] ${f.help} → ${f.targets.join(" | ")}`);
    }
  }
  return findings;
}

skipWhen(noChromium).describe("self sign-up in a browser", () => {
  let browser: Browser;
  let smtp: TestSmtpServer;
  let server: RunningServer | undefined;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-e2e-sign-up-"));
    ({ server, base } = await startKeelOnFreePort({ KEEL_DATA_DIR: dir, ...smtpEnv(smtp.port) }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("an operator opens sign-up; a newcomer signs up, confirms by the mailed link and creates an organisation", async () => {
    // The operator sets Keel up, then opens organisation creation to everyone on the
    // Account page. (Contexts bypass the Content-Security-Policy for axe's script.)
    const operator = await browser.newContext({ viewport: { width: 1280, height: 860 }, bypassCSP: true });
    const call = apiCaller(operator.request, base);
    await call("POST", "/api/setup", {
      start: "own",
      organizationName: "Nordwind Haulage",
      name: "Ingrid Dahl",
      email: "ingrid@nordwind.example",
      password: PASSWORD,
    });
    const findings: string[] = [];
    const settings = await operator.newPage();
    await settings.goto(`${base}/account`);
    await settings.getByRole("heading", { name: "This Keel instance" }).waitFor();
    await settings.getByRole("radio", { name: /^Everyone/ }).click();
    await settings.getByText("Everyone may now create an account and an organisation.").waitFor();
    await screenshot(settings, "sign-up-00-operator-opens");
    findings.push(...(await axeFindings(settings, "account page of an operator")));
    await operator.close();

    const newcomer = await browser.newContext({ viewport: { width: 1280, height: 860 }, bypassCSP: true });
    const page = await newcomer.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.waitForURL(/\/sign-up/);
    await page.getByLabel("Your name").waitFor();
    findings.push(...(await axeFindings(page, "sign-up")));
    await page.getByLabel("Your name").fill("Astrid Holm");
    await page.getByLabel("Email").fill("astrid@fjordline.example");
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Confirm password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    await screenshot(page, "sign-up-01-check-your-email");
    findings.push(...(await axeFindings(page, "check your email")));

    // Signing in before confirming says what to do.
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Email").fill("astrid@fjordline.example");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Confirm your email address first").waitFor();
    await page.getByRole("button", { name: "Send the link again" }).waitFor();
    await screenshot(page, "sign-up-02-not-confirmed");
    findings.push(...(await axeFindings(page, "sign-in, not confirmed")));

    // The link in the mail, opened on this server (the mail names KEEL_PUBLIC_URL).
    const mail = await mailTo(smtp, "astrid@fjordline.example");
    expect(mail.subject).toBe("Confirm your email address for Keel");
    const link = new URL(linkIn(mail.text, "https://okr.nordwind.example/verify-email/"));
    await page.goto(`${base}${link.pathname}`);
    await page.getByRole("heading", { name: "Address confirmed" }).waitFor();
    await screenshot(page, "sign-up-03-confirmed");
    findings.push(...(await axeFindings(page, "address confirmed")));

    await page.getByRole("button", { name: "Create your organisation" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Organisation name").fill("Fjordline Freight");
    await dialog.getByRole("button", { name: "Create organisation" }).click();
    await page.waitForURL(/\/o\/fjordline-freight/);
    await page.getByText("Fjordline Freight").first().waitFor();
    await screenshot(page, "sign-up-04-own-organisation");
    await newcomer.close();
    expect(findings).toEqual([]);
  });
});
