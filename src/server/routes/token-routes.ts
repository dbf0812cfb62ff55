import { createRoute } from "@hono/zod-openapi";
import { ListQuerySchema, OrgIdParamSchema, OrgParamSchema, pageOf } from "../../shared/schemas/common.ts";
import { CreatedTokenSchema, CreateTokenSchema, TokenSchema } from "../../shared/schemas/tokens.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import { viewerMay } from "../lib/viewer-writes.ts";
import { createToken, listTokensFor, revokeTokenFor } from "../services/token-service.ts";
import { authenticated } from "./route-helpers.ts";

export function tokenRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/tokens",
      tags: ["API tokens"],
      summary: "API tokens, newest first: all of them for admins, your own personal ones otherwise",
      security: authenticated,
      request: { params: OrgParamSchema, query: ListQuerySchema },
      responses: { 200: jsonResponse(pageOf(TokenSchema), "Tokens"), ...errorResponses },
    }),
    async (c) => c.json(await listTokensFor(deps, c.get("actor"), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/tokens",
      ...viewerMay,
      tags: ["API tokens"],
      summary: "Create a personal token, or a service token (admins); the secret is shown once",
      security: authenticated,
      request: { params: OrgParamSchema, body: jsonBody(CreateTokenSchema) },
      responses: { 201: jsonResponse(CreatedTokenSchema, "Created"), ...errorResponses },
    }),
    async (c) => c.json(await createToken(deps, c.get("actor"), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/orgs/{org}/tokens/{id}",
      ...viewerMay,
      tags: ["API tokens"],
      summary: "Revoke a token: it stops working at once",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: { 200: jsonResponse(TokenSchema, "Revoked"), ...errorResponses },
    }),
    async (c) => c.json(await revokeTokenFor(deps, c.get("actor"), c.req.valid("param").id), 200),
  );
}
