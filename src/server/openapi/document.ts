import type { Api } from "../context.ts";
import { bodyLimitOf } from "../middleware/body-limit.ts";
import { nameSchemaComponents } from "./component-names.ts";

export const openApiInfo = {
  openapi: "3.1.0",
  info: {
    title: "Keel API",
    version: "0.1.0",
    description:
      "Everything Keel's web app does goes through this API. Tenant routes live under /api/orgs/{org}. " +
      "Authenticate with the session cookie (plus the X-CSRF-Token header on changes) or with " +
      "`Authorization: Bearer <token>` using an API token. Errors are `{ error: { code, message, details } }`.",
  },
} as const;

/** Registers /api/openapi.json, generated from the routes' zod schemas. */
export function serveOpenApi(app: Api) {
  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "keel_session",
    description: "Set by sign-in. State-changing requests must also send X-CSRF-Token.",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "An API token created under Administration → API tokens.",
  });
  app.get("/api/openapi.json", (c) => c.json(openApiDocument(app)));
}

type Operation = {
  requestBody?: unknown;
  responses?: Record<string, { description?: string; content?: unknown }>;
};

/**
 * The document generated from the routes, plus what the routes do not declare themselves:
 * every operation that takes a body may answer 413 (the limit is checked before any route).
 */
export function openApiDocument(app: Api) {
  nameSchemaComponents();
  const doc = app.getOpenAPI31Document(openApiInfo);
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const op of Object.values(item as Record<string, Operation>)) {
      if (!op?.requestBody || !op.responses) continue;
      const mb = bodyLimitOf(path) / 1024 / 1024;
      op.responses["413"] = {
        description: `The body is over ${mb} MB (payload_too_large); the connection is closed`,
        content: op.responses["400"]?.content,
      };
    }
  }
  return doc;
}
