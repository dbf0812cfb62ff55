import { createRoute } from "@hono/zod-openapi";
import { CheckInHistoryQuerySchema, MyCheckInsSchema } from "../../shared/schemas/check-in-lists.ts";
import { IdSchema, OrgIdParamSchema, OrgParamSchema, pageOf } from "../../shared/schemas/common.ts";
import {
  CheckInSchema,
  CreateCheckInSchema,
  CreateKeyResultSchema,
  CreateObjectiveSchema,
  ObjectiveListQuerySchema,
  ObjectiveSchema,
  UpdateCheckInSchema,
  UpdateKeyResultSchema,
  UpdateObjectiveSchema,
} from "../../shared/schemas/okrs.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import { checkInHistory, createCheckIn, editCheckIn, myCheckIns } from "../services/okr/check-in-service.ts";
import { addKeyResult, updateKeyResult } from "../services/okr/key-result-service.ts";
import {
  createObjective,
  getObjective,
  listObjectives,
  updateObjective,
} from "../services/okr/objective-service.ts";
import { authenticated } from "./route-helpers.ts";

const KeyResultParams = OrgParamSchema.extend({ keyResultId: IdSchema });
const CheckInParams = OrgParamSchema.extend({ checkInId: IdSchema });

export function okrRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/objectives",
      tags: ["OKRs"],
      summary: "Objectives with their KRs, progress and status; filter by cycle, team or owner",
      security: authenticated,
      request: { params: OrgParamSchema, query: ObjectiveListQuerySchema },
      responses: { 200: jsonResponse(pageOf(ObjectiveSchema), "Objectives"), ...errorResponses },
    }),
    async (c) => {
      const query = c.req.valid("query");
      return c.json(
        await listObjectives(deps, c.get("actor"), {
          ...query,
          includeArchived: query.includeArchived === "true",
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/objectives",
      tags: ["OKRs"],
      summary: "Create an Objective (a draft), optionally with its Key Results",
      security: authenticated,
      request: { params: OrgParamSchema, body: jsonBody(CreateObjectiveSchema) },
      responses: { 201: jsonResponse(ObjectiveSchema, "Created"), ...errorResponses },
    }),
    async (c) => c.json(await createObjective(deps, c.get("actor"), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/objectives/{id}",
      tags: ["OKRs"],
      summary: "One Objective with its KRs (archived ones too), progress, status and parents",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: { 200: jsonResponse(ObjectiveSchema, "The Objective"), ...errorResponses },
    }),
    async (c) => c.json(await getObjective(deps, c.get("actor"), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/orgs/{org}/objectives/{id}",
      tags: ["OKRs"],
      summary: "Edit, reorder, activate, move back to draft, archive or restore an Objective",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(UpdateObjectiveSchema) },
      responses: { 200: jsonResponse(ObjectiveSchema, "Updated"), ...errorResponses },
    }),
    async (c) =>
      c.json(await updateObjective(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/objectives/{id}/key-results",
      tags: ["OKRs"],
      summary: "Add a Key Result to an Objective",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(CreateKeyResultSchema) },
      responses: { 201: jsonResponse(ObjectiveSchema, "The Objective with the new KR"), ...errorResponses },
    }),
    async (c) =>
      c.json(await addKeyResult(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/orgs/{org}/key-results/{keyResultId}",
      tags: ["OKRs"],
      summary: "Edit, reorder, archive or restore a Key Result",
      security: authenticated,
      request: { params: KeyResultParams, body: jsonBody(UpdateKeyResultSchema) },
      responses: { 200: jsonResponse(ObjectiveSchema, "The Objective as it now is"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await updateKeyResult(deps, c.get("actor"), c.req.valid("param").keyResultId, c.req.valid("json")),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/key-results/{keyResultId}/check-ins",
      tags: ["Check-ins"],
      summary: "A KR's check-ins, newest first (edited ones show their latest version)",
      security: authenticated,
      request: {
        params: KeyResultParams,
        query: CheckInHistoryQuerySchema,
      },
      responses: { 200: jsonResponse(pageOf(CheckInSchema), "Check-ins"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await checkInHistory(
          deps,
          c.get("actor"),
          c.req.valid("param").keyResultId,
          c.req.valid("query").limit,
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/key-results/{keyResultId}/check-ins",
      tags: ["Check-ins"],
      summary: "Check in on a KR: new value (or done), confidence 0–10 and a note",
      security: authenticated,
      request: { params: KeyResultParams, body: jsonBody(CreateCheckInSchema) },
      responses: { 201: jsonResponse(CheckInSchema, "Recorded"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await createCheckIn(deps, c.get("actor"), c.req.valid("param").keyResultId, c.req.valid("json")),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/orgs/{org}/check-ins/{checkInId}",
      tags: ["Check-ins"],
      summary: "Correct your own check-in within 24 hours (the earlier version is kept)",
      security: authenticated,
      request: { params: CheckInParams, body: jsonBody(UpdateCheckInSchema) },
      responses: { 200: jsonResponse(CheckInSchema, "The new version"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await editCheckIn(deps, c.get("actor"), c.req.valid("param").checkInId, c.req.valid("json")),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/my/check-ins",
      tags: ["Check-ins"],
      summary: "Every KR you own or contribute to in running cycles, with whether a check-in is due",
      security: authenticated,
      request: { params: OrgParamSchema },
      responses: {
        200: jsonResponse(MyCheckInsSchema, "Your KRs"),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await myCheckIns(deps, c.get("actor"), null), 200),
  );
}
