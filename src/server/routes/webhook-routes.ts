import { createRoute } from "@hono/zod-openapi";
import { OrgIdParamSchema, OrgParamSchema } from "../../shared/schemas/common.ts";
import {
  CreateWebhookSchema,
  RotateWebhookSecretSchema,
  UpdateWebhookSchema,
  WebhookDeliveryListSchema,
  WebhookDeliveryQuerySchema,
  WebhookDeliverySchema,
  WebhookListSchema,
  WebhookSchema,
  WebhookWithSecretSchema,
} from "../../shared/schemas/webhooks.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import {
  createWebhookFor,
  deleteWebhookFor,
  getWebhookFor,
  listDeliveriesFor,
  listWebhooksFor,
  rotateWebhookSecretFor,
  sendTestFor,
  updateWebhookFor,
} from "../services/webhooks/webhook-service.ts";
import { authenticated } from "./route-helpers.ts";

const tags = ["Webhooks"];

export function webhookRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/webhooks",
      tags,
      summary: "The organisation's outgoing webhooks (admins)",
      security: authenticated,
      request: { params: OrgParamSchema },
      responses: { 200: jsonResponse(WebhookListSchema, "Webhooks, oldest first"), ...errorResponses },
    }),
    async (c) => c.json(await listWebhooksFor(deps, c.get("actor")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/webhooks",
      tags,
      summary: "Add a webhook (admins); the answer shows its signing secret, once",
      security: authenticated,
      request: { params: OrgParamSchema, body: jsonBody(CreateWebhookSchema) },
      responses: {
        201: jsonResponse(WebhookWithSecretSchema, "Created, with its secret"),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await createWebhookFor(deps, c.get("actor"), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/webhooks/{id}/rotate-secret",
      tags,
      summary: "Give a webhook a new signing secret (admins); the old one stops at once",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(RotateWebhookSecretSchema) },
      responses: {
        200: jsonResponse(WebhookWithSecretSchema, "The new secret, shown once"),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await rotateWebhookSecretFor(
          deps,
          c.get("actor"),
          c.req.valid("param").id,
          c.req.valid("json").version,
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/webhooks/{id}/deliveries",
      tags,
      summary: "A webhook's delivery log, newest first: status, attempts, the target's answer (admins)",
      security: authenticated,
      request: { params: OrgIdParamSchema, query: WebhookDeliveryQuerySchema },
      responses: { 200: jsonResponse(WebhookDeliveryListSchema, "Deliveries"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await listDeliveriesFor(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("query").limit),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/webhooks/{id}/test",
      tags,
      summary: "Queue a test message to the webhook (admins); its outcome shows in the delivery log",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: { 201: jsonResponse(WebhookDeliverySchema, "Queued"), ...errorResponses },
    }),
    async (c) => c.json(await sendTestFor(deps, c.get("actor"), c.req.valid("param").id), 201),
  );
  // The webhook itself comes last: the generated tests walk the document in order, and a
  // DELETE of the shared test world's webhook must not come before the routes beneath it.
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/webhooks/{id}",
      tags,
      summary: "One webhook (admins)",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: { 200: jsonResponse(WebhookSchema, "The webhook"), ...errorResponses },
    }),
    async (c) => c.json(await getWebhookFor(deps, c.get("actor"), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/orgs/{org}/webhooks/{id}",
      tags,
      summary: "Change a webhook (admins); a new URL rotates the secret, shown once in the answer",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(UpdateWebhookSchema) },
      responses: { 200: jsonResponse(WebhookWithSecretSchema, "Saved"), ...errorResponses },
    }),
    async (c) =>
      c.json(await updateWebhookFor(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/orgs/{org}/webhooks/{id}",
      tags,
      summary: "Delete a webhook and its delivery log (admins)",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: { 200: jsonResponse(WebhookSchema, "Deleted"), ...errorResponses },
    }),
    async (c) => c.json(await deleteWebhookFor(deps, c.get("actor"), c.req.valid("param").id), 200),
  );
}
