/**
 * The PostgreSQL connector against a real server: the one in TEST_DATABASE_URL, where the
 * file makes a scratch schema with a table to read. Keel itself runs on whichever engine
 * the suite uses; only the connector's source is that server. Without TEST_DATABASE_URL
 * the file is skipped (PGlite served over the wire protocol would do, but
 * @electric-sql/pglite-socket 0.2.17 peers on pglite 0.5.14 and Keel uses 0.5.16).
 * That server is on loopback, so the harness allows 127.0.0.1; as Keel's own database
 * (DATABASE_URL) it is refused unless the setting names it.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTeam } from "./support/factories.ts";
import {
  expectError,
  type Harness,
  type Json,
  type Member,
  type OrgRef,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";
import { skipWhen } from "./support/skip.ts";

const url = process.env.TEST_DATABASE_URL;
const TIMEOUT = { KEEL_CONNECTOR_TIMEOUT_MS: "500" };

// No PGlite wire server stands in: pglite-socket 0.2.17 needs pglite 0.5.14, Keel has 0.5.16.
const noServer = !url && "needs a PostgreSQL server to read from (TEST_DATABASE_URL)";

skipWhen(noServer).describe("a PostgreSQL connector", () => {
  const schema = `keel_connector_${Math.random().toString(36).slice(2, 10)}`;
  const PASSWORD = "sup3r-s3cret-reader";
  let admin: pg.Client;
  let h: Harness;
  let owner: SessionClient;
  let base: string;
  let lead: Member;
  let kpi: Json;
  let closedPort: number;
  /** TEST_DATABASE_URL with a password added (the server trusts local connections and ignores it). */
  let withPassword: string;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.query(
      `create table ${schema}.invoices (amount numeric(12, 2) not null, paid boolean not null)`,
    );
    await admin.query(`insert into ${schema}.invoices values (1200.50, true), (800.25, true), (99, false)`);
    await admin.query(`create sequence ${schema}.counter`);
    const u = new URL(url!);
    u.password = PASSWORD;
    withPassword = u.toString();
    const spare = http.createServer();
    await new Promise<void>((resolve) => spare.listen(0, "127.0.0.1", resolve));
    closedPort = (spare.address() as AddressInfo).port;
    await new Promise((resolve) => spare.close(resolve));

    h = await startHarness({ env: { ...TIMEOUT, KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS: "127.0.0.1" } });
    h.clock.set("2026-11-18T11:00:00Z");
    let org: OrgRef;
    ({ owner, org } = await h.createOwnerWithOrg({
      person: { name: "Ines Albers" },
      org: { name: "Elbe Freight" },
    }));
    base = `/api/orgs/${org.slug}`;
    lead = await h.addPerson(owner, org, "member", { name: "Jonas Petersen" });
    const team = await h.ok("POST", `${base}/teams`, {
      as: owner,
      body: { ...buildTeam({ name: "Finance", leadUserId: lead.id }), methodology: "kpi" },
    });
    kpi = await h.ok(
      "POST",
      `${base}/kpis`,
      {
        as: lead.client,
        body: {
          key: "cash_collected",
          name: "Cash collected",
          ownerUserId: lead.id,
          teamId: team.id,
          unit: "currency",
          currency: "EUR",
          direction: "higher_is_better",
          frequency: "monthly",
          aggregation: "sum",
          bands: [],
        },
      },
      201,
    );
  });
  afterAll(async () => {
    await h?.close();
    await admin?.query(`drop schema if exists ${schema} cascade`);
    await admin?.end();
  });

  const path = () => `${base}/kpis/${kpi.id}/connector`;
  /** A new query goes with its connection string (a stored one stays with its own query). */
  async function setQuery(query: string, connectionString: string | undefined = withPassword) {
    const current = await h.request("GET", path(), { as: lead.client });
    const body: Record<string, unknown> = { kind: "postgres_sql", query };
    if (connectionString !== undefined) body.connectionString = connectionString;
    if (current.status === 200) body.version = current.body.version;
    return h.ok("PUT", path(), { as: lead.client, body });
  }
  const run = (): Promise<Json> => h.ok("POST", `${path()}/run`, { as: lead.client });

  it("writes the first column of the first row, read-only, and never shows the connection string", async () => {
    const saved = await setQuery(`select sum(amount) from ${schema}.invoices where paid;`, withPassword);
    expect(saved).toMatchObject({ kind: "postgres_sql", hasCredentials: true, headerNames: [], url: null });
    const outcome = await run();
    expect(outcome).toMatchObject({
      outcome: "succeeded",
      value: 2000.75,
      periodStart: "2026-11-01",
      written: "created",
    });
    const items = (await h.ok("GET", `${base}/kpis/${kpi.id}/measurements`, { as: owner })).items;
    expect(items).toMatchObject([{ periodStart: "2026-11-01", value: 2000.75, source: "connector" }]);
    for (const reply of [
      await h.request("GET", path(), { as: owner }),
      await h.request("GET", `${base}/kpis/${kpi.id}`, { as: owner }),
      await h.request("GET", `${base}/audit?entityType=kpi_connector&limit=200`, { as: owner }),
    ]) {
      expect(reply.status).toBe(200);
      expect(reply.text).not.toContain(PASSWORD);
      expect(reply.text).not.toContain("postgres://");
    }
  });

  it("keeps the stored connection string while the query stays, and runs no new query with it", async () => {
    const query = `select count(*) from ${schema}.invoices`;
    await setQuery(query);
    const kept = await setQuery(query, undefined);
    expect(kept).toMatchObject({ hasCredentials: true, credentialsDropped: false });
    expect(await run()).toMatchObject({ outcome: "succeeded", value: 3 });
    const other = await h.request("PUT", path(), {
      as: lead.client,
      body: {
        kind: "postgres_sql",
        query: `select max(amount) from ${schema}.invoices`,
        version: kept.version,
      },
    });
    expectError(other, 400, "validation_failed", "connectionString");
    expect((await h.ok("GET", path(), { as: lead.client })).query).toBe(query);
  });

  it("fails visibly, keeping the old value, on queries that cannot give a number", async () => {
    await setQuery(`select sum(amount) from ${schema}.invoices where paid`);
    await run();
    const cases: Array<[string, string | RegExp, string?]> = [
      [`select amount from ${schema}.invoices where false`, "the query returned no rows"],
      ["select 'n/a'::text", "the query found text, not a number (first column of the first row)"],
      ["select null::numeric", "the query found null, not a number (first column of the first row)"],
      ["select pg_sleep(3)", "the query did not finish within 0.5 s"],
      [`select nextval('${schema}.counter')`, "the query tried to change data; connectors only read"],
      [`select 1; drop table ${schema}.invoices`, /^the query failed: syntax error/],
      [`select * from ${schema}.missing`, /^the query failed: relation ".*missing" does not exist/],
      [
        "select 1",
        `connection refused by 127.0.0.1:${closedPort}`,
        `postgres://reader:${PASSWORD}@127.0.0.1:${closedPort}/sales`,
      ],
    ];
    for (const [query, error, connectionString] of cases) {
      await setQuery(query, connectionString);
      const outcome = await run();
      expect(outcome, query).toMatchObject({ outcome: "failed", written: null });
      expect(outcome.error, query).toMatch(error);
      expect(JSON.stringify(outcome)).not.toContain(PASSWORD);
    }
    const still = await admin.query(`select count(*)::int as n from ${schema}.invoices`);
    expect(still.rows[0].n).toBe(3);
    const items = (await h.ok("GET", `${base}/kpis/${kpi.id}/measurements`, { as: owner })).items;
    expect(items).toMatchObject([{ value: 2000.75, source: "connector" }]);
  });

  it("refuses a connection string without a host, user or database, or with parameters it does not read", async () => {
    for (const connectionString of [
      "postgres:///test",
      "postgres://127.0.0.1/test",
      "postgres://reader@127.0.0.1",
      "postgres://reader@127.0.0.1/test?sslrootcert=/etc/ssl/private/key.pem",
      "postgres://reader@127.0.0.1/test?sslmode=sometimes",
    ]) {
      const reply = await h.request("PUT", path(), {
        as: lead.client,
        body: {
          kind: "postgres_sql",
          query: "select 1",
          connectionString,
          version: (await h.ok("GET", path(), { as: owner })).version,
        },
      });
      expectError(reply, 400, "validation_failed", "connectionString");
    }
  });
  describe("what it may reach", () => {
    const appWith = (env: Record<string, string>) => h.appWith({ ...TIMEOUT, ...env });
    const putOn = async (app: ReturnType<typeof appWith>, body: Record<string, unknown>) => {
      const current = await h.request("GET", path(), { as: lead.client });
      const version = current.status === 200 ? current.body.version : undefined;
      return h.requestOn(app, "PUT", path(), { as: lead.client, body: { ...body, version } });
    };
    const runOn = async (app: ReturnType<typeof appWith>): Promise<Json> => {
      const reply = await h.requestOn(app, "POST", `${path()}/run`, { as: lead.client });
      expect(reply.status, reply.text).toBe(200);
      return reply.body;
    };
    const own = () => {
      const u = new URL(url!);
      return `${u.hostname}:${u.port || 5432}`;
    };

    it("refuses a server on loopback by default, and Keel's own database server even when loopback is allowed", async () => {
      const body = { kind: "postgres_sql", query: "select 1", connectionString: withPassword };
      const byDefault = await putOn(appWith({}), body);
      expectError(byDefault, 400, "validation_failed", "connectionString");
      expect(byDefault.body.error.message).toContain("it is a loopback address");
      expect(byDefault.body.error.message).toContain("KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS");
      expect(byDefault.text).not.toContain(PASSWORD);
      for (const allow of ["*", "127.0.0.0/8", "localhost"]) {
        const reply = await putOn(
          appWith({ DATABASE_URL: url!, KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS: allow }),
          body,
        );
        expectError(reply, 400, "validation_failed", "connectionString");
        expect(reply.body.error.message, allow).toContain(`${own()}: it is Keel's own database server`);
      }
      // Named explicitly, it is allowed; saved so, a run under a stricter setting fails.
      const named = appWith({ DATABASE_URL: url!, KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS: "127.0.0.1" });
      const saved = await putOn(named, { ...body, query: `select count(*) from ${schema}.invoices` });
      expect(saved.status, saved.text).toBe(200);
      expect(await runOn(named)).toMatchObject({ outcome: "succeeded", value: 3 });
      const outcome = await runOn(appWith({ DATABASE_URL: url!, KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS: "*" }));
      expect(outcome).toMatchObject({ outcome: "failed", written: null });
      expect(outcome.error).toContain(`Keel does not connect to ${own()}: it is Keel's own database server`);
      expect(await runOn(appWith({}))).toMatchObject({
        outcome: "failed",
        error: expect.stringContaining("it is a loopback address"),
      });
    });

    it("never echoes what the query read, in results or in the server's errors", async () => {
      const names: string[] = (await admin.query("select datname from pg_database")).rows.map(
        (r: { datname: string }) => r.datname,
      );
      const first = "(select datname from pg_database order by datname desc limit 1)";
      const cases: Array<[string, string | RegExp]> = [
        [
          "select datname from pg_database",
          "the query found text, not a number (first column of the first row)",
        ],
        [
          "select datname::int from pg_database",
          "the query failed: a value could not be converted to the type asked for (SQLSTATE 22P02)",
        ],
        [
          `select query_to_xml(format('select 1 from %I', ${first}), true, true, '')`,
          /^the query failed with SQLSTATE 42P01 \(its message is not shown/,
        ],
        [
          `select length(query_to_xml(format('select %s', ${first}), true, true, '')::text)`,
          /^the query failed with SQLSTATE/,
        ],
        [
          "select array_agg(datname::text) from pg_database",
          "the query found an array, not a number (first column of the first row)",
        ],
        [
          "select row_to_json(d) from pg_database d",
          "the query found an object, not a number (first column of the first row)",
        ],
        [
          `select ${first}::bytea`,
          "the query found binary data, not a number (first column of the first row)",
        ],
      ];
      for (const [query, error] of cases) {
        await setQuery(query, withPassword);
        const outcome = await run();
        expect(outcome, query).toMatchObject({ outcome: "failed", written: null });
        expect(outcome.error, query).toMatch(error);
        const shown = [
          JSON.stringify(outcome),
          (await h.request("GET", path(), { as: owner })).text,
          (await h.request("GET", `${base}/kpis/${kpi.id}`, { as: owner })).text,
        ];
        for (const text of shown) for (const name of names) expect(text, query).not.toContain(`"${name}"`);
        for (const name of names) expect(outcome.error, query).not.toContain(name);
      }
    });
  });
});
