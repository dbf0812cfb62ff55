/**
 * Requests Keel accepts for the leadership-home routes, one per operation the fuzzing suite
 * must see answered 2xx (see accepted-requests.ts for the shape of a builder). The GETs need
 * none: the world's owner sees the whole organisation.
 */
import type { Builder } from "./accepted-requests.ts";

export const leadershipBuilders: Record<string, Builder> = {
  // The empty list (back to the default strip) is accepted whatever KPIs the world holds.
  "PUT /api/orgs/{org}/kpi-headlines": async (c) => ({ path: c.path, body: { kpiIds: [] }, as: c.w.owner }),
};
