import { createRoute } from "@hono/zod-openapi";
import { IdSchema, OrgIdParamSchema, OrgParamSchema } from "../../shared/schemas/common.ts";
import {
  BaselineDecisionSchema,
  BaselineOffersSchema,
  KpiKeyResultsSchema,
  KpiPromotionSchema,
  PromoteKpiSchema,
  PromotionDraftQuerySchema,
  PromotionDraftSchema,
  PromotionResultSchema,
} from "../../shared/schemas/kpi-links.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import { baselineOffers, decideBaseline } from "../services/kpi/baseline-service.ts";
import { kpiKeyResults, promotionDraft } from "../services/kpi/promotion-read-service.ts";
import { promoteKpi } from "../services/kpi/promotion-service.ts";
import { authenticated } from "./route-helpers.ts";

const PromotionParams = OrgIdParamSchema.extend({ promotionId: IdSchema });

/** Where KPIs meet Key Results: who reads a KPI, promoting it for a cycle, its new baseline. */
export function kpiPromotionRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/kpis/{id}/key-results",
      tags: ["KPIs"],
      summary:
        "The Key Results reading a KPI, its promotion history and the cycles it is a Key Result in now",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: { 200: jsonResponse(KpiKeyResultsSchema, "Readers and promotions"), ...errorResponses },
    }),
    async (c) => c.json(await kpiKeyResults(deps, c.get("actor"), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/kpis/{id}/promotion-draft",
      tags: ["KPIs"],
      summary:
        "What making a KPI a Key Result starts from: trend, value today, target, cycles, Objectives, drivers",
      security: authenticated,
      request: { params: OrgIdParamSchema, query: PromotionDraftQuerySchema },
      responses: { 200: jsonResponse(PromotionDraftSchema, "The draft"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await promotionDraft(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("query").cycleId),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/kpis/{id}/promotions",
      tags: ["KPIs"],
      summary:
        "Make a KPI a Key Result for one cycle, in an Objective you may edit or a new one drafted from a problem statement",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(PromoteKpiSchema) },
      responses: { 201: jsonResponse(PromotionResultSchema, "Promoted"), ...errorResponses },
    }),
    async (c) =>
      c.json(await promoteKpi(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/kpis/{id}/promotions/{promotionId}/baseline",
      tags: ["KPIs"],
      summary:
        "Accept a met promotion's achieved level as the KPI's new baseline (a new band series entry) or decline it",
      security: authenticated,
      request: { params: PromotionParams, body: jsonBody(BaselineDecisionSchema) },
      responses: { 200: jsonResponse(KpiPromotionSchema, "Decided"), ...errorResponses },
    }),
    async (c) => {
      const { id, promotionId } = c.req.valid("param");
      const actor = c.get("actor");
      await decideBaseline(deps, actor, id, promotionId, c.req.valid("json"));
      const { promotions } = await kpiKeyResults(deps, actor, id);
      return c.json(promotions.find((p) => p.id === promotionId)!, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/baseline-offers",
      tags: ["KPIs"],
      summary:
        "Met promotions waiting for a baseline decision where you own the KR or the KPI, or may change the KPI's bands",
      security: authenticated,
      request: { params: OrgParamSchema },
      responses: { 200: jsonResponse(BaselineOffersSchema, "Open offers"), ...errorResponses },
    }),
    async (c) => c.json(await baselineOffers(deps, c.get("actor")), 200),
  );
}
