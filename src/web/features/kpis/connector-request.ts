import type { FieldIssue } from "../../../shared/errors.ts";
import { type PutConnectorInput, PutConnectorSchema } from "../../../shared/schemas/connectors.ts";
import { sentence } from "../../lib/zod-form.ts";
import {
  type ConnectorDraft,
  type ConnectorDraftErrors,
  type StoredCredentials,
  storedFor,
} from "./connector-draft.ts";

/**
 * Between the connector form and PUT …/connector: the body sent (credentials only when
 * replaced or removed: omitted keeps, null removes), the checks made before sending, and
 * where the issues of the answer land on the form.
 */

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
