import { createRoute } from "@hono/zod-openapi";
import { OrgIdParamSchema, OrgParamSchema } from "../../shared/schemas/common.ts";
import {
  DismissFindingSchema,
  HealthCheckQuerySchema,
  HealthCheckSchema,
  LintAnswerSchema,
  LintDraftSchema,
  ObjectiveFindingsSchema,
  ReopenFindingSchema,
} from "../../shared/schemas/okr-lint.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import { viewerMay } from "../lib/viewer-writes.ts";
import { dismissFinding, reopenFinding } from "../services/okr/lint-dismissal-service.ts";
import { healthCheck, lintDraft, objectiveFindings } from "../services/okr/lint-service.ts";
import { authenticated } from "./route-helpers.ts";

/** The OKR linter (docs/okr-linter.md): drafts, saved Objectives' findings, dismissals, the health check. */
export function lintRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/lint",
      tags: ["OKRs"],
      summary:
        "Lint an unsaved Objective draft: the OKR linter's findings, each with why and a fix where one exists",
      description:
        "Changes nothing; any member, viewers included, may call it. Ids of things this organisation does not have are linted as unknown.",
      security: authenticated,
      ...viewerMay,
      request: { params: OrgParamSchema, body: jsonBody(LintDraftSchema) },
      responses: { 200: jsonResponse(LintAnswerSchema, "Findings"), ...errorResponses },
    }),
    async (c) => c.json(await lintDraft(deps, c.get("actor"), c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/objectives/{id}/findings",
      tags: ["OKRs"],
      summary: "A saved Objective's linter findings, each open or dismissed",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: { 200: jsonResponse(ObjectiveFindingsSchema, "Findings"), ...errorResponses },
    }),
    async (c) => c.json(await objectiveFindings(deps, c.get("actor"), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/objectives/{id}/findings/dismissals",
      tags: ["OKRs"],
      summary: "Dismiss one of the Objective's findings, saying why (audited)",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(DismissFindingSchema) },
      responses: {
        200: jsonResponse(ObjectiveFindingsSchema, "The findings as they now stand"),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await dismissFinding(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/objectives/{id}/findings/reopen",
      tags: ["OKRs"],
      summary: "Reopen a dismissed finding (audited)",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(ReopenFindingSchema) },
      responses: {
        200: jsonResponse(ObjectiveFindingsSchema, "The findings as they now stand"),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await reopenFinding(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/health-check",
      tags: ["OKRs"],
      summary: "The health check: every live Objective of a cycle (optionally one team's) with its findings",
      security: authenticated,
      request: { params: OrgParamSchema, query: HealthCheckQuerySchema },
      responses: { 200: jsonResponse(HealthCheckSchema, "Objectives and findings"), ...errorResponses },
    }),
    async (c) => c.json(await healthCheck(deps, c.get("actor"), c.req.valid("query")), 200),
  );
}
