import { z } from "zod";
import { timestamp, VersionSchema } from "./common.ts";
import type { FrequencySchema } from "./kpis.ts";

/**
 * How often a connector runs, by its KPI's frequency. A run writes the value of the
 * current period, which keeps moving until the period ends (this month's revenue so
 * far), so it is refreshed several times within each period; re-sending an unchanged
 * value writes nothing, so frequent runs cost a query and no history. Shared so the web
 * app's connector form states the schedule the server keeps.
 */
export const CONNECTOR_RUN_INTERVAL_MS: Readonly<Record<z.infer<typeof FrequencySchema>, number>> =
  Object.freeze({
    daily: 60 * 60_000,
    weekly: 6 * 60 * 60_000,
    monthly: 24 * 60 * 60_000,
    quarterly: 24 * 60 * 60_000,
  });

export const ConnectorKindSchema = z
  .enum(["http_json", "postgres_sql"])
  .describe("http_json: GET a URL and pick a number with a JSON path; postgres_sql: a read-only query");

/** Header names as HTTP allows them (RFC 9110 tokens). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
/** Visible ASCII, spaces and tabs: no line breaks that could smuggle another header. */
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;
/** Set by the HTTP client itself; a connector may not override them. */
const RESERVED_HEADERS = new Set([
  "host",
  "content-length",
  "connection",
  "transfer-encoding",
  "keep-alive",
  "upgrade",
  "te",
  "trailer",
  "expect",
]);

export const ConnectorHeadersSchema = z
  .record(z.string(), z.string().max(8000, "must be at most 8,000 characters"))
  .superRefine((headers, ctx) => {
    const names = Object.keys(headers);
    if (names.length > 20) ctx.addIssue({ code: "custom", message: "at most 20 headers" });
    const seen = new Set<string>();
    for (const name of names) {
      const lower = name.toLowerCase();
      if (!HEADER_NAME.test(name)) {
        ctx.addIssue({ code: "custom", path: [name], message: "is not a valid header name" });
      } else if (RESERVED_HEADERS.has(lower)) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: "is set by Keel's HTTP client and cannot be sent",
        });
      } else if (seen.has(lower)) {
        ctx.addIssue({ code: "custom", path: [name], message: "is given twice (header names ignore case)" });
      }
      seen.add(lower);
      // The value is a credential: the message names the header, never the value.
      if (!HEADER_VALUE.test(headers[name] ?? "")) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: "has a value with line breaks or non-ASCII characters",
        });
      }
    }
  })
  .describe('Request headers, e.g. {"Authorization": "Bearer …"}; stored encrypted, never returned');

const httpUrl = z
  .string()
  .trim()
  .max(2000, "must be at most 2,000 characters")
  .superRefine((text, ctx) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      ctx.addIssue({ code: "custom", message: "must be a full URL such as https://example.com/api/stats" });
      return;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      ctx.addIssue({ code: "custom", message: "must start with http:// or https://" });
    } else if (url.username || url.password) {
      ctx.addIssue({
        code: "custom",
        message: "must not contain a user name or password; send credentials as a header (Authorization)",
      });
    }
  });

export const PutConnectorSchema = z
  .strictObject({
    kind: ConnectorKindSchema,
    url: httpUrl
      .nullish()
      .describe("http_json: the URL to GET (http or https). Shown to everyone: keep secrets out"),
    jsonPath: z
      .string()
      .trim()
      .max(500)
      .nullish()
      .describe(
        "http_json: where the number is, e.g. $.data.total or $.items[0].value ($, .name, ['name'], [index])",
      ),
    query: z
      .string()
      .max(10_000, "must be at most 10,000 characters")
      .nullish()
      .describe("postgres_sql: a read-only query; the first column of its first row is the value"),
    headers: ConnectorHeadersSchema.nullish().describe(
      "http_json: request headers (credentials). Omit to keep the stored ones, null to remove them. Stored headers are kept only while the URL keeps its origin (scheme, host, port) and query string; a save that changes either drops them unless they are sent again",
    ),
    connectionString: z
      .string()
      .max(2000)
      .nullish()
      .describe(
        "postgres_sql: postgres://user:password@host:port/database?sslmode=require (a credential). Omit to keep the stored one; a save that changes the query must send it again",
      ),
    enabled: z
      .boolean()
      .default(true)
      .describe("false: scheduled runs pause; a run can still be started by hand"),
    version: VersionSchema.optional().describe("Required when replacing a connector: the version you loaded"),
  })
  .superRefine((body, ctx) => {
    const http = body.kind === "http_json";
    const need = (field: "url" | "jsonPath" | "query") => {
      const value = body[field];
      if (value === undefined || value === null || value.trim() === "") {
        ctx.addIssue({ code: "custom", path: [field], message: `is required for a ${body.kind} connector` });
      }
    };
    const refuse = (field: "url" | "jsonPath" | "query" | "headers" | "connectionString") => {
      if (body[field] !== undefined && body[field] !== null) {
        const other = http ? "postgres_sql" : "http_json";
        ctx.addIssue({ code: "custom", path: [field], message: `is only for ${other} connectors` });
      }
    };
    if (http) {
      need("url");
      need("jsonPath");
      refuse("query");
      refuse("connectionString");
    } else {
      need("query");
      refuse("url");
      refuse("jsonPath");
      refuse("headers");
    }
  });
export type PutConnectorInput = z.infer<typeof PutConnectorSchema>;

const runState = {
  lastRunAt: timestamp().nullable(),
  lastOutcome: z.enum(["succeeded", "failed"]).nullable(),
  lastError: z
    .string()
    .nullable()
    .describe('Why the last run failed, e.g. "HTTP 503 from https://…" or "value \\"n/a\\" is not a number"'),
  lastValue: z.number().nullable().describe("The value the last successful run wrote"),
  consecutiveFailures: z.number().describe("Failed runs in a row; retries back off from 5 minutes"),
  nextRunAt: timestamp(),
};

export const ConnectorSchema = z.object({
  kpiId: z.uuid(),
  kind: ConnectorKindSchema,
  url: z.string().nullable(),
  jsonPath: z.string().nullable(),
  query: z.string().nullable(),
  enabled: z.boolean(),
  hasCredentials: z
    .boolean()
    .describe("Headers or a connection string are stored (encrypted; never returned)"),
  headerNames: z
    .array(z.string())
    .describe("Names of the stored request headers; their values are never returned"),
  credentialsError: z
    .string()
    .nullable()
    .describe(
      "Set when the stored credentials cannot be decrypted (the server's key changed): enter them again",
    ),
  ...runState,
  version: z.number(),
  createdAt: timestamp(),
  updatedAt: timestamp(),
});
export type Connector = z.infer<typeof ConnectorSchema>;

/** What a save answers: the connector, and whether the save dropped credentials it had. */
export const SavedConnectorSchema = ConnectorSchema.extend({
  credentialsDropped: z
    .boolean()
    .describe(
      "true when this save removed stored credentials that were not sent again because the connector now points elsewhere: an HTTP connector's URL changed its origin (scheme, host, port) or query string. Stored credentials only ever go to the target they were saved for; enter them again to keep using them",
    ),
});
export type SavedConnector = z.infer<typeof SavedConnectorSchema>;

export const ConnectorRunSchema = z.object({
  outcome: z.enum(["succeeded", "failed"]),
  value: z.number().nullable().describe("The value read (succeeded)"),
  periodStart: z.string().nullable().describe("The period it was written for: the current one"),
  written: z
    .enum(["created", "corrected", "unchanged"])
    .nullable()
    .describe("unchanged: the period already had this value, nothing was written"),
  error: z.string().nullable().describe("Why the run failed; old values stay"),
  connector: ConnectorSchema,
});
export type ConnectorRun = z.infer<typeof ConnectorRunSchema>;
