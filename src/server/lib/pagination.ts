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

/**
 * What a cursor's key holds. Cursors come back from clients, so a forged one must be
 * refused here, not fail a cast (`::date`, `::uuid`…) in SQL.
 */
export type CursorKey = "text" | "date" | "datePair" | "integer" | "timestamp" | "rankedTimestamp";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isCalendarDate(d: string): boolean {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !d.startsWith("0000") && !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
}

const validKey: Record<CursorKey, (k: string) => boolean> = {
  text: (k) => !k.includes("\0"),
  date: (k) => /^\d{4}-\d{2}-\d{2}$/.test(k) && isCalendarDate(k),
  /** Two dates joined by "~" (a cycle's start and end). */
  datePair: (k) => {
    const [a = "", b = "", ...rest] = k.split("~");
    return rest.length === 0 && validKey.date(a) && validKey.date(b);
  },
  integer: (k) => /^-?\d{1,9}$/.test(k),
  timestamp: (k) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(k) &&
    isCalendarDate(k.slice(0, 10)) &&
    !Number.isNaN(Date.parse(k)),
  /** A position and a timestamp joined by "~" (Objectives: board order, then creation). */
  rankedTimestamp: (k) => {
    const [rank = "", at = "", ...rest] = k.split("~");
    return rest.length === 0 && validKey.integer(rank) && validKey.timestamp(at);
  },
};

export function decodeCursor(raw: string | undefined, key: CursorKey = "text"): NameCursor | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown;
    if (
      value &&
      typeof value === "object" &&
      typeof (value as NameCursor).k === "string" &&
      typeof (value as NameCursor).id === "string" &&
      UUID.test((value as NameCursor).id) &&
      validKey[key]((value as NameCursor).k)
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
export function pageFilter(
  query: {
    q?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
  key: CursorKey = "text",
): PageFilter {
  return { q: query.q || undefined, after: decodeCursor(query.cursor, key), limit: query.limit };
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
