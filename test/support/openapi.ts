/**
 * The API's own OpenAPI document as the list of what to test: every operation, its
 * parameters and its request body schema. Tests generated from it cover routes added later
 * without being edited.
 */
import { randomUUID } from "node:crypto";
import { createApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import { createLogger } from "../../src/server/lib/logger.ts";
import { DEFAULT_PASSWORD } from "./factories.ts";
import { testConfigEnv } from "./harness.ts";

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

export type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

type OperationObject = {
  security?: Array<Record<string, string[]>>;
  responses?: Record<string, unknown>;
  "x-keel-viewer-may"?: boolean;
  parameters?: Array<{ name: string; in: "path" | "query" | "header" | "cookie"; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

export type Operation = {
  /** Upper case: GET, POST, … */
  method: string;
  /** As in the document, e.g. /api/orgs/{org}/teams/{id}. */
  path: string;
  /** "GET /api/orgs/{org}/teams/{id}" */
  label: string;
  pathParams: string[];
  queryParams: Array<{ name: string; schema: JsonSchema }>;
  body: JsonSchema | undefined;
  /** Declares a security requirement (session or bearer) in the document. */
  secured: boolean;
  /** A write a viewer may make (`x-keel-viewer-may` in the document). */
  viewerMay: boolean;
  /** The response statuses the document declares. */
  statuses: number[];
};

const METHODS = ["get", "post", "put", "patch", "delete"];

/** The document as the app generates it; needs no database. */
export async function loadOpenApiDocument(): Promise<OpenApiDocument> {
  const app = createApp({
    // Never queried; an object because the app keys its outage watch by the database.
    db: {} as never,
    engine: "pglite",
    config: loadConfig(testConfigEnv()),
    logger: createLogger("silent"),
    now: () => new Date(),
    secretKey: () => Buffer.alloc(32),
  });
  const res = await app.request("/api/openapi.json");
  if (res.status !== 200) throw new Error(`GET /api/openapi.json → ${res.status}`);
  return (await res.json()) as OpenApiDocument;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const params = op.parameters ?? [];
      const body = op.requestBody?.content?.["application/json"]?.schema;
      out.push({
        method: method.toUpperCase(),
        path,
        label: `${method.toUpperCase()} ${path}`,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        queryParams: params
          .filter((p) => p.in === "query")
          .map((p) => ({ name: p.name, schema: resolve(doc, p.schema ?? {}) })),
        body: body ? resolve(doc, body) : undefined,
        secured: (op.security ?? []).length > 0,
        viewerMay: op["x-keel-viewer-may"] === true,
        statuses: Object.keys(op.responses ?? {}).map(Number),
      });
    }
  }
  return out;
}

/** Follows a $ref into components.schemas. */
export function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let s = schema;
  for (let i = 0; s.$ref && i < 10; i++) {
    const name = s.$ref.replace("#/components/schemas/", "");
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved $ref ${s.$ref}`);
    s = target;
  }
  return s;
}

/** The non-null type a schema describes (first variant of unions). */
export function typeOf(
  doc: OpenApiDocument,
  schema: JsonSchema,
): { type: string; schema: JsonSchema; nullable: boolean } {
  const s = resolve(doc, schema);
  const variants = s.anyOf ?? s.oneOf;
  if (variants) {
    const nonNull = variants.map((v) => resolve(doc, v)).filter((v) => v.type !== "null");
    const nullable = nonNull.length < variants.length;
    const first = typeOf(doc, nonNull[0] ?? {});
    return { ...first, nullable: nullable || first.nullable };
  }
  if (Array.isArray(s.type)) {
    const nonNull = s.type.filter((t) => t !== "null");
    return { type: nonNull[0] ?? "null", schema: s, nullable: nonNull.length < s.type.length };
  }
  if (s.enum) return { type: "enum", schema: s, nullable: s.enum.includes(null) };
  if (s.const !== undefined) return { type: "const", schema: s, nullable: false };
  return { type: s.type ?? (s.properties ? "object" : "any"), schema: s, nullable: false };
}

export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return encodeURIComponent(wellFormed(value));
  });
}

/** Lone UTF-16 surrogates (which cannot be URL-encoded) replaced by U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** Values a field name asks for, beyond what its JSON schema can say (zod refinements). */
export function hintFor(name: string): unknown {
  const lower = name.toLowerCase();
  if (lower === "timezone") return "Europe/Amsterdam";
  if (lower.includes("email")) return "lotte.visser@vdberg-logistics.test";
  if (lower.includes("password")) return DEFAULT_PASSWORD;
  if (lower === "startson") return "2026-10-01";
  if (lower === "endson") return "2026-12-31";
  if (lower === "token") return "t".repeat(43);
  return undefined;
}

/**
 * A valid-looking value for a schema: the form a careful client would send. `idFor` picks
 * the uuid for a field by its name (so bodies can point at a chosen organisation's data).
 */
export function sampleValue(
  doc: OpenApiDocument,
  schema: JsonSchema,
  name: string,
  idFor: (field: string) => string | undefined,
): unknown {
  const { type, schema: s } = typeOf(doc, schema);
  const hint = hintFor(name);
  if (hint !== undefined && (type === "string" || type === "any")) return hint;
  switch (type) {
    case "enum":
      return s.enum![0];
    case "const":
      return s.const;
    case "string": {
      if (s.format === "uuid") return idFor(name) ?? randomUUID();
      if (s.pattern?.includes("\\d{4}-\\d{2}-\\d{2}")) return "2026-10-01";
      let text = "Hub Rotterdam";
      if (s.minLength && text.length < s.minLength) text = text.padEnd(s.minLength, "x");
      if (s.maxLength !== undefined) text = text.slice(0, s.maxLength);
      return text;
    }
    case "integer":
    case "number":
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case "boolean":
      return false;
    case "array":
      return [];
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        if (key === "setupCode") continue;
        out[key] = sampleValue(doc, prop, key, idFor);
      }
      return out;
    }
    default:
      return null;
  }
}
