import { keepsCredentialTarget } from "../../../domain/kpi/connector-target.ts";
import type { FieldIssue } from "../../../shared/errors.ts";
import {
  CONNECTOR_RUN_INTERVAL_MS,
  type PutConnectorInput,
  PutConnectorSchema,
} from "../../../shared/schemas/connectors.ts";
import type { Connector, Kpi } from "./kpis-api.ts";

/**
 * The connector form's state and the rules between it and PUT …/connector. Credentials are
 * write-only: the API names the stored headers and says whether a connection string is
 * stored, never their values. So the form keeps what is stored unless the person replaces
 * it (headers as a whole set, the API has no per-header edit) or removes it, and sends a
 * credential field only then: omitted keeps, null removes. Stored credentials stay only
 * with the target they were saved for (domain/kpi/connector-target.ts): once the draft
 * points elsewhere (another URL origin or query string, another query) the form treats
 * them as gone, as the server will.
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

/** Header rows the person filled in; a row left wholly empty is not a header. */
const filledRows = (draft: ConnectorDraft) => draft.headers.filter((r) => r.name.trim() || r.value);

/**
 * The request body. Fields of the other kind are left out (the API refuses them);
 * credentials go only when replaced or removed.
 */
export function toPutInput(
  draft: ConnectorDraft,
  stored: StoredCredentials | null,
  version: number | undefined,
): Record<string, unknown> {
  const base = { kind: draft.kind, enabled: draft.enabled, ...(version === undefined ? {} : { version }) };
  const kept = storedFor(stored, draft);
  if (draft.kind === "http_json") {
    const body: Record<string, unknown> = { ...base, url: draft.url.trim(), jsonPath: draft.jsonPath.trim() };
    const mode = kept ? draft.headersMode : "replace";
    if (mode === "remove") {
      body.headers = null;
    } else if (mode === "replace") {
      const rows = filledRows(draft);
      if (rows.length > 0) body.headers = Object.fromEntries(rows.map((r) => [r.name.trim(), r.value]));
      // Replacing stored headers with none removes them; with none stored there is nothing to send.
      else if (kept) body.headers = null;
    }
    return body;
  }
  const body: Record<string, unknown> = { ...base, query: draft.query };
  if (!kept || draft.connectionStringMode === "replace")
    body.connectionString = draft.connectionString.trim();
  return body;
}

const FIELDS = new Set(["kind", "url", "jsonPath", "query", "headers", "connectionString", "enabled"]);

/** Messages from the API and the schema read "must be …": capitalise them for display. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * Places API (or zod) issues next to their inputs. Header issues name the header
 * (`headers.Authorization`); a value problem goes under the value, any other under the name.
 */
export function mapConnectorIssues(
  issues: readonly FieldIssue[],
  draft: ConnectorDraft,
): { errors: ConnectorDraftErrors; unplaced: FieldIssue[] } {
  const errors: ConnectorDraftErrors = {};
  const unplaced: FieldIssue[] = [];
  for (const issue of issues) {
    const header = /^headers\.(.+)$/.exec(issue.field);
    if (header) {
      const name = header[1] ?? "";
      const row = draft.headers.find((r) => r.name.trim() === name);
      const aboutValue = /value|characters/.test(issue.message);
      if (row) {
        errors[`header:${row.key}:${aboutValue ? "value" : "name"}`] ??= sentence(issue.message);
      } else {
        errors.headers ??= `${name} ${issue.message}`;
      }
      continue;
    }
    if (FIELDS.has(issue.field)) {
      errors[issue.field] ??= sentence(issue.message);
      continue;
    }
    unplaced.push(issue);
  }
  return { errors, unplaced };
}

/**
 * Problems the form can see before asking the server: what is missing, header rows half
 * filled or named twice, credentials that cannot be kept, then the shared schema the API
 * validates with. The JSON path's syntax and the reachability of the host are the
 * server's to judge (its answer lands on the same fields).
 */
export function validateConnectorDraft(
  draft: ConnectorDraft,
  stored: StoredCredentials | null,
  version: number | undefined,
): { errors: ConnectorDraftErrors; input: PutConnectorInput | null; general: string | null } {
  const errors: ConnectorDraftErrors = {};
  const kept = storedFor(stored, draft);
  if (draft.kind === "http_json") {
    if (!draft.url.trim()) errors.url = "Enter the URL Keel reads the value from.";
    if (!draft.jsonPath.trim()) errors.jsonPath = "Say where the number is, e.g. $.data.total.";
    if (!kept || draft.headersMode === "replace") {
      const seen = new Set<string>();
      for (const r of filledRows(draft)) {
        const name = r.name.trim();
        if (!name) errors[`header:${r.key}:name`] = "Name the header, e.g. Authorization.";
        else if (seen.has(name.toLowerCase()))
          errors[`header:${r.key}:name`] = "Given twice (header names ignore case).";
        if (!r.value) errors[`header:${r.key}:value`] = "Enter the value, or remove the row.";
        seen.add(name.toLowerCase());
      }
    }
    if (kept?.credentialsError && draft.headersMode === "keep") {
      errors.headers = "The stored headers cannot be read with this server's key: replace or remove them.";
    }
  } else {
    if (!draft.query.trim())
      errors.query = "Enter the query; the first column of its first row is the value.";
    if ((!kept || draft.connectionStringMode === "replace") && !draft.connectionString.trim()) {
      errors.connectionString = "Enter the connection string.";
    } else if (kept?.credentialsError && draft.connectionStringMode === "keep") {
      errors.connectionString =
        "The stored connection string cannot be read with this server's key: enter it again.";
    }
  }
  if (Object.keys(errors).length > 0) return { errors, input: null, general: null };
  const parsed = PutConnectorSchema.safeParse(toPutInput(draft, stored, version));
  if (parsed.success) return { errors, input: parsed.data, general: null };
  const mapped = mapConnectorIssues(
    parsed.error.issues.map((i) => ({ field: i.path.map(String).join(".") || "body", message: i.message })),
    draft,
  );
  const general = mapped.unplaced.map((u) => `${u.field}: ${u.message}`).join("; ") || null;
  return { errors: mapped.errors, input: null, general };
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
