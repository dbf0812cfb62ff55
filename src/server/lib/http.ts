import { OpenAPIHono, type z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { AppError, type FieldIssue } from "../../shared/errors.ts";
import { ErrorSchema } from "../../shared/schemas/common.ts";
import type { AppEnv } from "../context.ts";
import { databaseUnavailableReason, type OutageWatch, RETRY_AFTER_SECONDS } from "./database-outage.ts";

/** zod issues → the API's field list ("name: must not be empty"). */
export function issuesOf(error: z.core.$ZodError, location?: string): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      // One issue per unknown field, named by its own path, so a typo ("kpiId") is found.
      return issue.keys.map((key) => ({
        field: path ? `${path}.${key}` : key,
        message: "is not a field of this request",
      }));
    }
    return [{ field: path || location || "body", message: issue.message }];
  });
}

export function validationError(issues: FieldIssue[]): AppError {
  const summary = issues
    .slice(0, 3)
    .map((i) => `${i.field}: ${i.message}`)
    .join("; ");
  return new AppError("validation_failed", `The request has invalid fields: ${summary}.`, { issues });
}

export function createApi(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const body = validationError(issuesOf(result.error, result.target)).toBody();
        return c.json(body, 400);
      }
    },
  });
}

/** PostgreSQL's SQLSTATE of an error; drizzle wraps the driver's error as its cause. */
function sqlStateOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = typeof e?.code === "string" ? e.code : e?.cause?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * Maps any thrown error to the API's error shape; unexpected ones are logged and 500.
 * A database that cannot be reached (or did not answer in time) is 503 with Retry-After;
 * the outage watch logs it once per outage rather than once per request.
 */
export function handleError(err: Error, c: Context<AppEnv>, outage?: OutageWatch) {
  if (err instanceof AppError) {
    if (err.code === "unavailable") c.header("Retry-After", String(RETRY_AFTER_SECONDS));
    return c.json(err.toBody(), err.status as 400);
  }
  const unavailable = databaseUnavailableReason(err);
  if (unavailable) {
    const logger = c.get("logger");
    if (outage && logger) outage.failed(unavailable, logger);
    c.header("Retry-After", String(RETRY_AFTER_SECONDS));
    return c.json(
      new AppError(
        "unavailable",
        "Keel cannot reach its database right now. Try again in a few seconds.",
      ).toBody(),
      503,
    );
  }
  if (err instanceof HTTPException && err.status === 415) {
    // The route reads JSON but the request said it sends something else (a form post).
    const message = "Send the body as JSON with Content-Type: application/json";
    return c.json(
      new AppError("validation_failed", message, { issues: [{ field: "body", message }] }).toBody(),
      400,
    );
  }
  if (err instanceof HTTPException && err.status < 500) {
    // Hono's validators throw this for a body that is not JSON at all.
    const code = err.status === 400 ? "validation_failed" : "conflict";
    const message = err.status === 400 ? "The request body is not valid JSON." : err.message;
    return c.json(
      new AppError(
        code,
        message,
        err.status === 400 ? { issues: [{ field: "body", message }] } : undefined,
      ).toBody(),
      err.status,
    );
  }
  if (sqlStateOf(err) === "23505") {
    // A unique key caught what the service's own check could not see: the same thing
    // created twice at the same moment. The loser learns it exists, not that we failed.
    c.get("logger")?.info({ err }, "unique violation answered with 409 already_exists");
    return c.json(
      new AppError(
        "already_exists",
        "That already exists: someone created it at the same moment. Reload to see it.",
      ).toBody(),
      409,
    );
  }
  const logger = c.get("logger");
  logger?.error({ err }, "unhandled error");
  return c.json(
    new AppError("internal", "Something went wrong on our side. The error is logged; try again.").toBody(),
    500,
  );
}

/**
 * Request body declaration for createRoute: always required, always JSON, and strict: a
 * field the schema does not name is refused (400), never silently dropped, so a typo
 * cannot succeed. Declare body objects with z.strictObject; a body schema with a
 * non-strict object anywhere in it fails here, when the route is registered.
 */
export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  const loose = looseObjectsIn(schema);
  if (loose.length > 0) {
    throw new Error(
      `A request body declares objects that accept unknown fields (${loose.join(", ")}): use z.strictObject`,
    );
  }
  return { content: { "application/json": { schema } }, required: true, description };
}

type SchemaDef = {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
};

/** Paths of the objects in a schema that do not refuse unknown keys. */
function looseObjectsIn(schema: z.ZodType, path = "body", seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
  const inner = (s: z.ZodType | undefined, p = path) => (s ? looseObjectsIn(s, p, seen) : []);
  switch (def.type) {
    case "object": {
      const strict = (def.catchall as unknown as { _zod?: { def: SchemaDef } })?._zod?.def.type === "never";
      const own = strict ? [] : [path];
      return own.concat(...Object.entries(def.shape ?? {}).map(([k, v]) => inner(v, `${path}.${k}`)));
    }
    case "array":
      return inner(def.element, `${path}[]`);
    case "union":
      return (def.options ?? []).flatMap((o) => inner(o));
    case "intersection":
      return [...inner(def.left), ...inner(def.right)];
    case "record":
      return inner(def.valueType, `${path}.*`);
    case "pipe":
      return inner(def.in);
    case "lazy":
      return def.getter ? inner(def.getter()) : [];
    default:
      return inner(def.innerType);
  }
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { content: { "application/json": { schema } }, description };
}

const errorContent = { content: { "application/json": { schema: ErrorSchema } } };

/** The error responses every tenant route may give. */
export const errorResponses = {
  400: { ...errorContent, description: "Invalid input: details.issues names each field and why" },
  401: { ...errorContent, description: "Not signed in, or the token is unknown or revoked" },
  403: { ...errorContent, description: "Your role does not allow this, or the CSRF token is missing" },
  404: { ...errorContent, description: "No such thing in this organisation" },
  409: { ...errorContent, description: "Changed by someone else (version_conflict) or a duplicate" },
  503: {
    ...errorContent,
    description:
      "The database cannot be reached or did not answer in time (unavailable); retry after Retry-After seconds",
    headers: {
      "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer" } },
    },
  },
} as const;
