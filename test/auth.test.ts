import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPerson, buildTeam } from "./support/factories.ts";
import {
  DAY,
  expectError,
  type Harness,
  HOUR,
  MINUTE,
  type OrgRef,
  type SessionClient,
  sessionCookieLine,
  startHarness,
} from "./support/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const ownerInput = buildPerson({ name: "Lotte Visser" });
let owner: SessionClient;
let org: OrgRef;

describe("first run on this machine", () => {
  it("reports that setup is needed and that no setup code is asked from loopback", async () => {
    const reply = await h.request("GET", "/api/setup");
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ needsSetup: true, setupCodeRequired: false });
  });

  it("refuses an incomplete setup, naming each bad field, and creates nothing", async () => {
    const noOrg = await h.request("POST", "/api/setup", { body: { start: "own", ...ownerInput } });
    expectError(noOrg, 400, "validation_failed", "organizationName");

    const shortPassword = await h.request("POST", "/api/setup", {
      body: { organizationName: "Van der Berg Logistics", ...ownerInput, password: "truck" },
    });
    expectError(shortPassword, 400, "validation_failed", "password");

    const badEmail = await h.request("POST", "/api/setup", {
      body: { organizationName: "Van der Berg Logistics", ...ownerInput, email: "lotte at vdberg" },
    });
    expectError(badEmail, 400, "validation_failed", "email");

    expect((await h.request("GET", "/api/setup")).body.needsSetup).toBe(true);
  });

  it("asks for the setup code when the request came through a proxy, even from loopback", async () => {
    const status = await h.request("GET", "/api/setup", { headers: { "X-Forwarded-For": "203.0.113.7" } });
    expect(status.body.setupCodeRequired).toBe(true);
    const reply = await h.request("POST", "/api/setup", {
      headers: { "X-Forwarded-For": "203.0.113.7" },
      body: { organizationName: "Van der Berg Logistics", timeZone: "Europe/Amsterdam", ...ownerInput },
    });
    expectError(reply, 403, "setup_code_required", "setupCode");
    expect((await h.request("GET", "/api/setup")).body.needsSetup).toBe(true);
  });

  it("creates the organisation and its owner, and signs the owner in", async () => {
    const reply = await h.request("POST", "/api/setup", {
      body: { organizationName: "Van der Berg Logistics", timeZone: "Europe/Amsterdam", ...ownerInput },
    });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body.user).toMatchObject({ name: "Lotte Visser", email: ownerInput.email });
    expect(reply.body.organizationSlug).toBe("van-der-berg-logistics");
    expect(reply.body.organizations).toEqual([
      expect.objectContaining({
        slug: "van-der-berg-logistics",
        name: "Van der Berg Logistics",
        role: "owner",
      }),
    ]);
    owner = h.sessionFrom(reply, ownerInput);
    org = {
      id: reply.body.organizations[0].id,
      slug: "van-der-berg-logistics",
      name: "Van der Berg Logistics",
    };

    const session = await h.request("GET", "/api/auth/session", { as: owner });
    expect(session.status).toBe(200);
    expect(session.body.user.email).toBe(ownerInput.email);
    const orgReply = await h.request("GET", `/api/orgs/${org.slug}`, { as: owner });
    expect(orgReply.body).toMatchObject({
      name: "Van der Berg Logistics",
      timeZone: "Europe/Amsterdam",
      role: "owner",
    });
    expect((await h.request("GET", "/api/setup")).body).toEqual({
      needsSetup: false,
      setupCodeRequired: false,
    });
  });

  it("sets the session cookie HttpOnly, SameSite=Lax, for the whole site, not Secure over plain HTTP", async () => {
    const reply = await h.request("POST", "/api/auth/sign-in", {
      body: { email: ownerInput.email, password: ownerInput.password },
    });
    const line = sessionCookieLine(reply.headers)!;
    expect(line).toMatch(/;\s*HttpOnly/i);
    expect(line).toMatch(/;\s*SameSite=Lax/i);
    expect(line).toMatch(/;\s*Path=\//i);
    expect(line).not.toMatch(/;\s*Secure/i);
  });

  it("marks the cookie Secure when Keel is served over HTTPS", async () => {
    const https = h.appWith({ KEEL_SECURE_COOKIES: "true" });
    const reply = await h.requestOn(https, "POST", "/api/auth/sign-in", {
      body: { email: ownerInput.email, password: ownerInput.password },
    });
    expect(reply.status).toBe(200);
    expect(sessionCookieLine(reply.headers)).toMatch(/;\s*Secure/i);
  });

  it("refuses a second setup with 409 and leaves the first owner alone", async () => {
    const intruder = buildPerson({ name: "Bram Smits" });
    const reply = await h.request("POST", "/api/setup", {
      body: { organizationName: "Takeover Freight", ...intruder },
    });
    expectError(reply, 409, "conflict");
    expect(await h.findUser(intruder.email)).toBeUndefined();
    const again = await h.request("POST", "/api/setup", {
      body: { organizationName: "Takeover Freight", ...ownerInput, password: "another-password-1" },
    });
    expectError(again, 409, "conflict");
    await expect(h.signIn(ownerInput.email, ownerInput.password)).resolves.toMatchObject({ kind: "session" });
  });
});

describe("first run from another machine (behind a trusted proxy)", () => {
  let remote: Harness;
  const logLines: string[] = [];
  let baseUrl: string;
  let server: ReturnType<typeof serve>;

  beforeAll(async () => {
    const logger = pino({ level: "warn" }, { write: (line: string) => logLines.push(line) });
    remote = await startHarness({ env: { KEEL_TRUST_PROXY: "true" }, logger });
    server = serve({ fetch: remote.app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await remote?.close();
  });

  const post = (body: unknown) =>
    fetch(`${baseUrl}/api/setup`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.7" },
      body: JSON.stringify(body),
    });
  const person = buildPerson({ name: "Daan Bakker" });
  const setupBody = { organizationName: "Noordzee Freight", ...person };

  it("tells the remote browser that a setup code is needed", async () => {
    const res = await fetch(`${baseUrl}/api/setup`, { headers: { "x-forwarded-for": "203.0.113.7" } });
    expect(await res.json()).toEqual({ needsSetup: true, setupCodeRequired: true });
    const local = await fetch(`${baseUrl}/api/setup`);
    expect(await local.json()).toEqual({ needsSetup: true, setupCodeRequired: false });
  });

  it("refuses setup without the code, or with a wrong one, and prints the code in the log", async () => {
    const without = await post(setupBody);
    expect(without.status).toBe(403);
    const body = (await without.json()) as {
      error: { code: string; details: { issues: Array<{ field: string }> } };
    };
    expect(body.error.code).toBe("setup_code_required");
    expect(body.error.details.issues.map((i) => i.field)).toContain("setupCode");

    const wrong = await post({ ...setupBody, setupCode: "AAAA-BBBB-CCCC" });
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe("setup_code_required");
    expect(await remote.findUser(person.email)).toBeUndefined();
    expect(logLines.join("\n")).toMatch(/setupCode/);
  });

  it("sets up with the code from the log, typed in lower case", async () => {
    const code = logLines
      .map((l) => JSON.parse(l) as { setupCode?: string })
      .map((l) => l.setupCode)
      .filter(Boolean)
      .at(-1)!;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const res = await post({ ...setupBody, setupCode: ` ${code.toLowerCase()} ` });
    expect(res.status).toBe(201);
    expect(res.headers.getSetCookie().join("\n")).toMatch(/keel_session=/);
    expect((await remote.findUser(person.email))?.name).toBe("Daan Bakker");
  });

  it("once set up, answers a remote setup with 409 and prints no new code", async () => {
    const codesBefore = logLines.filter((l) => l.includes("setupCode")).length;
    const res = await post({ ...setupBody, email: "intruder@example.test", setupCode: "AAAA-BBBB-CCCC" });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("conflict");
    expect(logLines.filter((l) => l.includes("setupCode")).length).toBe(codesBefore);
    expect(await remote.findUser("intruder@example.test")).toBeUndefined();
  });
});

describe("sign-in", () => {
  it("signs in with the right password, whatever the case of the email", async () => {
    const reply = await h.request("POST", "/api/auth/sign-in", {
      body: { email: ownerInput.email.toUpperCase(), password: ownerInput.password },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.user.email).toBe(ownerInput.email);
    expect(reply.body.organizations.map((o: { slug: string }) => o.slug)).toEqual([org.slug]);
    expect(reply.body.csrfToken).toEqual(expect.any(String));
    expect(sessionCookieLine(reply.headers)).toMatch(/^keel_session=[^;]+;/);
  });

  it("answers a wrong password exactly like an unknown email, without setting a cookie", async () => {
    const wrong = await h.request("POST", "/api/auth/sign-in", {
      body: { email: ownerInput.email, password: "not-the-password" },
    });
    const unknown = await h.request("POST", "/api/auth/sign-in", {
      body: { email: "nobody@vdberg-logistics.test", password: "not-the-password" },
    });
    expectError(wrong, 401, "invalid_credentials");
    expectError(unknown, 401, "invalid_credentials");
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
    expect(sessionCookieLine(wrong.headers)).toBeUndefined();
  });

  it("names the missing field when the form is incomplete", async () => {
    const reply = await h.request("POST", "/api/auth/sign-in", { body: { email: ownerInput.email } });
    expectError(reply, 400, "validation_failed", "password");
  });

  it("locks an account after 10 failed attempts, even for the right password, until the window passes", async () => {
    const sem = await h.createUser({ name: "Sem de Jong" });
    for (let attempt = 1; attempt <= 10; attempt++) {
      const reply = await h.request("POST", "/api/auth/sign-in", {
        body: { email: sem.email, password: `guess-number-${attempt}` },
      });
      expectError(reply, 401, "invalid_credentials");
    }
    const eleventh = await h.request("POST", "/api/auth/sign-in", {
      body: { email: sem.email, password: "guess-number-11" },
    });
    expectError(eleventh, 429, "rate_limited");
    expect(Number(eleventh.headers.get("retry-after"))).toBeGreaterThan(0);

    const right = await h.request("POST", "/api/auth/sign-in", {
      body: { email: sem.email, password: sem.password },
    });
    expectError(right, 429, "rate_limited");

    // Other accounts are not affected.
    await expect(h.signIn(ownerInput.email, ownerInput.password)).resolves.toMatchObject({
      email: ownerInput.email,
    });

    h.clock.advance(16 * MINUTE);
    await expect(h.signIn(sem.email, sem.password)).resolves.toMatchObject({ email: sem.email });
  });
});

describe("sessions", () => {
  it("GET /api/auth/session needs a signed-in person: 401 without, 403 for an API token", async () => {
    expectError(await h.request("GET", "/api/auth/session"), 401, "unauthenticated");
    const token = await h.createToken(owner, org, { name: "Dock scanner", role: "viewer" });
    expectError(await h.request("GET", "/api/auth/session", { as: token.client }), 403, "forbidden");
  });

  it("sign-out ends that session only and clears the cookie", async () => {
    const phone = await h.signIn(ownerInput.email, ownerInput.password);
    const laptop = await h.signIn(ownerInput.email, ownerInput.password);
    const out = await h.request("POST", "/api/auth/sign-out", { as: phone });
    expect(out.status).toBe(200);
    expect(sessionCookieLine(out.headers)).toMatch(/Max-Age=0/i);
    expectError(await h.request("GET", "/api/auth/session", { as: phone }), 401, "unauthenticated");
    expectError(await h.request("GET", `/api/orgs/${org.slug}`, { as: phone }), 401, "unauthenticated");
    expect((await h.request("GET", "/api/auth/session", { as: laptop })).status).toBe(200);
  });

  it("a session unused for more than 30 days has expired", async () => {
    const session = await h.signIn(ownerInput.email, ownerInput.password);
    h.clock.advance(31 * DAY);
    try {
      expectError(await h.request("GET", "/api/auth/session", { as: session }), 401, "unauthenticated");
    } finally {
      h.clock.advance(-31 * DAY);
    }
  });
});

describe("changing one's password", () => {
  let julia: SessionClient;
  let juliaOtherDevice: SessionClient;
  const newPassword = "Container-yard-88";

  beforeAll(async () => {
    const member = await h.addPerson(owner, org, "member", { name: "Julia Meijer" });
    julia = member.client;
    juliaOtherDevice = await h.signIn(member.email, member.password);
  });

  it("refuses a wrong current password, naming currentPassword", async () => {
    const reply = await h.request("POST", "/api/auth/password", {
      as: julia,
      body: { currentPassword: "not-my-password", newPassword },
    });
    expectError(reply, 400, "validation_failed", "currentPassword");
  });

  it("refuses a new password under 10 characters, naming newPassword", async () => {
    const reply = await h.request("POST", "/api/auth/password", {
      as: julia,
      body: { currentPassword: julia.password, newPassword: "short" },
    });
    expectError(reply, 400, "validation_failed", "newPassword");
  });

  it("is not open to API tokens", async () => {
    const token = await h.createToken(julia, org, { name: "Julia's spreadsheet", role: "member" });
    const reply = await h.request("POST", "/api/auth/password", {
      as: token.client,
      body: { currentPassword: julia.password, newPassword },
    });
    expectError(reply, 403, "forbidden");
  });

  it("changes the password and signs out the other sessions, keeping this one", async () => {
    const reply = await h.request("POST", "/api/auth/password", {
      as: julia,
      body: { currentPassword: julia.password, newPassword },
    });
    expect(reply.status, reply.text).toBe(200);
    expect((await h.request("GET", "/api/auth/session", { as: julia })).status).toBe(200);
    expectError(
      await h.request("GET", "/api/auth/session", { as: juliaOtherDevice }),
      401,
      "unauthenticated",
    );
    const old = await h.request("POST", "/api/auth/sign-in", {
      body: { email: julia.email, password: julia.password },
    });
    expectError(old, 401, "invalid_credentials");
    await expect(h.signIn(julia.email, newPassword)).resolves.toMatchObject({ email: julia.email });
  });
});

describe("password reset links", () => {
  const tokenOf = (url: string) => /\/reset-password\/([^/?#]+)$/.exec(url)![1]!;

  it("lets an admin issue a one-time link that sets a new password and ends old sessions", async () => {
    const tess = await h.addPerson(owner, org, "member", { name: "Tess Mulder" });
    const issued = await h.request("POST", `/api/orgs/${org.slug}/people/${tess.id}/password-reset`, {
      as: owner,
    });
    expect(issued.status, issued.text).toBe(201);
    expect(issued.body.url).toMatch(/^http:\/\/localhost\/reset-password\/[\w-]{20,}$/);
    const expiresIn = Date.parse(issued.body.expiresAt) - h.clock.now().getTime();
    expect(expiresIn).toBeGreaterThan(23 * HOUR);
    expect(expiresIn).toBeLessThanOrEqual(24 * HOUR);

    const token = tokenOf(issued.body.url);
    const tooShort = await h.request("POST", "/api/auth/password-reset", {
      body: { token, newPassword: "short" },
    });
    expectError(tooShort, 400, "validation_failed", "newPassword");

    const used = await h.request("POST", "/api/auth/password-reset", {
      body: { token, newPassword: "Forklift-license-2027" },
    });
    expect(used.status, used.text).toBe(200);
    expectError(await h.request("GET", "/api/auth/session", { as: tess.client }), 401, "unauthenticated");

    const again = await h.request("POST", "/api/auth/password-reset", {
      body: { token, newPassword: "Forklift-license-2028" },
    });
    expectError(again, 410, "gone");

    expectError(
      await h.request("POST", "/api/auth/sign-in", { body: { email: tess.email, password: tess.password } }),
      401,
      "invalid_credentials",
    );
    await expect(h.signIn(tess.email, "Forklift-license-2027")).resolves.toMatchObject({ email: tess.email });
  });

  it("a link older than 24 hours no longer works and the password stays as it was", async () => {
    const finn = await h.addPerson(owner, org, "member", { name: "Finn de Boer" });
    const issued = await h.ok("POST", `/api/orgs/${org.slug}/people/${finn.id}/password-reset`, {
      as: owner,
    });
    h.clock.advance(25 * HOUR);
    try {
      const reply = await h.request("POST", "/api/auth/password-reset", {
        body: { token: tokenOf(issued.url), newPassword: "Late-night-shift-1" },
      });
      expectError(reply, 410, "gone");
      await expect(h.signIn(finn.email, finn.password)).resolves.toMatchObject({ email: finn.email });
    } finally {
      h.clock.advance(-25 * HOUR);
    }
  });

  it("an unknown reset token is gone", async () => {
    const reply = await h.request("POST", "/api/auth/password-reset", {
      body: { token: "x".repeat(43), newPassword: "Whatever-password-1" },
    });
    expectError(reply, 410, "gone");
  });
});

describe("cross-site request forgery", () => {
  const teamCount = async () =>
    (await h.ok(`GET`, `/api/orgs/${org.slug}/teams?limit=200`, { as: owner })).items.length as number;

  it("refuses a cookie-authenticated change without X-CSRF-Token, and changes nothing", async () => {
    const before = await teamCount();
    const reply = await h.request("POST", `/api/orgs/${org.slug}/teams`, {
      as: owner,
      csrf: false,
      body: buildTeam({ name: "Hub Rotterdam" }),
    });
    expectError(reply, 403, "csrf_failed");
    expect(await teamCount()).toBe(before);
  });

  it("refuses a wrong CSRF token", async () => {
    const reply = await h.request("POST", `/api/orgs/${org.slug}/teams`, {
      as: owner,
      headers: { "X-CSRF-Token": "forged-token-value" },
      body: buildTeam({ name: "Hub Rotterdam" }),
    });
    expectError(reply, 403, "csrf_failed");
  });

  it("refuses a change sent from a foreign Origin even with the right token, sign-in included", async () => {
    const before = await teamCount();
    const reply = await h.request("POST", `/api/orgs/${org.slug}/teams`, {
      as: owner,
      headers: { Origin: "https://evil.example", Host: "okr.vdberg-logistics.test" },
      body: buildTeam({ name: "Hub Rotterdam" }),
    });
    expectError(reply, 403, "csrf_failed");
    expect(await teamCount()).toBe(before);

    const signIn = await h.request("POST", "/api/auth/sign-in", {
      headers: { Origin: "https://evil.example" },
      body: { email: ownerInput.email, password: ownerInput.password },
    });
    expectError(signIn, 403, "csrf_failed");
    expect(sessionCookieLine(signIn.headers)).toBeUndefined();
  });

  it("accepts the same origin, the public URL's origin, and reads without a token", async () => {
    const same = await h.request("POST", `/api/orgs/${org.slug}/teams`, {
      as: owner,
      headers: { Origin: "http://okr.vdberg-logistics.test", Host: "okr.vdberg-logistics.test" },
      body: buildTeam({ name: "Hub Rotterdam" }),
    });
    expect(same.status, same.text).toBe(201);

    const behindProxy = h.appWith({ KEEL_PUBLIC_URL: "https://okr.vdberg-logistics.test" });
    const viaPublicUrl = await h.requestOn(behindProxy, "POST", `/api/orgs/${org.slug}/teams`, {
      as: owner,
      headers: { Origin: "https://okr.vdberg-logistics.test", Host: "10.0.0.5:3000" },
      body: buildTeam({ name: "Hub Antwerp" }),
    });
    expect(viaPublicUrl.status, viaPublicUrl.text).toBe(201);

    const read = await h.request("GET", `/api/orgs/${org.slug}/teams`, { as: owner, csrf: false });
    expect(read.status).toBe(200);
  });

  it("does not ask API tokens for a CSRF token (they are not sent by browsers)", async () => {
    const token = await h.createToken(owner, org, {
      kind: "service",
      name: "Route optimiser",
      role: "admin",
    });
    const reply = await h.request("POST", `/api/orgs/${org.slug}/teams`, {
      as: token.client,
      body: buildTeam({ name: "Route Planning" }),
    });
    expect(reply.status, reply.text).toBe(201);
  });
});
