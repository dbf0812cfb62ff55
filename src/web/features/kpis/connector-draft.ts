import { keepsCredentialTarget } from "../../../domain/kpi/connector-target.ts";
import { CONNECTOR_RUN_INTERVAL_MS } from "../../../shared/schemas/connectors.ts";
import type { Connector, Kpi } from "./kpis-api.ts";

/**
 * The connector form's state and the rules between it and PUT …/connector. Credentials are
 * write-only: the API names the stored headers and says whether a connection string is
 * stored, never their values. So the form keeps what is stored unless the person replaces
 * it (headers as a whole set, the API has no per-header edit) or removes it, and sends a
 * credential field only then: omitted keeps, null removes. Stored credentials stay only
 * with the target they were saved for (domain/kpi/connector-target.ts): once the draft
 * points elsewhere (another URL origin or query string, another query) the form treats
 * them as gone, as the server will. What the form sends, and how the answer's issues land
 * on it: connector-request.ts.
 */

export type ConnectorKind = Connector["kind"];

export const connectorKindLabels: Record<ConnectorKind, string> = {
  http_json: "HTTP JSON endpoint",
  postgres_sql: "PostgreSQL query",
};

export type HeaderRow = {
  /** Stable React key and error key of the row (indexes change when rows are removed). */
  key: string;
  name: string;
  value: string;
};

export type ConnectorDraft = {
  kind: ConnectorKind;
  url: string;
  jsonPath: string;
  query: string;
  enabled: boolean;
  /** keep: leave the stored headers as they are; replace: send `headers` rows; remove: send null. */
  headersMode: "keep" | "replace" | "remove";
  headers: HeaderRow[];
  /** keep: leave the stored connection string; replace: send the one typed. */
  connectionStringMode: "keep" | "replace";
  connectionString: string;
};

/** Errors by field name ("url") or header cell ("header:<row key>:name" / ":value"). */
export type ConnectorDraftErrors = Record<string, string>;

/** What the saved connector holds, as far as the API tells (never values), and for which target. */
export type StoredCredentials = {
  kind: ConnectorKind;
  url: string | null;
  query: string | null;
  hasCredentials: boolean;
  headerNames: string[];
  credentialsError: string | null;
};

let nextKey = 1;
export function headerRow(name = "", value = ""): HeaderRow {
  return { key: `h${nextKey++}`, name, value };
}

export function storedOf(c: Connector | null | undefined): StoredCredentials | null {
  return c
    ? {
        kind: c.kind,
        url: c.url,
        query: c.query,
        hasCredentials: c.hasCredentials,
        headerNames: c.headerNames,
        credentialsError: c.credentialsError,
      }
    : null;
}

const targetOf = (t: { kind: ConnectorKind; url: string | null; query: string | null }) =>
  t.kind === "http_json" ? { kind: t.kind, url: t.url } : { kind: t.kind, query: t.query };

/**
 * Stored credentials the draft can keep: those of its kind, while it keeps their target
 * (a change of kind, URL origin or query string, or query drops them; the server does too).
 */
export function storedFor(
  stored: StoredCredentials | null,
  draft: Pick<ConnectorDraft, "kind" | "url" | "query">,
): StoredCredentials | null {
  if (!stored?.hasCredentials) return null;
  return keepsCredentialTarget(targetOf(stored), targetOf(draft)) ? stored : null;
}

/**
 * Stored credentials of the draft's kind that its new target leaves behind: the form
 * says so, since saving without entering them again drops them (or, for a connection
 * string, needs it again).
 */
export function credentialsLeftBehind(
  stored: StoredCredentials | null,
  draft: Pick<ConnectorDraft, "kind" | "url" | "query">,
): StoredCredentials | null {
  if (!stored?.hasCredentials || stored.kind !== draft.kind) return null;
  return storedFor(stored, draft) ? null : stored;
}

export function draftFromConnector(c: Connector | null | undefined): ConnectorDraft {
  return {
    kind: c?.kind ?? "http_json",
    url: c?.url ?? "",
    jsonPath: c?.jsonPath ?? "",
    query: c?.query ?? "",
    enabled: c?.enabled ?? true,
    headersMode: c?.kind === "http_json" && c.hasCredentials ? "keep" : "replace",
    headers: [],
    connectionStringMode: c?.kind === "postgres_sql" && c.hasCredentials ? "keep" : "replace",
    connectionString: "",
  };
}

/** "every 6 hours": when the server runs a connector of a KPI of this frequency. */
export function runIntervalLabel(frequency: Kpi["frequency"]): string {
  const hours = CONNECTOR_RUN_INTERVAL_MS[frequency] / 3_600_000;
  return hours === 1 ? "every hour" : `every ${hours} hours`;
}

export const periodNouns: Record<Kpi["frequency"], string> = {
  daily: "day",
  weekly: "week",
  monthly: "month",
  quarterly: "quarter",
};
