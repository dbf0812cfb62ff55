/**
 * The integration harness: Keel's real app (createApp) on a database of this test file's
 * own, called in-process through app.request(). Tests isolate from each other by creating
 * their own organisations; files isolate by database (see database.ts).
 */
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import type { Db } from "../../src/db/client.ts";
import type { Role } from "../../src/domain/roles.ts";
import { createApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import type { Api, Deps } from "../../src/server/context.ts";
import { closeLiveHub } from "../../src/server/events/live-hub.ts";
import { backgroundWorkOf } from "../../src/server/lib/background-work.ts";
import { createLogger, type Logger } from "../../src/server/lib/logger.ts";
import { hashPassword } from "../../src/server/lib/passwords.ts";
import { findUserByEmail, insertUser } from "../../src/server/repositories/identity-repository.ts";
import { SESSION_COOKIE } from "../../src/server/services/auth-service.ts";
import { needsSetup } from "../../src/server/services/setup-service.ts";
import { checkAgainstDocument } from "./contract.ts";
import { openTestDatabase } from "./database.ts";
import {
  buildOrganization,
  buildPerson,
  buildToken,
  DEFAULT_PASSWORD,
  type OrganizationInput,
  type PersonInput,
} from "./factories.ts";

/** A signed-in person: sends the session cookie, and X-CSRF-Token on changes. */
export type SessionClient = {
  kind: "session";
  cookie: string;
  csrfToken: string;
  userId: string;
  email: string;
  name: string;
  password: string;
};
/** An API token: sends `Authorization: Bearer <secret>`. */
export type TokenClient = { kind: "token"; secret: string; tokenId: string };
export type Client = SessionClient | TokenClient;

/** Parsed JSON answers: tests read them loosely and assert on what they expect. */
// biome-ignore lint/suspicious/noExplicitAny: answers are checked by assertions, not types
export type Json = any;

export type Reply<T = Json> = { status: number; body: T; text: string; headers: Headers };

export type RequestOptions = {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (malformed bodies); content type from `contentType`. */
  raw?: string;
  contentType?: string;
  as?: Client;
  headers?: Record<string, string>;
  /** false: a session client leaves out X-CSRF-Token. */
  csrf?: boolean;
};

/** Real time shifted by an offset that tests move (expiry of invitations, links, limits). */
export type Clock = {
  now(): Date;
  set(at: Date | string): void;
  advance(ms: number): void;
  reset(): void;
};

export function createClock(): Clock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    set: (at) => {
      offset = new Date(at).getTime() - Date.now();
    },
    advance: (ms) => {
      offset += ms;
    },
    reset: () => {
      offset = 0;
    },
  };
}

export type OrgRef = { id: string; slug: string; name: string };
export type Account = { id: string; name: string; email: string; password: string };
export type Member = Account & { role: Role; client: SessionClient };

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export type HarnessOptions = {
  /** Extra environment for loadConfig (e.g. KEEL_TRUST_PROXY). */
  env?: Record<string, string>;
  logger?: Logger;
};

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/**
 * A harness with a file's world set up in it; a set-up that throws closes the harness
 * first, so a failed beforeAll leaves no database or server behind.
 */
export async function startHarnessWith<T>(setUp: (h: Harness) => Promise<T>, options: HarnessOptions = {}) {
  const h = await startHarness(options);
  try {
    return await setUp(h);
  } catch (error) {
    await h.close();
    throw error;
  }
}

let defaultHash: Promise<string> | undefined;

export function testConfigEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { NODE_ENV: "test", KEEL_DATA_DIR: "/tmp/unused", LOG_LEVEL: "silent", ...extra };
}

export async function startHarness(options: HarnessOptions = {}) {
  const { database, url: databaseUrl, dispose } = await openTestDatabase();
  const clock = createClock();
  const config = loadConfig(testConfigEnv(options.env));
  // A key per file, as a server without KEEL_SECRET_KEY would make one in its data folder.
  const secretKey = config.secretKey ?? randomBytes(32);
  const deps: Deps = {
    db: database.db,
    engine: database.engine,
    config,
    logger: options.logger ?? createLogger("silent"),
    now: () => clock.now(),
    secretKey: () => secretKey,
  };
  const app = createApp(deps);
  const db: Db = database.db;

  /** Calls an app (by default the harness's) in-process and parses the JSON answer. */
  async function requestOn(target: Api, method: string, path: string, opts: RequestOptions = {}) {
    const headers = new Headers(opts.headers);
    const as = opts.as;
    if (as?.kind === "session") {
      headers.set("cookie", `${SESSION_COOKIE}=${as.cookie}`);
      if (opts.csrf !== false && !headers.has("x-csrf-token")) headers.set("x-csrf-token", as.csrfToken);
    } else if (as?.kind === "token") {
      headers.set("authorization", `Bearer ${as.secret}`);
    }
    let body: string | undefined;
    if (opts.raw !== undefined) {
      body = opts.raw;
      if (opts.contentType) headers.set("content-type", opts.contentType);
    } else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers.set("content-type", opts.contentType ?? "application/json");
    }
    const res = await target.request(path, { method: method.toUpperCase(), headers, body });
    // An event stream never ends by itself: generated tests check its status and stop.
    const streaming = res.status === 200 && res.headers.get("content-type")?.startsWith("text/event-stream");
    if (streaming) await res.body?.cancel();
    const text = streaming ? "" : await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    checkAgainstDocument(target, method, path, res.status, parsed);
    return { status: res.status, body: parsed, text, headers: res.headers } as Reply;
  }

  const request = (method: string, path: string, opts?: RequestOptions) => requestOn(app, method, path, opts);

  /** Like request(), but fails the test with the answer when the status differs. */
  async function ok<T = Json>(
    method: string,
    path: string,
    opts: RequestOptions = {},
    status?: number,
  ): Promise<T> {
    const reply = await request(method, path, opts);
    const expected = status ?? (method.toUpperCase() === "POST" ? [200, 201] : [200]);
    const allowed = Array.isArray(expected) ? expected : [expected];
    if (!allowed.includes(reply.status)) {
      throw new Error(`${method} ${path} → ${reply.status} (expected ${allowed.join("/")}): ${reply.text}`);
    }
    return reply.body as T;
  }

  function sessionFrom(reply: Reply, who: { email: string; password: string }): SessionClient {
    const cookie = sessionCookieOf(reply.headers);
    if (!cookie) throw new Error(`no session cookie in the answer: ${reply.text}`);
    return {
      kind: "session",
      cookie,
      csrfToken: reply.body.csrfToken,
      userId: reply.body.user.id,
      email: reply.body.user.email,
      name: reply.body.user.name,
      password: who.password,
    };
  }

  async function signIn(email: string, password: string): Promise<SessionClient> {
    const reply = await request("POST", "/api/auth/sign-in", { body: { email, password } });
    if (reply.status !== 200) throw new Error(`sign-in of ${email} → ${reply.status}: ${reply.text}`);
    return sessionFrom(reply, { email, password });
  }

  async function passwordHashOf(password: string) {
    if (!defaultHash) defaultHash = hashPassword(DEFAULT_PASSWORD);
    return password === DEFAULT_PASSWORD ? defaultHash : hashPassword(password);
  }

  /**
   * An account with a password, made directly in the database (not a test subject);
   * `isOperator` makes it an operator of the instance (it may create organisations).
   */
  async function createUser(
    overrides: Partial<PersonInput> & { isOperator?: boolean } = {},
  ): Promise<Account> {
    const { isOperator = false, ...rest } = overrides;
    const person = buildPerson(rest);
    const passwordHash = await passwordHashOf(person.password);
    const row = await insertUser(db, { email: person.email, name: person.name, passwordHash, isOperator });
    return { id: row.id, name: row.name, email: row.email, password: person.password };
  }

  /** The first run: POST /api/setup creates the organisation and its owner, signed in. */
  async function setup(
    person: Partial<PersonInput> = {},
    org: Partial<OrganizationInput> = {},
  ): Promise<{ owner: SessionClient; org: OrgRef }> {
    const p = buildPerson(person);
    const o = buildOrganization(org);
    const reply = await request("POST", "/api/setup", {
      body: { start: "own", organizationName: o.name, timeZone: o.timeZone, ...p },
    });
    if (reply.status !== 201) throw new Error(`setup → ${reply.status}: ${reply.text}`);
    const owner = sessionFrom(reply, p);
    const summary = reply.body.organizations.find(
      (x: { slug: string }) => x.slug === reply.body.organizationSlug,
    );
    return { owner, org: { id: summary.id, slug: summary.slug, name: summary.name } };
  }

  /**
   * A new account that owns a new organisation, signed in. The first call on an empty
   * instance goes through setup; later ones sign a new account in and POST /api/orgs.
   * Only operators create organisations, so every owner made here is an operator too (as
   * the one who set Keel up is); people added with addPerson or createUser are not.
   */
  async function createOwnerWithOrg(
    opts: { person?: Partial<PersonInput>; org?: Partial<OrganizationInput> } = {},
  ): Promise<{ owner: SessionClient; org: OrgRef }> {
    if (await needsSetup(deps)) return setup(opts.person, opts.org);
    const account = await createUser({ ...opts.person, isOperator: true });
    const owner = await signIn(account.email, account.password);
    const body = await ok("POST", "/api/orgs", { as: owner, body: buildOrganization(opts.org) }, 201);
    return { owner, org: { id: body.id, slug: body.slug, name: body.name } };
  }

  /**
   * Adds a person to the organisation through the API (POST people), which answers with
   * an invitation link. The account is made in the database with its password (unless the
   * address has one already: then it must be that account's password) instead of through
   * the link, which would cost an argon2 hash per person; the person then signs in on the
   * link to accept (POST /api/invitations/{token}/accept) and is signed in.
   */
  async function addPerson(
    admin: Client,
    org: OrgRef,
    role: Role,
    person: Partial<PersonInput> = {},
  ): Promise<Member> {
    const p = buildPerson(person);
    const added = await ok("POST", `/api/orgs/${org.slug}/people`, {
      as: admin,
      body: { name: p.name, email: p.email, role },
    });
    const account = (await findUserByEmail(db, p.email)) ?? (await createUser(p));
    const reply = await request("POST", `/api/invitations/${invitationTokenOf(added.url)}/accept`, {
      body: { password: p.password },
    });
    if (reply.status !== 200)
      throw new Error(`accepting ${p.email}'s invitation → ${reply.status}: ${reply.text}`);
    const client = sessionFrom(reply, p);
    return { id: account.id, name: account.name, email: p.email, password: p.password, role, client };
  }

  async function createToken(
    as: SessionClient,
    org: OrgRef,
    overrides: Parameters<typeof buildToken>[0] = {},
  ): Promise<{ id: string; secret: string; client: TokenClient }> {
    const body = await ok("POST", `/api/orgs/${org.slug}/tokens`, { as, body: buildToken(overrides) }, 201);
    return {
      id: body.token.id,
      secret: body.secret,
      client: { kind: "token", secret: body.secret, tokenId: body.token.id },
    };
  }

  async function findUser(email: string) {
    return findUserByEmail(db, email);
  }

  return {
    app,
    deps,
    db,
    database,
    /** PostgreSQL only: the URL of this file's database. */
    databaseUrl,
    clock,
    engine: database.engine,
    request,
    requestOn,
    ok,
    signIn,
    sessionFrom,
    createUser,
    setup,
    createOwnerWithOrg,
    addPerson,
    createToken,
    findUser,
    /** Another app on the same database with other settings (cookies, proxy). */
    appWith: (env: Record<string, string>) => createApp({ ...deps, config: loadConfig(testConfigEnv(env)) }),
    // Recomputes a bulk load started finish before their database goes away.
    close: async () => {
      await backgroundWorkOf(database.db).drain();
      // A listening connection would hold the database open (PostgreSQL drops it WITH FORCE).
      await closeLiveHub(database.db);
      await dispose();
    },
  };
}

/** The secret of an invitation link (…/invite/<token>). */
export function invitationTokenOf(url: string): string {
  const token = /\/invite\/([\w-]+)$/.exec(url)?.[1];
  if (!token) throw new Error(`not an invitation link: ${url}`);
  return token;
}

/** The session cookie's value in a response's Set-Cookie headers, if any. */
export function sessionCookieOf(headers: Headers): string | undefined {
  for (const line of headers.getSetCookie()) {
    const match = new RegExp(`^${SESSION_COOKIE}=([^;]*)`).exec(line);
    if (match?.[1]) return decodeURIComponent(match[1]);
  }
  return undefined;
}

/** The Set-Cookie line of the session cookie, for attribute checks. */
export function sessionCookieLine(headers: Headers): string | undefined {
  return headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`));
}

/** The field names of a validation error's details.issues. */
export function issueFields(reply: Reply): string[] {
  return ((reply.body?.error?.details?.issues ?? []) as Array<{ field: string }>).map((i) => i.field);
}

/** Asserts an error answer: status, stable code, a message, and (validation) the named field. */
export function expectError(reply: Reply, status: number, code: string, field?: string) {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.body?.error?.code, reply.text).toBe(code);
  expect(reply.body.error.message, reply.text).toEqual(expect.any(String));
  if (field !== undefined) expect(issueFields(reply), reply.text).toContain(field);
}
