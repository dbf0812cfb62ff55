import { createRoute } from "@hono/zod-openapi";
import { IdSchema, OrgParamSchema } from "../../shared/schemas/common.ts";
import {
  NotificationListQuerySchema,
  NotificationPageSchema,
  NotificationSchema,
} from "../../shared/schemas/notifications.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonResponse } from "../lib/http.ts";
import { listMyNotifications, readMyNotification } from "../services/notification-service.ts";
import { authenticated } from "./route-helpers.ts";

/** The caller's own notifications: what Keel noticed for them (unusual KPI values, …). */
export function notificationRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/my/notifications",
      tags: ["Notifications"],
      summary: "Your notifications, newest first",
      security: authenticated,
      request: { params: OrgParamSchema, query: NotificationListQuerySchema },
      responses: { 200: jsonResponse(NotificationPageSchema, "One page"), ...errorResponses },
    }),
    async (c) => c.json(await listMyNotifications(deps, c.get("actor"), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/my/notifications/{id}/read",
      tags: ["Notifications"],
      summary: "Mark one of your notifications read (someone else's is 404)",
      security: authenticated,
      request: { params: OrgParamSchema.extend({ id: IdSchema }) },
      responses: { 200: jsonResponse(NotificationSchema, "The notification, read"), ...errorResponses },
    }),
    async (c) => c.json(await readMyNotification(deps, c.get("actor"), c.req.valid("param").id), 200),
  );
}
