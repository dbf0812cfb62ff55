/**
 * Requests Keel accepts for the drivers routes, one per operation the fuzzing suite
 * must see answered 2xx (see accepted-requests.ts for the shape of a builder).
 */
import type { Builder } from "./accepted-requests.ts";
import { newKpi } from "./accepted-setups.ts";

export const driversBuilders: Record<string, Builder> = {
  // A fresh KPI drives the world's KPI: it drives nothing itself, so no sample closes a loop.
  "PUT /api/orgs/{org}/kpis/{id}/drivers": async (c) => ({
    path: c.path,
    body: { driverKpiIds: [(await newKpi(c)).id] },
    as: c.w.owner,
  }),
};
