/**
 * Stored connector credentials stay with the target they were saved for. An admin saves
 * a connector with an Authorization header (or a PostgreSQL connection string); a team
 * lead, who may edit the connector but never sees its credentials, points it elsewhere:
 * the header must not arrive at the new server, and a new query must not run with the
 * stored login. And who may not set up connectors is refused before anything they sent
 * is validated or any host they named is resolved. The test servers: support/connectors.ts.
 */
import dns from "node:dns";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type ConnectorWorld, SECRET, startConnectorWorld } from "./support/connectors.ts";
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
let viewer: Member;
let origin: string;
let capture: ConnectorWorld["capture"];
let createKpi: ConnectorWorld["createKpi"];
let connectorPath: ConnectorWorld["connectorPath"];
let httpConnector: ConnectorWorld["httpConnector"];
let put: ConnectorWorld["put"];
let run: ConnectorWorld["run"];

beforeAll(async () => {
  world = await startConnectorWorld();
  ({
    h,
    owner,
    org,
    base,
    lead,
    anna,
    viewer,
    origin,
    capture,
    createKpi,
    connectorPath,
    httpConnector,
    put,
    run,
  } = world);
});
beforeEach(() => world.reset());
afterEach(() => vi.restoreAllMocks());
afterAll(() => world?.close());

/** The admin (the organisation's owner) saves a connector with the secret header. */
async function adminSavesSecureConnector(): Promise<{ kpi: Json; saved: Json }> {
  const kpi = await createKpi();
  const saved = await put(
    kpi.id,
    httpConnector("/stats/secure", { headers: { Authorization: SECRET } }),
    owner,
  );
  expect(saved).toMatchObject({
    hasCredentials: true,
    headerNames: ["Authorization"],
    credentialsDropped: false,
  });
  return { kpi, saved };
}

async function auditAfter(kpiId: string): Promise<Json> {
  const audit = await h.request("GET", `${base}/audit?entityType=kpi_connector&entityId=${kpiId}&limit=1`, {
    as: owner,
  });
  expect(audit.status).toBe(200);
  expect(audit.text).not.toContain("fin-7Qx2");
  return audit.body.items[0];
}

describe("stored HTTP headers follow only their own target", () => {
  it("a lead who changes only the URL to another server drops the admin's header: it never arrives there", async () => {
    const { kpi, saved } = await adminSavesSecureConnector();
    const moved = await put(kpi.id, {
      ...httpConnector("/stats/secure"),
      url: `${capture.origin}/stats/secure`,
      version: saved.version,
    });
    expect(moved).toMatchObject({
      url: `${capture.origin}/stats/secure`,
      hasCredentials: false,
      headerNames: [],
      credentialsDropped: true,
    });
    expect(await run(kpi.id)).toMatchObject({ outcome: "succeeded", value: 1 });
    expect(capture.authorizations).toEqual([undefined]);
    expect(await auditAfter(kpi.id)).toMatchObject({
      action: "kpi_connector.updated",
      actorUserId: lead.id,
      before: { url: `${origin}/stats/secure`, hasCredentials: true },
      after: { hasCredentials: false, credentialsChanged: true, credentialsDropped: true },
    });
  });

  it("a new scheme, port or query string drops them too; a new path or JSON path keeps them", async () => {
    const { kpi, saved } = await adminSavesSecureConnector();
    // Same origin and query string, another path and JSON path: the same server's API.
    const kept = await put(kpi.id, {
      ...httpConnector("/stats/other", { jsonPath: "$.data['total']" }),
      version: saved.version,
    });
    expect(kept).toMatchObject({
      hasCredentials: true,
      headerNames: ["Authorization"],
      credentialsDropped: false,
    });
    const back = await put(kpi.id, { ...httpConnector("/stats/secure"), version: kept.version });
    expect(back).toMatchObject({ hasCredentials: true, credentialsDropped: false });
    expect(await run(kpi.id)).toMatchObject({ outcome: "succeeded", value: 7 });

    const query = await put(kpi.id, {
      ...httpConnector("/stats/secure?tenant=other"),
      version: back.version,
    });
    expect(query).toMatchObject({ hasCredentials: false, headerNames: [], credentialsDropped: true });
    expect(await run(kpi.id)).toMatchObject({
      outcome: "failed",
      error: `HTTP 401 from ${origin}/stats/secure`,
    });

    for (const url of [
      `${origin.replace("http:", "https:")}/stats/secure`,
      `${capture.origin}/stats/secure`,
    ]) {
      const { kpi: other, saved: first } = await adminSavesSecureConnector();
      const reply = await put(other.id, { ...httpConnector("/"), url, version: first.version });
      expect(reply, url).toMatchObject({ hasCredentials: false, credentialsDropped: true });
    }
  });

  it("keeps the headers sent again with the new URL, and a lead's removal is not reported as dropped", async () => {
    const { kpi, saved } = await adminSavesSecureConnector();
    const resent = await put(kpi.id, {
      ...httpConnector("/"),
      url: `${capture.origin}/stats`,
      headers: { Authorization: "Bearer lead-own-token" },
      version: saved.version,
    });
    expect(resent).toMatchObject({
      hasCredentials: true,
      headerNames: ["Authorization"],
      credentialsDropped: false,
    });
    await run(kpi.id);
    expect(capture.authorizations).toEqual(["Bearer lead-own-token"]);
    const removed = await put(kpi.id, {
      ...httpConnector("/"),
      url: `${capture.origin}/stats`,
      headers: null,
      version: resent.version,
    });
    expect(removed).toMatchObject({ hasCredentials: false, credentialsDropped: false });
  });
});

describe("a stored connection string runs only the query it was saved with", () => {
  const connectionString = "postgres://finance_reader:pg-s3cret-login@127.0.0.1:5999/finance";
  const query = "select sum(amount) from invoices where paid";

  async function adminSavesSqlConnector() {
    const kpi = await createKpi();
    const saved = await put(kpi.id, { kind: "postgres_sql", query, connectionString, enabled: false }, owner);
    expect(saved).toMatchObject({ kind: "postgres_sql", hasCredentials: true, credentialsDropped: false });
    return { kpi, saved };
  }

  it("refuses a new query without the connection string, naming the field, and stores nothing", async () => {
    const { kpi, saved } = await adminSavesSqlConnector();
    const before = await tenantFingerprint(h.db, org.id);
    const reply = await h.request("PUT", connectorPath(kpi.id), {
      as: lead.client,
      body: {
        kind: "postgres_sql",
        query: "select password_hash from users limit 1",
        version: saved.version,
      },
    });
    expectError(reply, 400, "validation_failed", "connectionString");
    expect(reply.body.error.details.issues).toEqual([
      {
        field: "connectionString",
        message:
          "must be entered again: the query changed, and a stored connection string is only used with the query it was saved with",
      },
    ]);
    expect(reply.text).not.toContain("pg-s3cret-login");
    expect(await tenantFingerprint(h.db, org.id)).toEqual(before);
  });

  it("keeps it while the query stays, and takes a new query with the connection string entered again", async () => {
    const { kpi, saved } = await adminSavesSqlConnector();
    const paused = await put(kpi.id, {
      kind: "postgres_sql",
      query: `  ${query}\n`,
      enabled: true,
      version: saved.version,
    });
    expect(paused).toMatchObject({ hasCredentials: true, enabled: true, credentialsDropped: false });
    const changed = await put(kpi.id, {
      kind: "postgres_sql",
      query: "select count(*) from invoices",
      connectionString: "postgres://lead_reader:own@127.0.0.1:5999/finance",
      version: paused.version,
    });
    expect(changed).toMatchObject({ query: "select count(*) from invoices", hasCredentials: true });
    expect((await auditAfter(kpi.id)).after).toMatchObject({
      credentialsChanged: true,
      credentialsDropped: false,
    });
  });
});

describe("who may not set up connectors is refused before anything they sent is read", () => {
  const internalUrl = "http://billing-db.corp.internal:8080/stats";

  it("a viewer, a viewer's token and a member who is not a lead get 403, not a validation error, and no host is resolved", async () => {
    const kpi = await createKpi();
    const lookup = vi.spyOn(dns.promises, "lookup");
    const token = await h.createToken(owner, org, { role: "viewer" });
    // Using a token stamps its last use; everything else must stay as it was.
    const fingerprint = async () => ({ ...(await tenantFingerprint(h.db, org.id)), api_tokens: "" });
    const before = await fingerprint();
    for (const as of [viewer.client, token.client, anna.client]) {
      for (const body of [
        { kind: "ftp" },
        { kind: "http_json", url: "not a url", jsonPath: "$..x" },
        httpConnector("/", { url: internalUrl }),
        {
          kind: "postgres_sql",
          query: "select 1",
          connectionString: "postgres://r:pw@billing-db.corp.internal/x",
        },
      ]) {
        const reply = await h.request("PUT", connectorPath(kpi.id), { as, body });
        expectError(reply, 403, "forbidden");
        expect(reply.text).not.toContain("billing-db");
      }
      expectError(await h.request("POST", `${connectorPath(kpi.id)}/run`, { as }), 403, "forbidden");
      expectError(await h.request("DELETE", connectorPath(kpi.id), { as }), 403, "forbidden");
    }
    // A malformed KPI id: still the role first for a viewer.
    expectError(
      await h.request("PUT", `${base}/kpis/not-an-id/connector`, {
        as: viewer.client,
        body: { kind: "ftp" },
      }),
      403,
      "forbidden",
    );
    expect(lookup).not.toHaveBeenCalled();
    expect(await fingerprint()).toEqual(before);

    // The lead's request is validated and the host resolved (and refused: a private address).
    lookup.mockResolvedValue([{ address: "10.20.30.40", family: 4 }] as never);
    const reply = await h.request("PUT", connectorPath(kpi.id), {
      as: lead.client,
      body: httpConnector("/", { url: internalUrl }),
    });
    expectError(reply, 400, "validation_failed", "url");
    expect(lookup).toHaveBeenCalledWith("billing-db.corp.internal", expect.anything());
  });

  it("answers 404 for a KPI that does not exist, to a lead as to anyone else who may manage connectors", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    expectError(
      await h.request("PUT", connectorPath(missing), { as: lead.client, body: { kind: "ftp" } }),
      404,
      "not_found",
    );
  });
});
