/**
 * The database going away: stopped (nothing listens), frozen (connections open, no
 * answer) or a black hole from the start. Requests answer 503 `unavailable` with
 * Retry-After within the configured timeouts instead of 500 or never; readiness answers
 * the same whoever asks; the log says so once per outage without query parameters; and
 * Keel serves again by itself once the database is back. PostgreSQL only: PGlite runs
 * inside the process and cannot be unreachable.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Database, openDatabase } from "../src/db/client.ts";
import { type DatabaseTimeouts, longStatements } from "../src/db/pg-pool.ts";
import { createApp } from "../src/server/app.ts";
import type { Api } from "../src/server/context.ts";
import { databaseUnavailableReason, RETRY_AFTER_SECONDS } from "../src/server/lib/database-outage.ts";
import { createLogger } from "../src/server/lib/logger.ts";
import { sha256 } from "../src/server/lib/secrets.ts";
import {
  type DatabaseProxy,
  startBlackHole,
  startDatabaseProxy,
  unusedPort,
} from "./support/database-proxy.ts";
import {
  expectError,
  type Harness,
  type OrgRef,
  type Reply,
  type SessionClient,
  startHarness,
  type TokenClient,
} from "./support/harness.ts";
import { NEEDS_POSTGRES, skipWhen } from "./support/skip.ts";

const onPostgres = inject("keelEngine") === "postgres";

/** Short, so a test waits well under a second or three for each verdict. */
const TIMEOUTS: DatabaseTimeouts = { connectMs: 500, statementMs: 1_000, idleInTransactionMs: 2_000 };

type LoggedApp = {
  app: Api;
  database: Database;
  lines: string[];
  logged: () => Array<Record<string, unknown>>;
};

skipWhen(!onPostgres && NEEDS_POSTGRES).describe("a database outage", () => {
  let h: Harness;
  let proxy: DatabaseProxy;
  let relayed: LoggedApp;
  let org: OrgRef;
  let owner: SessionClient;
  let token: { secret: string; client: TokenClient };
  const opened: Database[] = [];

  /** An app like the server's, on `url`, whose log lines are kept. */
  async function appOn(url: string): Promise<LoggedApp> {
    const database = await openDatabase({ engine: "postgres", url, poolSize: 4, timeouts: TIMEOUTS });
    opened.push(database);
    const lines: string[] = [];
    const logger = createLogger("info", { write: (line: string) => void lines.push(line) });
    const app = createApp({ ...h.deps, db: database.db, logger });
    return {
      app,
      database,
      lines,
      logged: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    };
  }

  const get = (target: LoggedApp, path: string, as?: SessionClient | TokenClient): Promise<Reply> =>
    h.requestOn(target.app, "GET", path, { as });

  /** Asks until the database answers again; the test's own timeout bounds the wait. */
  async function untilServed(target: LoggedApp, path: string, as: TokenClient) {
    for (;;) {
      const reply = await get(target, path, as);
      if (reply.status === 200) return reply;
      expectError(reply, 503, "unavailable");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  const unreachableLines = (target: LoggedApp) => target.logged().filter((l) => l.database === "unreachable");

  beforeAll(async () => {
    h = await startHarness();
    ({ owner, org } = await h.createOwnerWithOrg());
    token = await h.createToken(owner, org, { role: "viewer" });
    const url = new URL(h.databaseUrl!);
    proxy = await startDatabaseProxy({ host: url.hostname, port: Number(url.port || 5432) });
    relayed = await appOn(proxy.urlFor(h.databaseUrl!));
  });
  afterAll(async () => {
    await proxy?.close();
    for (const d of opened) await d.close().catch(() => {});
    await h?.close();
  });

  it("answers 503 unavailable with Retry-After while nothing listens, and serves again once it does", async () => {
    const teams = `/api/orgs/${org.slug}/teams`;
    expect((await get(relayed, teams, token.client)).status).toBe(200);

    await proxy.down();
    for (const as of [token.client, owner, token.client]) {
      const reply = await get(relayed, teams, as);
      expectError(reply, 503, "unavailable");
      expect(reply.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    }
    // Signing in reads the account: the same answer, not a 500 or "wrong password".
    const signIn = await h.requestOn(relayed.app, "POST", "/api/auth/sign-in", {
      body: { email: owner.email, password: owner.password },
    });
    expectError(signIn, 503, "unavailable");

    await proxy.up();
    const served = await untilServed(relayed, teams, token.client);
    expect(served.body.items.length).toBeGreaterThan(0);
  }, 30_000);

  it("says the database is unreachable once per outage and never logs what queries were sent", async () => {
    const unreachable = unreachableLines(relayed);
    expect(unreachable, relayed.lines.join("\n")).toHaveLength(1);
    expect(unreachable[0]).toMatchObject({
      level: 50,
      msg: "database unreachable: answering 503 unavailable until it answers again",
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    });
    // The token lookup's parameter (the token's hash), the session's hash, the email.
    const everything = relayed.lines.join("\n");
    expect(everything).not.toContain(sha256(token.secret));
    expect(everything).not.toContain(token.secret);
    expect(everything).not.toContain(sha256(owner.cookie));
    expect(everything).not.toContain(owner.email);
    expect(relayed.logged().filter((l) => l.msg === "unhandled error")).toEqual([]);
    // Each refused request still has its own request line, with status 503.
    expect(
      relayed.logged().filter((l) => l.msg === "request" && l.status === 503).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it("logs when the database answers again", async () => {
    // The watch probes every RETRY_AFTER_SECONDS; the test's timeout bounds the wait.
    for (;;) {
      const back = relayed.logged().find((l) => l.database === "reachable");
      if (back) {
        expect(back).toMatchObject({ msg: "database reachable again; requests are served", level: 30 });
        expect(back.failedRequests).toBeGreaterThanOrEqual(4);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }, 20_000);

  it("answers a frozen database with 503 within the timeouts, then serves again once it thaws", async () => {
    const teams = `/api/orgs/${org.slug}/teams`;
    expect((await get(relayed, teams, token.client)).status).toBe(200);
    proxy.freeze();
    try {
      // Pooled connections get no answer (the client gives up after the statement
      // timeout and its grace); new ones are accepted and never answered (connect timeout).
      const replies = await Promise.all(
        [token.client, owner, token.client, owner, token.client, owner].map((as) => get(relayed, teams, as)),
      );
      for (const reply of replies) {
        expectError(reply, 503, "unavailable");
        expect(reply.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
      }
    } finally {
      proxy.thaw();
    }
    await untilServed(relayed, teams, token.client);
    // A second outage: logged once more.
    expect(unreachableLines(relayed)).toHaveLength(2);
  }, 30_000);

  it("answers readiness the same with or without a token while the database is down", async () => {
    await proxy.down();
    try {
      const anonymous = await get(relayed, "/api/ready");
      const withToken = await get(relayed, "/api/ready", token.client);
      const withSession = await get(relayed, "/api/ready", owner);
      const withUnknownToken = await h.requestOn(relayed.app, "GET", "/api/ready", {
        headers: { authorization: "Bearer not-a-token-keel-knows" },
      });
      expect(anonymous.status).toBe(503);
      expect(anonymous.body).toEqual({ status: "not_ready", reason: "database unreachable" });
      expect(anonymous.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
      for (const reply of [withToken, withSession, withUnknownToken]) {
        expect(reply.status, reply.text).toBe(anonymous.status);
        expect(reply.body).toEqual(anonymous.body);
      }
    } finally {
      await proxy.up();
    }
  }, 30_000);

  it("answers 503 when the database URL names a port where nothing listens", async () => {
    const nowhere = await appOn(
      proxy.urlFor(h.databaseUrl!).replace(`:${proxy.port}/`, `:${await unusedPort()}/`),
    );
    const reply = await get(nowhere, `/api/orgs/${org.slug}/teams`, token.client);
    expectError(reply, 503, "unavailable");
    expect(reply.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(unreachableLines(nowhere)).toHaveLength(1);
    expect(unreachableLines(nowhere)[0]?.reason).toBe("ECONNREFUSED");
  });

  it("answers 503 when the database accepts connections and never answers (a black hole)", async () => {
    const hole = await startBlackHole();
    try {
      const silent = await appOn(proxy.urlFor(h.databaseUrl!).replace(`:${proxy.port}/`, `:${hole.port}/`));
      const replies = await Promise.all([
        get(silent, `/api/orgs/${org.slug}/teams`, token.client),
        get(silent, `/api/orgs/${org.slug}/teams`, owner),
        get(silent, "/api/ready", token.client),
      ]);
      expectError(replies[0]!, 503, "unavailable");
      expectError(replies[1]!, 503, "unavailable");
      expect(replies[2]!.status).toBe(503);
      expect(replies[2]!.body).toEqual({ status: "not_ready", reason: "database unreachable" });
      expect(unreachableLines(silent)).toHaveLength(1);
    } finally {
      await hole.close();
    }
  }, 15_000);
});

skipWhen(!onPostgres && NEEDS_POSTGRES).describe("statement timeouts", () => {
  let h: Harness;
  let database: Database;
  beforeAll(async () => {
    h = await startHarness();
    database = await openDatabase({
      engine: "postgres",
      url: h.databaseUrl!,
      poolSize: 1,
      timeouts: { connectMs: 2_000, statementMs: 300, idleInTransactionMs: 2_000 },
    });
  });
  afterAll(async () => {
    await database?.close();
    await h?.close();
  });

  const sleep = (q: Pick<Database["db"], "execute">) => q.execute(sql`select pg_sleep(0.8)`);

  it("stop a request's statement at the limit, and are lifted for a long transaction only", async () => {
    const cut = await sleep(database.db).then(
      () => null,
      (err: unknown) => err,
    );
    expect(databaseUnavailableReason(cut)).toBe("statement timeout");

    await database.db.transaction(async (tx) => {
      await longStatements(tx, "postgres", 5_000);
      await sleep(tx);
    });

    // The same (only) connection, after that transaction: the request limit again.
    const again = await sleep(database.db).then(
      () => null,
      (err: unknown) => err,
    );
    expect(databaseUnavailableReason(again)).toBe("statement timeout");
  });
});

describe("readiness", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it("does not depend on the caller: an unknown token gets the same answer as nobody", async () => {
    const anonymous = await h.request("GET", "/api/ready");
    const unknown = await h.request("GET", "/api/ready", {
      headers: { authorization: "Bearer revoked-or-never-issued" },
    });
    expect(anonymous.status).toBe(200);
    expect(unknown.status, unknown.text).toBe(200);
    expect(unknown.body).toEqual(anonymous.body);
  });
});
