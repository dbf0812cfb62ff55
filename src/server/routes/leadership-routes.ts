import { createRoute } from "@hono/zod-openapi";
import { OrgParamSchema } from "../../shared/schemas/common.ts";
import {
  KpiHeadlinesSchema,
  LeadershipEscalationsSchema,
  LeadershipFindingsSchema,
  LeadershipFlagsSchema,
  LeadershipHomeSchema,
  LeadershipOverdueCheckInsSchema,
  LeadershipQuerySchema,
  SetKpiHeadlinesSchema,
} from "../../shared/schemas/leadership.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import { leadershipHome, leadershipList } from "../services/leadership/leadership-home-service.ts";
import { getKpiHeadlines, setKpiHeadlines } from "../services/leadership/leadership-kpis.ts";
import { authenticated } from "./route-helpers.ts";

const WHO =
  "Owners and admins see the organisation, team leads the teams they lead and all below; anyone else gets 403.";

/** The leadership home, the lists behind its counts, and the headline KPIs admins choose. */
export function leadershipRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/leadership-home",
      tags: ["Leadership"],
      summary: "OKR health per team for a cycle, the KPI strip, and the counts that need a leader's look",
      description: WHO,
      security: authenticated,
      request: { params: OrgParamSchema, query: LeadershipQuerySchema },
      responses: { 200: jsonResponse(LeadershipHomeSchema, "The leadership home"), ...errorResponses },
    }),
    async (c) => c.json(await leadershipHome(deps, c.get("actor"), c.req.valid("query")), 200),
  );

  const lists = [
    ["escalations", LeadershipEscalationsSchema, "Unresolved escalations of the KPIs in scope, newest first"],
    ["flags", LeadershipFlagsSchema, "Open risk flags on the KRs in scope, newest first"],
    ["findings", LeadershipFindingsSchema, "Open linter findings of the cycle's Objectives in scope"],
    [
      "overdue-check-ins",
      LeadershipOverdueCheckInsSchema,
      "KRs in scope with no check-in for more than 7 days, longest silent first",
    ],
  ] as const;
  for (const [list, schema, summary] of lists) {
    app.openapi(
      createRoute({
        method: "get",
        path: `/api/orgs/{org}/leadership-home/${list}`,
        tags: ["Leadership"],
        summary: `${summary} (the list behind the home's count, same filters)`,
        description: WHO,
        security: authenticated,
        request: { params: OrgParamSchema, query: LeadershipQuerySchema },
        responses: { 200: jsonResponse(schema, "The list"), ...errorResponses },
      }),
      // The four schemas share the `items` shape the service answers for that list.
      async (c) =>
        c.json((await leadershipList(deps, c.get("actor"), c.req.valid("query"), list)) as never, 200),
    );
  }

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/kpi-headlines",
      tags: ["Leadership"],
      summary: "The headline KPIs admins chose for the leadership home's strip, in order",
      security: authenticated,
      request: { params: OrgParamSchema },
      responses: { 200: jsonResponse(KpiHeadlinesSchema, "The headline KPIs"), ...errorResponses },
    }),
    async (c) => c.json(await getKpiHeadlines(deps, c.get("actor")), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/orgs/{org}/kpi-headlines",
      tags: ["Leadership"],
      summary:
        "Choose the headline KPIs (admins): active KPIs of this organisation, in order; [] for the default",
      security: authenticated,
      request: { params: OrgParamSchema, body: jsonBody(SetKpiHeadlinesSchema) },
      responses: { 200: jsonResponse(KpiHeadlinesSchema, "The headline KPIs"), ...errorResponses },
    }),
    async (c) => c.json(await setKpiHeadlines(deps, c.get("actor"), c.req.valid("json")), 200),
  );
}
