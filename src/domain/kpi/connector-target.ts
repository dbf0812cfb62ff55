/**
 * Stored connector credentials belong to the target they were saved for. Whoever may edit
 * a connector (an admin, or a lead of the KPI's team) never sees its credentials, so an
 * edit that points the connector elsewhere without entering them again must not carry
 * them along: otherwise a lead could send an admin's Authorization header to a server of
 * their own, or run a query of their own with an admin's database login. Shared by the
 * server (which drops or asks again) and the web form (which stops showing them as kept).
 *
 * The target of an HTTP connector is the URL's origin (scheme, host, port) and its query
 * string (which often selects the account or tenant the key opens); the path and the JSON
 * path may change, as they only pick what the same server answers. The target of a
 * PostgreSQL connector is its query: the connection string opens the database, the query
 * says what is read with it.
 */

export type ConnectorTarget =
  | { kind: "http_json"; url: string | null | undefined }
  | { kind: "postgres_sql"; query: string | null | undefined };

function httpTargetKey(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.trim());
    return `${u.origin}${u.search}`;
  } catch {
    return null;
  }
}

/**
 * Whether stored credentials saved with `saved` may stay for `next`. A change of kind
 * never keeps them (the other kind's credentials mean nothing); an unreadable URL counts
 * as a new target.
 */
export function keepsCredentialTarget(saved: ConnectorTarget, next: ConnectorTarget): boolean {
  if (saved.kind === "http_json" && next.kind === "http_json") {
    const before = httpTargetKey(saved.url);
    return before !== null && before === httpTargetKey(next.url);
  }
  if (saved.kind === "postgres_sql" && next.kind === "postgres_sql") {
    return (saved.query ?? "").trim() === (next.query ?? "").trim();
  }
  return false;
}
