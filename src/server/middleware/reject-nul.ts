import type { MiddlewareHandler } from "hono";
import type { FieldIssue } from "../../shared/errors.ts";
import type { AppEnv } from "../context.ts";
import { validationError } from "../lib/http.ts";

const message = "must not contain the NUL character (\\u0000)";

/**
 * PostgreSQL cannot store the NUL character in text, and a query that carries one fails.
 * Requests with one in the path, the query or a JSON body are refused as invalid input
 * here, once, instead of in every schema (and never as a 500 from the database).
 */
export function rejectNulCharacters(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const issues: FieldIssue[] = [];
    if (/%00/.test(new URL(c.req.url).pathname) || c.req.path.includes("\0")) {
      issues.push({ field: "path", message });
    }
    for (const [key, values] of Object.entries(c.req.queries())) {
      if (key.includes("\0") || values.some((v) => v.includes("\0"))) {
        issues.push({ field: key.replaceAll("\0", "") || "query", message });
      }
    }
    if (issues.length === 0 && /json/i.test(c.req.header("content-type") ?? "")) {
      const text = await c.req.text();
      if (text.includes("\\u0000") || text.includes("\0")) {
        try {
          collectNul(JSON.parse(text), "", issues);
        } catch {
          // Not JSON: the route's own validation says so.
        }
      }
    }
    if (issues.length > 0) throw validationError(issues.slice(0, 10));
    await next();
  };
}

function collectNul(value: unknown, path: string, issues: FieldIssue[]) {
  if (typeof value === "string") {
    if (value.includes("\0")) issues.push({ field: path || "body", message });
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) collectNul(item, path ? `${path}.${i}` : String(i), issues);
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (key.includes("\0")) issues.push({ field: field.replaceAll("\0", ""), message });
      collectNul(item, field, issues);
    }
  }
}
