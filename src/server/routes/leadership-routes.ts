import { createRoute } from "@hono/zod-openapi";
import { AsOfQuerySchema } from "../../shared/schemas/as-of.ts";
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
import { asOfLeadershipHome, asOfLeadershipList } from "../services/as-of/as-of-leadership.ts";
import { leadershipHome, leadershipList } from "../services/leadership/leadership-home-service.ts";
import { getKpiHeadlines, setKpiHeadlines } from "../services/leadership/leadership-kpis.ts";
import { authenticated } from "./route-helpers.ts";

const WHO =
  "Owners and admins see the organisation, team leads the teams they lead and all below; anyone else gets 403.";

const HomeQuerySchema = LeadershipQuerySchema.extend(AsOfQuerySchema.shape);

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
      request: { params: OrgParamSchema, query: HomeQuerySchema },
      responses: { 200: jsonResponse(LeadershipHomeSchema, "The leadership home"), ...errorResponses },
    }),
    async (c) => {
      const { asOf, ...filters } = c.req.valid("query");
      const actor = c.get("actor");
      // As of a past day (docs/as-of.md), a query over dated history.
      if (asOf) return c.json(await asOfLeadershipHome(deps, actor, filters, asOf), 200);
      return c.json(await leadershipHome(deps, actor, filters), 200);
    },
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
        request: { params: OrgParamSchema, query: HomeQuerySchema },
        responses: { 200: jsonResponse(schema, "The list"), ...errorResponses },
      }),
      // The four schemas share the `items` shape the service answers for that list.
      async (c) => {
        const { asOf, ...filters } = c.req.valid("query");
        const actor = c.get("actor");
        const items = asOf
          ? await asOfLeadershipList(deps, actor, filters, list, asOf)
          : await leadershipList(deps, actor, filters, list);
        return c.json(items as never, 200);
      },
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
