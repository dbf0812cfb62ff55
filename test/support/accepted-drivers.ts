/**
 * Requests Keel accepts for the drivers routes, one per operation the fuzzing suite
 * must see answered 2xx (see accepted-requests.ts for the shape of a builder).
 */

import type { Builder } from "./accepted-requests.ts";
import { newKpi, unique } from "./accepted-setups.ts";
import type { Json } from "./harness.ts";

export const driversBuilders: Record<string, Builder> = {
  // A fresh KPI drives the world's KPI: it drives nothing itself, so no sample closes a loop.
  "PUT /api/orgs/{org}/kpis/{id}/drivers": async (c) => ({
    path: c.path,
    body: { driverKpiIds: [(await newKpi(c)).id] },
    as: c.w.owner,
  }),
  // Demotion archives its KR: each sample turns a fresh metric KR of the world's Objective.
  "POST /api/orgs/{org}/key-results/{keyResultId}/demote": async (c) => {
    const objective: Json = await c.h.ok(
      "POST",
      `${c.base}/objectives/${c.w.objective.id}/key-results`,
      {
        as: c.w.owner,
        body: {
          title: `Trailer turnaround from 50 to 35 minutes ${unique()}`,
          kind: "metric",
          ownerUserId: c.w.person.id,
          startValue: 50,
          targetValue: 35,
          unit: "min",
        },
      },
      201,
    );
    const kr = objective.keyResults.at(-1);
    return {
      path: `${c.base}/key-results/${kr.id}/demote`,
      body: {
        key: `trailer_turnaround_${unique()}`,
        name: "Trailer turnaround",
        frequency: "weekly",
        unit: "duration",
      },
      as: c.w.owner,
    };
  },
};
