/**
 * Every answer the integration tests get is checked against the API's own description:
 * the status must be one the operation documents, and a JSON body must match the
 * documented schema for that status. Wired into the harness's request(), so the document
 * cannot drift from what Keel answers without a test failing. Validators come from the
 * routes' zod schemas (what the document is generated from), built once per app.
 */
import type { z } from "zod";
import type { Api } from "../../src/server/context.ts";

type Documented = {
  method: string;
  pattern: RegExp;
  params: number;
  label: string;
  hasBody: boolean;
  responses: Record<string, z.ZodType | null>;
};

type RouteConfig = {
  method: string;
  path: string;
  request?: { body?: unknown };
  responses: Record<string, { content?: Record<string, { schema?: z.ZodType }> }>;
};

const byApp = new WeakMap<Api, Documented[]>();

function documentedRoutes(app: Api): Documented[] {
  let routes = byApp.get(app);
  if (!routes) {
    routes = [];
    for (const def of app.openAPIRegistry.definitions) {
      if (def.type !== "route") continue;
      const route = def.route as unknown as RouteConfig;
      const responses: Record<string, z.ZodType | null> = {};
      for (const [status, response] of Object.entries(route.responses)) {
        responses[status] = response.content?.["application/json"]?.schema ?? null;
      }
      const source = route.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{\w+\\?\}/g, "[^/]+");
      routes.push({
        method: route.method.toUpperCase(),
        pattern: new RegExp(`^${source.replace(/\{\w+\}/g, "[^/]+")}$`),
        params: (route.path.match(/\{/g) ?? []).length,
        label: `${route.method.toUpperCase()} ${route.path}`,
        hasBody: route.request?.body !== undefined,
        responses,
      });
    }
    // A literal segment wins over a parameter (/teams/tree before /teams/{id}).
    routes.sort((a, b) => a.params - b.params);
    byApp.set(app, routes);
  }
  return routes;
}

/** Throws (failing the test) when an answer is not what the document says it can be. */
export function checkAgainstDocument(app: Api, method: string, url: string, status: number, body: unknown) {
  if (!(app as Partial<Api>).openAPIRegistry) return; // a bare Hono app some tests build
  const path = new URL(url, "http://keel.test").pathname;
  const route = documentedRoutes(app).find((r) => r.method === method.toUpperCase() && r.pattern.test(path));
  if (!route) return; // not an API operation (the web app, /api/openapi.json, unknown routes)
  const documented = String(status) in route.responses || (status === 413 && route.hasBody);
  if (!documented) {
    throw new Error(
      `${route.label} answered ${status}, which the OpenAPI document does not list (${Object.keys(route.responses).join(", ")})`,
    );
  }
  const schema = route.responses[String(status)];
  if (!schema || body === undefined) return;
  const result = schema.safeParse(body);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`)
      .join("; ");
    throw new Error(
      `${route.label} answered ${status} with a body the document does not describe: ${issues}`,
    );
  }
}
