/**
 * fast-check arbitraries for hostile input, derived from the OpenAPI schemas: bodies that
 * are almost right (every known field, some with the wrong type or an edge value), random
 * JSON, malformed JSON, wrong content types, huge strings; query strings and path ids.
 */
import fc from "fast-check";
import { hintFor, type JsonSchema, type OpenApiDocument, typeOf } from "./openapi.ts";

/** What to send: a JSON value, or raw text with a content type. */
export type BodyCase =
  | { kind: "json"; value: unknown; contentType?: string }
  | { kind: "raw"; text: string; contentType: string };

/** Strings that have broken servers before: control characters, NUL, odd Unicode, SQL. */
const nastyStrings = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "Hub\u0000Rotterdam",
  "\uD800",
  "\u202Eelttil",
  "🚚📦",
  "Zoë Peters",
  "'; drop table teams; --",
  "%",
  "_",
  "\\",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "null",
  "NaN",
  "1e400",
  "-0",
  "x".repeat(2_000),
);

const anyText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 2, arbitrary: nastyStrings },
  // PostgreSQL refuses NUL in text: worth trying in every field.
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }).map((s) => `${s}\u0000${s}`) },
);

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  anyText,
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  fc.constant("x".repeat(5_000)),
);

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** YYYY-MM-DD strings, mostly well formed, biased to edges (year 0, 29 February, 31st). */
const dateText = fc.oneof(
  fc
    .tuple(
      fc.oneof(fc.constantFrom(0, 1, 1969, 1970, 2000, 2026, 2027, 9999), fc.integer({ min: 0, max: 9999 })),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
    )
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
  fc.constantFrom("2026-02-29", "2028-02-29", "2026-13-01", "2026-1-1", "2026-10-01T00:00:00Z"),
);

/** Well-formed uuids: the given real ones, or random ones. */
function uuidArb(ids: string[]) {
  return ids.length ? fc.oneof(fc.constantFrom(...ids), fc.uuid()) : fc.uuid();
}

/**
 * Values for a field: usually of the declared type (edges included), sometimes of a wrong
 * type or hostile, so that the validation of each known field gets exercised.
 */
export function fieldArb(
  doc: OpenApiDocument,
  schema: JsonSchema,
  name: string,
  ids: string[],
): fc.Arbitrary<unknown> {
  const { type, schema: s, nullable } = typeOf(doc, schema);
  const hint = hintFor(name);
  let right: fc.Arbitrary<unknown>;
  switch (type) {
    case "enum":
      right = fc.constantFrom(...(s.enum as unknown[]));
      break;
    case "const":
      right = fc.constant(s.const);
      break;
    case "string": {
      if (s.format === "uuid") right = uuidArb(ids);
      else if (s.pattern?.includes("\\d{4}-\\d{2}-\\d{2}")) right = dateText;
      else {
        const sized = fc.string({
          minLength: s.minLength ?? 0,
          maxLength: Math.min(s.maxLength ?? 60, 300),
        });
        right = fc.oneof(sized, anyText);
      }
      if (name.toLowerCase() === "timezone") {
        right = fc.oneof(
          right,
          fc.constantFrom(
            "Europe/Amsterdam",
            "UTC",
            "Pacific/Kiritimati",
            "Etc/GMT+12",
            "Mars/Olympus",
            "europe/amsterdam",
          ),
        );
      }
      if (name.toLowerCase().includes("email")) {
        right = fc.oneof(right, fc.emailAddress(), fc.constant("LOTTE.VISSER@VDBERG-LOGISTICS.TEST"));
      }
      break;
    }
    case "integer":
    case "number": {
      const min = s.minimum ?? -1_000;
      const max = s.maximum ?? min + 1_000;
      right = fc.oneof(
        fc.integer({
          min: Math.max(Number.MIN_SAFE_INTEGER, min - 2),
          max: Math.min(Number.MAX_SAFE_INTEGER, max + 2),
        }),
        fc.constantFrom(min, max, 0, -1, 2 ** 31, 2 ** 53, 1.5, 1e308),
      );
      break;
    }
    case "boolean":
      right = fc.boolean();
      break;
    case "object":
      right = objectArb(doc, s, ids, 1);
      break;
    case "array":
      right = fc.array(s.items ? fieldArb(doc, s.items, name, ids) : fc.jsonValue(), { maxLength: 3 });
      break;
    default:
      right = fc.jsonValue({ maxDepth: 1 });
  }
  if (hint !== undefined) right = fc.oneof(right, fc.constant(hint));
  if (nullable) right = fc.oneof(right, fc.constant(null));
  return fc.oneof({ weight: 4, arbitrary: right }, { weight: 1, arbitrary: wrongType });
}

/** Objects with any subset of the schema's fields, plus sometimes a field it does not know. */
export function objectArb(
  doc: OpenApiDocument,
  schema: JsonSchema,
  ids: string[],
  depth = 0,
): fc.Arbitrary<Record<string, unknown>> {
  const props = typeOf(doc, schema).schema.properties ?? {};
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, prop] of Object.entries(props)) fields[key] = fieldArb(doc, prop, key, ids);
  const known = fc.record(fields, { requiredKeys: [] });
  if (depth > 0) return known;
  return fc
    .tuple(
      known,
      fc.option(
        fc.tuple(
          fc.constantFrom("__proto__", "constructor", "organizationId", "id", "extra"),
          fc.jsonValue({ maxDepth: 1 }),
        ),
        { nil: undefined },
      ),
    )
    .map(([obj, extra]) => (extra ? { ...obj, [extra[0]]: extra[1] } : obj));
}

/** Every kind of body a careless or hostile client could send to an operation. */
export function bodyArb(doc: OpenApiDocument, schema: JsonSchema, ids: string[]): fc.Arbitrary<BodyCase> {
  const json = (value: unknown): BodyCase => ({ kind: "json", value });
  return fc.oneof(
    { weight: 8, arbitrary: objectArb(doc, schema, ids).map(json) },
    { weight: 2, arbitrary: fc.jsonValue().map(json) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }).map(json) },
    { weight: 1, arbitrary: fc.object({ maxDepth: 2 }).map(json) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          "",
          "{",
          "}",
          "not json",
          '{"name":',
          "[1,2",
          "\u0000",
          '{"version":1,}',
          "{'name':'x'}",
          "NaN",
          "1e999999",
        )
        .map((text): BodyCase => ({ kind: "raw", text, contentType: "application/json" })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          objectArb(doc, schema, ids),
          fc.constantFrom(
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/xml",
            "application/json; charset=latin1",
          ),
        )
        .map(([value, contentType]): BodyCase => ({ kind: "json", value, contentType })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(100_000, 1_000_000).map(
        (n): BodyCase =>
          // Printed short when a property fails, instead of a megabyte of x.
          Object.assign(
            {
              kind: "raw" as const,
              text: JSON.stringify({ name: "x".repeat(n) }),
              contentType: "application/json",
            },
            { [fc.toStringMethod]: () => `<JSON body with a ${n}-character name>` },
          ),
      ),
    },
  );
}

/** A cursor that looks like the ones the API gives out, with a key and id chosen by an attacker. */
const forgedCursor = fc
  .tuple(
    fc.oneof(anyText, fc.constantFrom("2026-01-01", "7", "2026-11-23T13:00:00.000Z", "not a date")),
    fc.oneof(
      fc.uuid(),
      fc.constantFrom("-".repeat(36), "f".repeat(36), "00000000-0000-0000-0000-00000000000g"),
    ),
  )
  .map(([k, id]) => Buffer.from(JSON.stringify({ k, id })).toString("base64url"));

/** Query strings for an operation: its own parameters with hostile values, and unknown ones. */
export function queryArb(
  doc: OpenApiDocument,
  params: Array<{ name: string; schema: JsonSchema }>,
  ids: string[],
) {
  const fields: Record<string, fc.Arbitrary<string>> = {};
  for (const p of params) {
    const typed = fieldArb(doc, p.schema, p.name, ids).map((v) =>
      typeof v === "string" ? v : (JSON.stringify(v) ?? ""),
    );
    fields[p.name] = p.name === "cursor" ? fc.oneof(typed, forgedCursor) : typed;
  }
  return fc
    .tuple(
      fc.record(fields, { requiredKeys: [] }),
      fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), anyText, { maxKeys: 2 }),
    )
    .map(([known, extra]) => {
      const search = new URLSearchParams();
      for (const [k, v] of Object.entries({ ...extra, ...known })) search.append(k, v as string);
      return search.toString();
    });
}

/** Path parameter values: real ids, random uuids, and things that are not ids at all. */
export function pathParamArb(real: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(real) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: anyText.filter((s) => s.length > 0) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("..", ".", "%00", "00000000-0000-0000-0000-000000000000", "x".repeat(1_000)),
    },
  );
}
