import type { Api } from "../context.ts";

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
  app.doc31("/api/openapi.json", openApiInfo);
}
