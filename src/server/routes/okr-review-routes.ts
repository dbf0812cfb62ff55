import { createRoute } from "@hono/zod-openapi";
import { OverdueCheckInsSchema, TeamCheckInsSchema } from "../../shared/schemas/check-in-lists.ts";
import { IdSchema, OrgIdParamSchema, OrgParamSchema } from "../../shared/schemas/common.ts";
import {
  AlignmentQuerySchema,
  AlignmentTreeSchema,
  CycleReportSchema,
  TeamHealthQuerySchema,
  TeamHealthSchema,
} from "../../shared/schemas/okr-reviews.ts";
import {
  GradeObjectiveSchema,
  ObjectiveSchema,
  RollOverSchema,
  ScoreKeyResultSchema,
  SetAlignmentSchema,
} from "../../shared/schemas/okrs.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import { alignmentTree, setParents } from "../services/okr/alignment-service.ts";
import { cycleReport, gradeObjective, scoreKeyResult } from "../services/okr/grading-service.ts";
import { overdueCheckIns, teamCheckIns } from "../services/okr/reminder-service.ts";
import { rollOver } from "../services/okr/roll-over-service.ts";
import { teamHealthOf } from "../services/okr/team-health-service.ts";
import { authenticated } from "./route-helpers.ts";

const KeyResultParams = OrgParamSchema.extend({ keyResultId: IdSchema });

/** Alignment, grading, cycle reports and roll-over. */
export function okrReviewRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "put",
      path: "/api/orgs/{org}/objectives/{id}/parents",
      tags: ["OKRs"],
      summary: "Set what this Objective contributes to, with weights summing to at most 1",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(SetAlignmentSchema) },
      responses: { 200: jsonResponse(ObjectiveSchema, "Aligned"), ...errorResponses },
    }),
    async (c) =>
      c.json(await setParents(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/alignment",
      tags: ["OKRs"],
      summary:
        "The alignment tree of a cycle, from company Objectives down, with each KR's standing and aligned progress",
      security: authenticated,
      request: { params: OrgParamSchema, query: AlignmentQuerySchema },
      responses: {
        200: jsonResponse(AlignmentTreeSchema, "The tree"),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await alignmentTree(deps, c.get("actor"), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/orgs/{org}/key-results/{keyResultId}/score",
      tags: ["Grading"],
      summary:
        "Set a KR's final score 0–1 while its cycle is in grading (a comment when it differs from the suggestion)",
      security: authenticated,
      request: { params: KeyResultParams, body: jsonBody(ScoreKeyResultSchema) },
      responses: { 200: jsonResponse(ObjectiveSchema, "The Objective"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await scoreKeyResult(deps, c.get("actor"), c.req.valid("param").keyResultId, c.req.valid("json")),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/orgs/{org}/objectives/{id}/grade",
      tags: ["Grading"],
      summary: "Grade an Objective: outcome, grade and retrospective, while its cycle is in grading",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(GradeObjectiveSchema) },
      responses: { 200: jsonResponse(ObjectiveSchema, "Graded"), ...errorResponses },
    }),
    async (c) =>
      c.json(await gradeObjective(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/objectives/{id}/roll-over",
      tags: ["Grading"],
      summary: "Continue an unfinished Objective in another cycle (KRs start from their last value)",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(RollOverSchema) },
      responses: { 201: jsonResponse(ObjectiveSchema, "The new draft"), ...errorResponses },
    }),
    async (c) =>
      c.json(await rollOver(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/teams/{id}/okr-health",
      tags: ["OKRs"],
      summary: "The team's OKR health in a cycle: its Objectives per status and the one word for the team",
      security: authenticated,
      request: { params: OrgIdParamSchema, query: TeamHealthQuerySchema },
      responses: { 200: jsonResponse(TeamHealthSchema, "The team's health"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await teamHealthOf(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("query").cycleId),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/teams/{id}/overdue-check-ins",
      tags: ["Check-ins"],
      summary:
        "For the team's leads (and leads above, admins): its KRs with no check-in for more than 7 days, most overdue first",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: {
        200: jsonResponse(OverdueCheckInsSchema, "Overdue KRs"),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await overdueCheckIns(deps, c.get("actor"), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/teams/{id}/check-ins",
      tags: ["Check-ins"],
      summary:
        "For the team's leads (and leads above, admins): every KR of its running Objectives, due and overdue first",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: {
        200: jsonResponse(TeamCheckInsSchema, "The team's KRs and their check-ins"),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await teamCheckIns(deps, c.get("actor"), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/cycles/{id}/report",
      tags: ["Grading"],
      summary: "Grade distribution per team; flags teams at 1.0 everywhere (two cycles running: sandbagging)",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: { 200: jsonResponse(CycleReportSchema, "The report"), ...errorResponses },
    }),
    async (c) => c.json(await cycleReport(deps, c.get("actor"), c.req.valid("param").id), 200),
  );
}
