/**
 * Requests Keel accepts for the OKR linter's routes, one per operation the fuzzing suite
 * must see answered 2xx (see accepted-requests.ts for the shape of a builder).
 */
import type { Builder } from "./accepted-requests.ts";
import type { Harness, Json } from "./harness.ts";
import type { World } from "./world.ts";

type Context = { h: Harness; w: World; base: string };

/** A draft whose title is too broad to steer by: it carries an open generic-objective finding. */
function genericDraft(c: Context): Promise<Json> {
  return c.h.ok(
    "POST",
    `${c.base}/objectives`,
    {
      as: c.w.owner,
      body: {
        cycleId: c.w.okrCycle.id,
        teamId: c.w.team.id,
        title: "Increase customer satisfaction",
        keyResults: [
          {
            title: "Parcels on the wrong van: 120 → 30 a week",
            kind: "metric",
            startValue: 120,
            targetValue: 30,
          },
        ],
      },
    },
    201,
  );
}

const dismissal = {
  rule: "generic-objective",
  keyResultId: null,
  reason: "The board asked for this wording",
};

export const lintBuilders: Record<string, Builder> = {
  "POST /api/orgs/{org}/lint": async (c) => ({
    path: c.path,
    body: {
      cycleId: c.w.okrCycle.id,
      teamId: c.w.team.id,
      title: "Make next-day delivery the norm in Rotterdam",
      keyResults: [
        { title: "Keep on-time delivery at 97 %", kind: "metric", startValue: 97, targetValue: 97 },
      ],
    },
    as: c.w.owner,
  }),
  "GET /api/orgs/{org}/health-check": async (c) => ({
    path: `${c.base}/health-check?cycleId=${c.w.okrCycle.id}&teamId=${c.w.team.id}`,
    as: c.w.owner,
  }),
  "POST /api/orgs/{org}/objectives/{id}/findings/dismissals": async (c) => {
    const objective = await genericDraft(c);
    return {
      path: `${c.base}/objectives/${objective.id}/findings/dismissals`,
      body: dismissal,
      as: c.w.owner,
    };
  },
  "POST /api/orgs/{org}/objectives/{id}/findings/reopen": async (c) => {
    const objective = await genericDraft(c);
    const path = `${c.base}/objectives/${objective.id}/findings`;
    await c.h.ok("POST", `${path}/dismissals`, { as: c.w.owner, body: dismissal });
    return { path: `${path}/reopen`, body: { rule: dismissal.rule, keyResultId: null }, as: c.w.owner };
  },
};
