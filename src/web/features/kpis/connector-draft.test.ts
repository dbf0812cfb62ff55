import { describe, expect, it } from "vitest";
import {
  credentialsLeftBehind,
  draftFromConnector,
  headerRow,
  runIntervalLabel,
  storedOf,
} from "./connector-draft.ts";
import { mapConnectorIssues, toPutInput, validateConnectorDraft } from "./connector-request.ts";
import type { Connector } from "./kpis-api.ts";

function buildConnector(overrides: Partial<Connector> = {}): Connector {
  return {
    kpiId: "0b6f3c1e-5d2a-4f8e-9a61-1c2d3e4f5a6b",
    kind: "http_json",
    url: "https://stats.nordwind.example/api/deliveries",
    jsonPath: "$.data.on_time",
    query: null,
    enabled: true,
    hasCredentials: true,
    headerNames: ["Authorization", "X-Depot"],
    credentialsError: null,
    lastRunAt: "2026-11-18T10:00:00.000Z",
    lastOutcome: "succeeded",
    lastError: null,
    lastValue: 96.2,
    consecutiveFailures: 0,
    nextRunAt: "2026-11-18T16:00:00.000Z",
    version: 3,
    createdAt: "2026-10-01T08:00:00.000Z",
    updatedAt: "2026-11-02T08:00:00.000Z",
    ...overrides,
  };
}

const sqlConnector = () =>
  buildConnector({
    kind: "postgres_sql",
    url: null,
    jsonPath: null,
    query: "select avg(on_time) from deliveries",
    headerNames: [],
  });

describe("the connector form", () => {
  it("adds an HTTP connector with its headers, leaving empty header rows out", () => {
    const draft = {
      ...draftFromConnector(null),
      url: " https://stats.nordwind.example/api/deliveries ",
      jsonPath: "$.data.on_time",
      headers: [headerRow("Authorization", "Bearer depot-7"), headerRow()],
    };
    const { errors, input } = validateConnectorDraft(draft, null, undefined);
    expect(errors).toEqual({});
    expect(input).toEqual({
      kind: "http_json",
      url: "https://stats.nordwind.example/api/deliveries",
      jsonPath: "$.data.on_time",
      headers: { Authorization: "Bearer depot-7" },
      enabled: true,
    });
  });

  it("keeps stored headers by leaving them out, and sends null to remove them", () => {
    const c = buildConnector();
    const draft = { ...draftFromConnector(c), jsonPath: "$.data.late" };
    expect(draft.headersMode).toBe("keep");
    const kept = toPutInput(draft, storedOf(c), c.version);
    expect(kept).not.toHaveProperty("headers");
    expect(kept).toMatchObject({ jsonPath: "$.data.late", version: 3 });
    expect(toPutInput({ ...draft, headersMode: "remove" }, storedOf(c), 3).headers).toBeNull();
    // Replacing the stored set with no rows at all also removes them.
    expect(toPutInput({ ...draft, headersMode: "replace", headers: [] }, storedOf(c), 3).headers).toBeNull();
    expect(
      toPutInput(
        { ...draft, headersMode: "replace", headers: [headerRow("Authorization", "Bearer new")] },
        storedOf(c),
        3,
      ).headers,
    ).toEqual({ Authorization: "Bearer new" });
  });

  it("keeps a stored connection string unless it is replaced, and drops it on a change of kind", () => {
    const c = sqlConnector();
    const draft = draftFromConnector(c);
    expect(draft.connectionStringMode).toBe("keep");
    expect(validateConnectorDraft(draft, storedOf(c), 3).input).toEqual({
      kind: "postgres_sql",
      query: "select avg(on_time) from deliveries",
      enabled: true,
      version: 3,
    });
    const replaced = { ...draft, connectionStringMode: "replace" as const };
    expect(validateConnectorDraft(replaced, storedOf(c), 3).errors).toEqual({
      connectionString: "Enter the connection string.",
    });
    // An HTTP connector becoming SQL has no connection string to keep: one is required.
    const http = buildConnector();
    const switched = { ...draftFromConnector(http), kind: "postgres_sql" as const, query: "select 1" };
    expect(validateConnectorDraft(switched, storedOf(http), 3).errors).toEqual({
      connectionString: "Enter the connection string.",
    });
    expect(
      toPutInput({ ...switched, connectionString: "postgres://r@db.example.com/s" }, storedOf(http), 3),
    ).toEqual({
      kind: "postgres_sql",
      query: "select 1",
      connectionString: "postgres://r@db.example.com/s",
      enabled: true,
      version: 3,
    });
  });

  it("stops keeping stored headers once the URL points to another origin or query string", () => {
    const c = buildConnector();
    const draft = draftFromConnector(c);
    const stored = storedOf(c);
    // Another path on the same server: still kept (and still shown as stored, hidden).
    const samePlace = { ...draft, url: "https://stats.nordwind.example/api/returns" };
    expect(credentialsLeftBehind(stored, samePlace)).toBeNull();
    expect(toPutInput(samePlace, stored, 3)).not.toHaveProperty("headers");
    for (const url of [
      "https://collector.attacker.example/api/deliveries",
      "https://stats.nordwind.example:8443/api/deliveries",
      "http://stats.nordwind.example/api/deliveries",
      "https://stats.nordwind.example/api/deliveries?depot=all",
    ]) {
      const moved = { ...draft, url };
      expect(credentialsLeftBehind(stored, moved), url).toEqual(stored);
      // Nothing to keep: the form shows header rows to fill in, and sends none unless filled.
      const { errors, input } = validateConnectorDraft(moved, stored, 3);
      expect(errors, url).toEqual({});
      expect(input, url).not.toHaveProperty("headers");
      const resent = { ...moved, headers: [headerRow("Authorization", "Bearer again")] };
      expect(toPutInput(resent, stored, 3).headers, url).toEqual({ Authorization: "Bearer again" });
    }
  });

  it("asks for the connection string again once the query changes", () => {
    const c = sqlConnector();
    const stored = storedOf(c);
    const changed = { ...draftFromConnector(c), query: "select secret from vault" };
    expect(credentialsLeftBehind(stored, changed)).toEqual(stored);
    expect(validateConnectorDraft(changed, stored, 3).errors).toEqual({
      connectionString: "Enter the connection string.",
    });
    const same = { ...draftFromConnector(c), query: " select avg(on_time) from deliveries\n" };
    expect(credentialsLeftBehind(stored, same)).toBeNull();
    expect(validateConnectorDraft(same, stored, 3).errors).toEqual({});
    // A change of kind is said elsewhere in the form: nothing is left behind of the new kind.
    expect(credentialsLeftBehind(storedOf(buildConnector()), changed)).toBeNull();
  });

  it("names what is missing or half filled before asking the server", () => {
    const blank = {
      ...draftFromConnector(null),
      headers: [headerRow("", "Bearer x"), headerRow("X-Depot", "")],
    };
    const { errors, input } = validateConnectorDraft(blank, null, undefined);
    expect(input).toBeNull();
    const [nameless, valueless] = blank.headers;
    expect(errors).toEqual({
      url: "Enter the URL Keel reads the value from.",
      jsonPath: "Say where the number is, e.g. $.data.total.",
      [`header:${nameless?.key}:name`]: "Name the header, e.g. Authorization.",
      [`header:${valueless?.key}:value`]: "Enter the value, or remove the row.",
    });
    const twice = {
      ...draftFromConnector(null),
      url: "https://stats.nordwind.example/x",
      jsonPath: "$.x",
      headers: [headerRow("Authorization", "a"), headerRow("authorization", "b")],
    };
    expect(validateConnectorDraft(twice, null, undefined).errors).toEqual({
      [`header:${twice.headers[1]?.key}:name`]: "Given twice (header names ignore case).",
    });
  });

  it("checks with the API's schema: a URL that is not http(s) or carries a password", () => {
    const draft = {
      ...draftFromConnector(null),
      url: "ftp://files.example.com/stats.json",
      jsonPath: "$.total",
    };
    expect(validateConnectorDraft(draft, null, undefined).errors).toEqual({
      url: "Must start with http:// or https://",
    });
    const reserved = {
      ...draft,
      url: "https://stats.example.com",
      headers: [headerRow("Host", "evil.example")],
    };
    expect(validateConnectorDraft(reserved, null, undefined).errors).toEqual({
      [`header:${reserved.headers[0]?.key}:name`]: "Is set by Keel's HTTP client and cannot be sent",
    });
  });

  it("refuses to keep credentials the server can no longer read", () => {
    const c = buildConnector({ headerNames: [], credentialsError: "cannot be decrypted" });
    const { errors } = validateConnectorDraft(draftFromConnector(c), storedOf(c), 3);
    expect(errors.headers).toContain("cannot be read");
  });

  it("places the server's issues on their fields and keeps the rest for the form", () => {
    const draft = { ...draftFromConnector(null), headers: [headerRow("Authorization", "Bearer\nx")] };
    const { errors, unplaced } = mapConnectorIssues(
      [
        { field: "url", message: "Keel does not connect to 10.0.0.5: it is a private network address" },
        { field: "jsonPath", message: "must start with $" },
        { field: "headers.Authorization", message: "has a value with line breaks or non-ASCII characters" },
        { field: "headers.X-Gone", message: "is not a valid header name" },
        { field: "formula", message: "KPI is computed from its formula" },
      ],
      draft,
    );
    expect(errors).toEqual({
      url: "Keel does not connect to 10.0.0.5: it is a private network address",
      jsonPath: "Must start with $",
      [`header:${draft.headers[0]?.key}:value`]: "Has a value with line breaks or non-ASCII characters",
      headers: "X-Gone is not a valid header name",
    });
    expect(unplaced).toEqual([{ field: "formula", message: "KPI is computed from its formula" }]);
  });

  it("states the schedule the server keeps for the KPI's frequency", () => {
    expect(runIntervalLabel("daily")).toBe("every hour");
    expect(runIntervalLabel("weekly")).toBe("every 6 hours");
    expect(runIntervalLabel("quarterly")).toBe("every 24 hours");
  });
});
