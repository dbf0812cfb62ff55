/**
 * Setting up a KPI connector through the API: admins and the team's leads may, everyone in
 * the organisation may read it, and its credentials never come back out (API answers,
 * audit log, database column). Bad settings are refused naming the field and store
 * nothing, as are connectors on formula or archived KPIs; a replacement needs the version
 * loaded and keeps credentials left out; every change is audited without them; another
 * organisation can neither see nor touch one. The test HTTP server and organisation:
 * support/connectors.ts. Running one: kpi-connectors-http.test.ts; the job:
 * kpi-connectors-schedule.test.ts; which hosts: kpi-connectors-reach.test.ts; the
 * PostgreSQL connector: kpi-connectors-sql.test.ts.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rowsOf } from "../src/db/client.ts";
import { at, type ConnectorWorld, expectNear, SECRET, startConnectorWorld } from "./support/connectors.ts";
import { tenantFingerprint } from "./support/fingerprint.ts";
import {
  expectError,
  type Harness,
  type Json,
  type Member,
  type OrgRef,
  type SessionClient,
} from "./support/harness.ts";

let world: ConnectorWorld;
let h: Harness;
let owner: SessionClient;
let org: OrgRef;
let base: string;
let lead: Member;
let anna: Member;
let outsider: Member;
let viewer: Member;
let origin: string;
let createKpi: ConnectorWorld["createKpi"];
let connectorPath: ConnectorWorld["connectorPath"];
let httpConnector: ConnectorWorld["httpConnector"];
let put: ConnectorWorld["put"];
let run: ConnectorWorld["run"];
let measurements: ConnectorWorld["measurements"];

beforeAll(async () => {
  world = await startConnectorWorld();
  ({
    h,
    owner,
    org,
    base,
    lead,
    anna,
    outsider,
    viewer,
    origin,
    createKpi,
    connectorPath,
    httpConnector,
    put,
    run,
    measurements,
  } = world);
});
beforeEach(() => world.reset());
afterAll(() => world?.close());

describe("setting up a connector", () => {
  it("is for admins and the team's leads; everyone may read it, never its credentials", async () => {
    const kpi = await createKpi();
    const body = httpConnector("/stats/secure", { headers: { Authorization: SECRET } });
    for (const who of [outsider.client, anna.client, viewer.client]) {
      await expectError(await h.request("PUT", connectorPath(kpi.id), { as: who, body }), 403, "forbidden");
    }
    const reply = await h.request("PUT", connectorPath(kpi.id), { as: lead.client, body });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.text).not.toContain("fin-7Qx2");
    expect(reply.body).toMatchObject({
      kind: "http_json",
      url: `${origin}/stats/secure`,
      jsonPath: "$.data.total",
      enabled: true,
      hasCredentials: true,
      headerNames: ["Authorization"],
      credentialsError: null,
      lastRunAt: null,
      version: 1,
    });
    expectNear(reply.body.nextRunAt, at(0));
    const read = await h.request("GET", connectorPath(kpi.id), { as: viewer.client });
    expect(read.status).toBe(200);
    expect(read.text).not.toContain("fin-7Qx2");
    const stored = rowsOf<{ secret_ciphertext: string }>(
      await h.db.execute(sql`select secret_ciphertext from kpi_connectors where kpi_id = ${kpi.id}`),
    );
    expect(stored[0]?.secret_ciphertext).toMatch(/^v1:/);
    expect(stored[0]?.secret_ciphertext).not.toContain("fin-7Qx2");
  });

  it("answers 404 with a clear message when the KPI has none", async () => {
    const kpi = await createKpi();
    const reply = await h.request("GET", connectorPath(kpi.id), { as: viewer.client });
    expectError(reply, 404, "not_found");
    expect(reply.body.error.message).toContain(`KPI "${kpi.key}" has no connector`);
    expectError(
      await h.request("POST", `${connectorPath(kpi.id)}/run`, { as: lead.client }),
      404,
      "not_found",
    );
    expectError(await h.request("DELETE", connectorPath(kpi.id), { as: lead.client }), 404, "not_found");
  });

  it("refuses bad settings, naming the field, and stores nothing", async () => {
    const kpi = await createKpi();
    const before = await tenantFingerprint(h.db, org.id);
    const cases: Array<[Record<string, unknown>, string]> = [
      [httpConnector("/x", { url: "ftp://files.example.com/stats.json" }), "url"],
      [httpConnector("/x", { url: "not a url" }), "url"],
      [httpConnector("/x", { url: "https://reader:pw@stats.example.com/x" }), "url"],
      [httpConnector("/x", { jsonPath: "$.items[*].value" }), "jsonPath"],
      [httpConnector("/x", { jsonPath: "data.total" }), "jsonPath"],
      [{ kind: "http_json", url: `${origin}/stats/moving` }, "jsonPath"],
      [httpConnector("/x", { query: "select 1" }), "query"],
      [httpConnector("/x", { headers: { "Bad Header": "x" } }), "headers.Bad Header"],
      [httpConnector("/x", { headers: { Host: "evil.example.com" } }), "headers.Host"],
      [{ kind: "postgres_sql", query: "select 1" }, "connectionString"],
      [{ kind: "postgres_sql", query: "  ", connectionString: "postgres://r@db.example.com/sales" }, "query"],
      [
        { kind: "postgres_sql", query: "select 1", connectionString: "mysql://r@db/sales" },
        "connectionString",
      ],
      [
        { kind: "postgres_sql", query: "select 1", connectionString: "postgres:///sales" },
        "connectionString",
      ],
      [
        {
          kind: "postgres_sql",
          query: "select 1",
          connectionString: "postgres://r@db/s?sslcert=/etc/passwd",
        },
        "connectionString",
      ],
      [{ kind: "ftp" }, "kind"],
    ];
    for (const [body, field] of cases) {
      expectError(
        await h.request("PUT", connectorPath(kpi.id), { as: lead.client, body }),
        400,
        "validation_failed",
        field,
      );
    }
    // A header value is a credential: the refusal names the header, not the value.
    const leaky = await h.request("PUT", connectorPath(kpi.id), {
      as: lead.client,
      body: httpConnector("/x", { headers: { Authorization: "Bearer top-secret\r\nX-Evil: 1" } }),
    });
    expectError(leaky, 400, "validation_failed", "headers.Authorization");
    expect(leaky.text).not.toContain("top-secret");
    expect(await tenantFingerprint(h.db, org.id)).toEqual(before);
  });

  it("is refused for formula KPIs and archived KPIs", async () => {
    const input = await createKpi();
    const formula = await createKpi({ formula: `${input.key} * 2` });
    expectError(
      await h.request("PUT", connectorPath(formula.id), {
        as: lead.client,
        body: httpConnector("/stats/moving"),
      }),
      400,
      "validation_failed",
      "formula",
    );
    const archived = await createKpi();
    await h.ok("PATCH", `${base}/kpis/${archived.id}`, {
      as: lead.client,
      body: { version: archived.version, state: "archived" },
    });
    expectError(
      await h.request("PUT", connectorPath(archived.id), {
        as: lead.client,
        body: httpConnector("/stats/moving"),
      }),
      400,
      "validation_failed",
      "state",
    );
  });

  it("replaces with the version loaded, keeps credentials when they are omitted, and audits without them", async () => {
    const kpi = await createKpi();
    await put(kpi.id, httpConnector("/stats/secure", { headers: { Authorization: SECRET } }));
    expectError(
      await h.request("PUT", connectorPath(kpi.id), {
        as: lead.client,
        body: httpConnector("/stats/secure"),
      }),
      409,
      "version_conflict",
    );
    expectError(
      await h.request("PUT", connectorPath(kpi.id), {
        as: lead.client,
        body: { ...httpConnector("/stats/secure"), version: 7 },
      }),
      409,
      "version_conflict",
    );
    const kept = await put(kpi.id, {
      ...httpConnector("/stats/secure", { jsonPath: "$['data'].total" }),
      version: 1,
    });
    expect(kept).toMatchObject({ version: 2, hasCredentials: true, headerNames: ["Authorization"] });
    expect((await run(kpi.id)).outcome).toBe("succeeded");
    const cleared = await put(kpi.id, { ...httpConnector("/stats/secure"), headers: null, version: 2 });
    expect(cleared).toMatchObject({ hasCredentials: false, headerNames: [] });
    expect(await run(kpi.id)).toMatchObject({
      outcome: "failed",
      error: `HTTP 401 from ${origin}/stats/secure`,
    });
    await h.ok("DELETE", connectorPath(kpi.id), { as: lead.client });
    expectError(await h.request("GET", connectorPath(kpi.id), { as: viewer.client }), 404, "not_found");
    expect(await measurements(kpi.id)).toHaveLength(1);

    const audit = await h.request(
      "GET",
      `${base}/audit?entityType=kpi_connector&entityId=${kpi.id}&limit=200`,
      { as: owner },
    );
    expect(audit.status).toBe(200);
    expect(audit.text).not.toContain("fin-7Qx2");
    const events: Json[] = audit.body.items;
    expect(events.map((e) => e.action)).toEqual([
      "kpi_connector.deleted",
      "kpi_connector.updated",
      "kpi_connector.updated",
      "kpi_connector.created",
    ]);
    expect(events[3]).toMatchObject({
      actorUserId: lead.id,
      after: { hasCredentials: true, headerNames: ["Authorization"] },
    });
    expect(events[2]).toMatchObject({
      before: { jsonPath: "$.data.total" },
      after: { jsonPath: "$['data'].total", credentialsChanged: false },
    });
    expect(events[1]).toMatchObject({ after: { hasCredentials: false, credentialsChanged: true } });
    expect(events[0]).toMatchObject({ before: { url: `${origin}/stats/secure` }, after: null });
  });
});

describe("tenant isolation", () => {
  it("another organisation cannot see, change or run a connector", async () => {
    const kpi = await createKpi();
    await put(kpi.id, httpConnector("/stats/secure", { headers: { Authorization: SECRET } }));
    const other = await h.createOwnerWithOrg({
      person: { name: "Mara Lindqvist" },
      org: { name: "Nordhafen Cargo" },
    });
    const theirs = `/api/orgs/${other.org.slug}/kpis/${kpi.id}/connector`;
    const before = await tenantFingerprint(h.db, org.id);
    for (const [method, path, body] of [
      ["GET", theirs, undefined],
      ["PUT", theirs, httpConnector("/stats/moving")],
      ["DELETE", theirs, undefined],
      ["POST", `${theirs}/run`, undefined],
    ] as const) {
      const reply = await h.request(method, path, { as: other.owner, body });
      expectError(reply, 404, "not_found");
      expect(reply.text).not.toContain("fin-7Qx2");
    }
    for (const method of ["GET", "DELETE"]) {
      const reply = await h.request(method, connectorPath(kpi.id), { as: other.owner });
      expect([403, 404]).toContain(reply.status);
      expect(reply.text).not.toContain("fin-7Qx2");
    }
    expect(await tenantFingerprint(h.db, org.id)).toEqual(before);
  });
});
