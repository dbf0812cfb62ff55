import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import { OrgParamSchema } from "../../shared/schemas/common.ts";
import { LiveEventSchema } from "../../shared/schemas/live-events.ts";
import type { Api, AppEnv, Deps } from "../context.ts";
import { pumpLiveEvents } from "../events/live-stream.ts";
import { errorResponses } from "../lib/http.ts";
import { authorize } from "../policies/org-policy.ts";
import { authenticated } from "./route-helpers.ts";

export function liveEventRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/events",
      tags: ["Live events"],
      summary: "Server-sent events: what changed in the organisation, as ids, for pages to refetch",
      description:
        "A `text/event-stream`. First `event: ready`; then one unnamed event per change the caller may read (its `data` is a LiveEvent, its `id` the event's id); `event: resync` when events may have been missed; a `: heartbeat` comment every 15 s. The stream ends after 5 minutes and browsers reconnect by themselves; after any reconnect the client refetches what it shows (docs/live-events.md).",
      security: authenticated,
      request: { params: OrgParamSchema },
      responses: {
        200: {
          content: { "text/event-stream": { schema: LiveEventSchema } },
          description: "The event stream",
        },
        ...errorResponses,
      },
    }),
    ((c: Context<AppEnv>) => {
      const actor = c.get("actor");
      authorize(actor, "read");
      // Proxies that buffer (nginx) are told not to: events must arrive as they happen.
      c.header("X-Accel-Buffering", "no");
      return streamSSE(c, (stream) => pumpLiveEvents(deps, actor, stream));
    }) as never,
  );
}
