import { createRoute } from "@hono/zod-openapi";
import { OrgParamSchema } from "../../shared/schemas/common.ts";
import {
  AddOneOnOneItemSchema,
  CloseOneOnOneSchema,
  MyOneOnOnesSchema,
  OneOnOneAgendaParamsSchema,
  OneOnOneAgendaSchema,
  OneOnOneHistoryQuerySchema,
  OneOnOneHistorySchema,
  OneOnOneItemParamsSchema,
  OneOnOnePairParamsSchema,
  OneOnOnePairSchema,
  UpdateOneOnOneItemSchema,
} from "../../shared/schemas/one-on-ones.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import {
  addOneOnOneItem,
  closeOneOnOne,
  getOneOnOne,
  myOneOnOnes,
  oneOnOneHistory,
  updateOneOnOneItem,
} from "../services/one-on-ones/one-on-one-service.ts";
import { authenticated } from "./route-helpers.ts";

const tags = ["1:1s"];
const privacy = " Private to the two people; owners and admins read; anyone else gets 404.";

/** 1:1 agendas: a pair is named by its manager and report; an agenda and its items by id. */
export function oneOnOneRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/one-on-ones",
      tags,
      summary: "My 1:1s: one per report I manage (with unticked items), and the one with my manager",
      security: authenticated,
      request: { params: OrgParamSchema },
      responses: { 200: jsonResponse(MyOneOnOnesSchema, "My pairs"), ...errorResponses },
    }),
    async (c) => c.json(await myOneOnOnes(deps, c.get("actor")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/one-on-ones/{managerUserId}/{reportUserId}",
      tags,
      summary: `The pair's next 1:1, with Keel's items brought up to date (started on first read).${privacy}`,
      security: authenticated,
      request: { params: OneOnOnePairParamsSchema },
      responses: { 200: jsonResponse(OneOnOnePairSchema, "The pair and its open agenda"), ...errorResponses },
    }),
    async (c) => {
      const { managerUserId, reportUserId } = c.req.valid("param");
      return c.json(await getOneOnOne(deps, c.get("actor"), { managerUserId, reportUserId }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/one-on-ones/{managerUserId}/{reportUserId}/history",
      tags,
      summary: `Meetings the pair held, newest first, with notes and items.${privacy}`,
      security: authenticated,
      request: { params: OneOnOnePairParamsSchema, query: OneOnOneHistoryQuerySchema },
      responses: { 200: jsonResponse(OneOnOneHistorySchema, "Past meetings"), ...errorResponses },
    }),
    async (c) => {
      const { managerUserId, reportUserId } = c.req.valid("param");
      const { limit } = c.req.valid("query");
      return c.json(await oneOnOneHistory(deps, c.get("actor"), { managerUserId, reportUserId }, limit), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/one-on-one-agendas/{agendaId}/items",
      tags,
      summary: `Add something to talk about to the next 1:1 (either person; a closed meeting is 409).${privacy}`,
      security: authenticated,
      request: { params: OneOnOneAgendaParamsSchema, body: jsonBody(AddOneOnOneItemSchema) },
      responses: {
        201: jsonResponse(OneOnOneAgendaSchema, "The agenda with the new item"),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await addOneOnOneItem(deps, c.get("actor"), c.req.valid("param").agendaId, c.req.valid("json")),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/orgs/{org}/one-on-one-agendas/{agendaId}/items/{itemId}",
      tags,
      summary: `Tick an item off, or put it back (an item of another agenda is 404).${privacy}`,
      security: authenticated,
      request: { params: OneOnOneItemParamsSchema, body: jsonBody(UpdateOneOnOneItemSchema) },
      responses: { 200: jsonResponse(OneOnOneAgendaSchema, "The agenda"), ...errorResponses },
    }),
    async (c) => {
      const { agendaId, itemId } = c.req.valid("param");
      return c.json(
        await updateOneOnOneItem(deps, c.get("actor"), agendaId, itemId, c.req.valid("json")),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/one-on-one-agendas/{agendaId}/close",
      tags,
      summary: `Close the meeting with its notes and start the next 1:1, carrying over unticked items.${privacy}`,
      security: authenticated,
      request: { params: OneOnOneAgendaParamsSchema, body: jsonBody(CloseOneOnOneSchema) },
      responses: { 200: jsonResponse(OneOnOneAgendaSchema, "The next 1:1's agenda"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await closeOneOnOne(deps, c.get("actor"), c.req.valid("param").agendaId, c.req.valid("json")),
        200,
      ),
  );
}
