import { AppError } from "../../shared/errors.ts";

/**
 * Cursors are opaque to clients: base64url JSON of the last row's sort key and id.
 * Lists sort by lower(name) in the "C" collation, then id, so order never depends on
 * a locale the database may lack.
 */
export type NameCursor = { k: string; id: string };

/** What a repository needs to fetch one page: search text, position, size. */
export type PageFilter = { q?: string | undefined; after?: NameCursor | undefined; limit: number };

export function encodeCursor(cursor: NameCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(raw: string | undefined): NameCursor | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown;
    if (
      value &&
      typeof value === "object" &&
      typeof (value as NameCursor).k === "string" &&
      typeof (value as NameCursor).id === "string" &&
      /^[0-9a-f-]{36}$/i.test((value as NameCursor).id)
    ) {
      return value as NameCursor;
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError("validation_failed", "cursor: is not a cursor this API gave out", {
    issues: [{ field: "cursor", message: "is not a cursor this API gave out" }],
  });
}

/** The repository filter for a list route's query (q, cursor, limit). */
export function pageFilter(query: {
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}): PageFilter {
  return { q: query.q || undefined, after: decodeCursor(query.cursor), limit: query.limit };
}

/** Turns limit+1 fetched rows into a page and the cursor of the next one. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => NameCursor) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

/** Escapes % and _ for a LIKE pattern. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}
