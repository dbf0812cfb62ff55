import { createRoute } from "@hono/zod-openapi";
import { OrgParamSchema } from "../../shared/schemas/common.ts";
import { InboxSchema, MyHomeSchema } from "../../shared/schemas/my-home.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonResponse } from "../lib/http.ts";
import { myHome, myInbox } from "../services/my/my-home-service.ts";
import { authenticated } from "./route-helpers.ts";

/** The caller's own page and inbox: never anyone else's (there is no person to name). */
export function myHomeRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/my/home",
      tags: ["My home"],
      summary: "Your KRs in active cycles with the next check-in due, and your KPIs with the value you owe",
      security: authenticated,
      request: { params: OrgParamSchema },
      responses: { 200: jsonResponse(MyHomeSchema, "Your home"), ...errorResponses },
    }),
    async (c) => c.json(await myHome(deps, c.get("actor")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/my/inbox",
      tags: ["My home"],
      summary:
        "What you owe, in one list: check-ins due, values due, escalations to answer, 1:1 items, findings on your drafts, unread notifications",
      security: authenticated,
      request: { params: OrgParamSchema },
      responses: { 200: jsonResponse(InboxSchema, "Your inbox"), ...errorResponses },
    }),
    async (c) => c.json(await myInbox(deps, c.get("actor")), 200),
  );
}
