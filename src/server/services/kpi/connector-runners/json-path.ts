/**
 * The small JSON path language connectors pick a number with: `$`, then any number of
 * `.name`, `['name']` / `["name"]` and `[index]` (a negative index counts from the end).
 * No filters, wildcards or scripts: a path selects exactly one value, and reading it can
 * neither run code nor reach anything but the document's own properties.
 */

export type JsonPathSegment = { kind: "name"; name: string } | { kind: "index"; index: number };

export class JsonPathSyntaxError extends Error {}

const MAX_PATH_LENGTH = 500;
const NAME_START = /[A-Za-z_$]/;
const NAME_CHAR = /[A-Za-z0-9_$-]/;

/** Parses a path such as `$.data.total` or `$.items[0]['value']`; throws JsonPathSyntaxError. */
export function parseJsonPath(path: string): JsonPathSegment[] {
  if (path.length > MAX_PATH_LENGTH)
    throw new JsonPathSyntaxError(`must be at most ${MAX_PATH_LENGTH} characters`);
  if (path[0] !== "$")
    throw new JsonPathSyntaxError('must start with "$" (the whole document), e.g. $.data.total');
  const segments: JsonPathSegment[] = [];
  let i = 1;
  const fail = (what: string): never => {
    throw new JsonPathSyntaxError(`${what} at position ${i + 1} of "${path}"`);
  };
  while (i < path.length) {
    const c = path[i];
    if (c === ".") {
      i++;
      const start = i;
      if (!NAME_START.test(path[i] ?? "")) fail("expected a property name after '.'");
      while (i < path.length && NAME_CHAR.test(path[i]!)) i++;
      segments.push({ kind: "name", name: path.slice(start, i) });
    } else if (c === "[") {
      i++;
      const q = path[i];
      if (q === "'" || q === '"') {
        i++;
        let name = "";
        while (i < path.length && path[i] !== q) {
          if (path[i] === "\\") {
            i++;
            if (i >= path.length) break;
          }
          name += path[i];
          i++;
        }
        if (path[i] !== q) fail(`unterminated quoted name (missing ${q})`);
        i++;
        segments.push({ kind: "name", name });
      } else {
        const match = /^-?\d{1,9}/.exec(path.slice(i));
        if (!match) fail("expected an index (a whole number) or a quoted name after '['");
        segments.push({ kind: "index", index: Number(match![0]) });
        i += match![0].length;
      }
      if (path[i] !== "]") fail("expected ']'");
      i++;
    } else {
      fail(`unexpected "${c}"; use .name, ['name'] or [index]`);
    }
  }
  return segments;
}

/** Writes segments back as a path, for messages ("… found nothing at $.data.totals"). */
export function formatJsonPath(segments: readonly JsonPathSegment[]): string {
  let out = "$";
  for (const s of segments) {
    if (s.kind === "index") out += `[${s.index}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(s.name)) out += `.${s.name}`;
    else out += `['${s.name.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}']`;
  }
  return out;
}

export type JsonPathResult = { found: true; value: unknown } | { found: false; missingAt: string };

/**
 * The value the path points at. Names match only an object's own properties (never
 * `__proto__`, `constructor` or anything inherited); indexes match only arrays.
 */
export function selectJsonPath(document: unknown, segments: readonly JsonPathSegment[]): JsonPathResult {
  let current: unknown = document;
  for (let n = 0; n < segments.length; n++) {
    const s = segments[n]!;
    let next: unknown;
    let ok = false;
    if (s.kind === "index" && Array.isArray(current)) {
      const at = s.index < 0 ? current.length + s.index : s.index;
      ok = at >= 0 && at < current.length;
      next = ok ? current[at] : undefined;
    } else if (
      s.kind === "name" &&
      current !== null &&
      typeof current === "object" &&
      !Array.isArray(current) &&
      Object.hasOwn(current, s.name)
    ) {
      ok = true;
      next = (current as Record<string, unknown>)[s.name];
    }
    if (!ok) return { found: false, missingAt: formatJsonPath(segments.slice(0, n + 1)) };
    current = next;
  }
  return { found: true, value: current };
}

/** Largest value a KPI accepts (as in the measurement schemas). */
export const MAX_KPI_VALUE = 1e15;

const NUMERIC_TEXT = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/**
 * What a value is, by type only ("text", "an object", "null"). Messages about a source's
 * answer never repeat a value from it: they are shown to everyone in the organisation,
 * and the source may hold what only the connector's credentials may read.
 */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (typeof value === "string") return value.trim() === "" ? "empty text" : "text";
  if (typeof value === "boolean") return "a boolean";
  if (typeof value === "number" || typeof value === "bigint") return "a number";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "a date";
  if (value instanceof Uint8Array) return "binary data";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/**
 * A KPI value from what a source returned: a finite number, or numeric text ("12.5",
 * how PostgreSQL's numeric and bigint arrive, and how some APIs send amounts).
 * Returns an error ("found text, not a number") for anything else, naming only its type.
 */
export function numberFrom(value: unknown): { ok: true; value: number } | { ok: false; error: string } {
  let n: number | undefined;
  if (typeof value === "number") n = value;
  else if (typeof value === "bigint") n = Number(value);
  else if (typeof value === "string" && NUMERIC_TEXT.test(value)) n = Number(value);
  if (n === undefined) return { ok: false, error: `found ${kindOf(value)}, not a number` };
  if (Number.isNaN(n)) return { ok: false, error: "found NaN, not a number" };
  if (!Number.isFinite(n) || Math.abs(n) >= MAX_KPI_VALUE) {
    return { ok: false, error: "found a number too large for a KPI (it must be below 10^15 in size)" };
  }
  return { ok: true, value: n };
}
