import type { Connector } from "../../../shared/schemas/connectors.ts";
import type { Deps } from "../../context.ts";
import { openSecret, SecretBoxError, sealSecret } from "../../lib/secret-box.ts";
import type { ConnectorRow } from "../../repositories/connector-repository.ts";

/**
 * Connector credentials at rest: one AES-256-GCM ciphertext per connector holding the
 * request headers or the connection string as JSON (lib/secret-box.ts), and the API's
 * view of a connector, which names the headers but never shows a value.
 */

/** What the encrypted column holds, as JSON. */
export type Credentials = { headers?: Record<string, string>; connectionString?: string };

/** Binds a ciphertext to its connector: copied onto another organisation's row it does not open. */
export const secretContext = (organizationId: string, kpiId: string) =>
  `kpi_connector:${organizationId}:${kpiId}`;

export const UNREADABLE =
  "The stored credentials cannot be decrypted with this server's key (was KEEL_SECRET_KEY changed?); enter them again.";

export function openCredentials(
  deps: Deps,
  row: ConnectorRow,
): { ok: true; credentials: Credentials } | { ok: false } {
  if (!row.secretCiphertext) return { ok: true, credentials: {} };
  try {
    const text = openSecret(
      deps.secretKey(),
      row.secretCiphertext,
      secretContext(row.organizationId, row.kpiId),
    );
    return { ok: true, credentials: JSON.parse(text) as Credentials };
  } catch (err) {
    if (err instanceof SecretBoxError || err instanceof SyntaxError) return { ok: false };
    throw err;
  }
}

/** The connector as the API shows it: header names and whether credentials exist, never their values. */
export function presentConnector(deps: Deps, row: ConnectorRow): Connector {
  const opened = openCredentials(deps, row);
  return {
    kpiId: row.kpiId,
    kind: row.kind,
    url: row.url,
    jsonPath: row.jsonPath,
    query: row.query,
    enabled: row.enabled,
    hasCredentials: row.secretCiphertext !== null,
    headerNames: opened.ok ? Object.keys(opened.credentials.headers ?? {}).sort() : [],
    credentialsError: opened.ok ? null : UNREADABLE,
    lastRunAt: row.lastRunAt?.toISOString() ?? null,
    lastOutcome: row.lastOutcome,
    lastError: row.lastError,
    lastValue: row.lastValue,
    consecutiveFailures: row.consecutiveFailures,
    nextRunAt: row.nextRunAt.toISOString(),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The ciphertext to store for `credentials`; null when there are none. */
export function sealCredentials(deps: Deps, organizationId: string, kpiId: string, credentials: Credentials) {
  if (!credentials.headers && !credentials.connectionString) return null;
  return sealSecret(deps.secretKey(), JSON.stringify(credentials), secretContext(organizationId, kpiId));
}
