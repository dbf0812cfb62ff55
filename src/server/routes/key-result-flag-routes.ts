import { createRoute } from "@hono/zod-openapi";
import { IdSchema, OrgIdParamSchema, OrgParamSchema } from "../../shared/schemas/common.ts";
import {
  KeyResultFlagSchema,
  ResolveFlagSchema,
  TeamFlagsQuerySchema,
  TeamFlagsSchema,
} from "../../shared/schemas/key-result-flags.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import { resolveFlag, teamFlags } from "../services/okr/key-result-flag-service.ts";
import { authenticated } from "./route-helpers.ts";

const KeyResultParams = OrgParamSchema.extend({ keyResultId: IdSchema });

/** Risk flags: the open ones of a team, and resolving one (a KR's open flag is on the KR itself). */
export function keyResultFlagRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/teams/{id}/flags",
      tags: ["Check-ins"],
      summary:
        "Open risk flags on the team's Key Results (and, by default, the teams' below it): confidence fell twice in a row and a note showed a blocker",
      security: authenticated,
      request: { params: OrgIdParamSchema, query: TeamFlagsQuerySchema },
      responses: { 200: jsonResponse(TeamFlagsSchema, "Open flags, newest first"), ...errorResponses },
    }),
    async (c) =>
      c.json(await teamFlags(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("query").scope), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/key-results/{keyResultId}/flag/resolve",
      tags: ["Check-ins"],
      summary:
        "Resolve the KR's open risk flag with a note: the owner's manager (without one, the lead of the Objective's team) or an admin",
      security: authenticated,
      request: { params: KeyResultParams, body: jsonBody(ResolveFlagSchema) },
      responses: { 200: jsonResponse(KeyResultFlagSchema, "The resolved flag"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await resolveFlag(deps, c.get("actor"), c.req.valid("param").keyResultId, c.req.valid("json")),
        200,
      ),
  );
}
