/**
 * Requests Keel accepts for the notification routes (see accepted-requests.ts for the
 * shape of a builder). The world's notification is its KPI owner's, so they send it,
 * signed in afresh: other requests of the suite may have ended their session.
 */
import type { Builder } from "./accepted-requests.ts";

export const notificationBuilders: Record<string, Builder> = {
  "POST /api/orgs/{org}/my/notifications/{id}/read": async (c) => ({
    path: c.path,
    as: await c.h.signIn(c.w.person.email, c.w.person.client.password),
  }),
};
