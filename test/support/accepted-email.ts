/**
 * Requests Keel accepts for the email routes (see accepted-requests.ts for the shape of a
 * builder): the owner keeps their weekly digest on.
 */
import type { Builder } from "./accepted-requests.ts";

export const emailBuilders: Record<string, Builder> = {
  "PATCH /api/orgs/{org}/my/email-settings": async (c) => ({
    path: c.path,
    body: { weeklyDigest: true },
    as: c.w.owner,
  }),
};
