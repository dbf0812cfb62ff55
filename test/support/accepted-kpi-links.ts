/**
 * Requests Keel accepts for the kpi-links routes, one per operation the fuzzing suite
 * must see answered 2xx (see accepted-requests.ts for the shape of a builder).
 */
import { addDays, todayIn } from "../../src/domain/dates.ts";
import type { Builder } from "./accepted-requests.ts";
import { newKpi, unique } from "./accepted-setups.ts";
import type { Harness, Json } from "./harness.ts";
import type { World } from "./world.ts";

type Context = { h: Harness; w: World; base: string };

const todayOf = (c: { h: Harness }) => todayIn("Europe/Amsterdam", c.h.clock.now());

/** A promotion body drafting a new Objective from a problem statement. */
const promotionBody = (cycleId: string) => ({
  cycleId,
  newObjective: {
    title: `Sort every parcel the day it arrives ${unique()}`,
    problemStatement: "Parcels wait overnight at the sorter because the night shift is short-staffed.",
  },
  keyResult: { title: "Parcels sorted from 90 to 96 a week", targetValue: 96 },
});

async function moveCycle(c: Context, cycleId: string, state: string) {
  const cycle = await c.h.ok("GET", `${c.base}/cycles/${cycleId}`, { as: c.w.owner });
  await c.h.ok("PATCH", `${c.base}/cycles/${cycleId}`, {
    as: c.w.owner,
    body: { version: cycle.version, state, ...(state === "active" ? { acknowledgeFindings: true } : {}) },
  });
}

/**
 * A KPI promoted in a cycle that closed with its KR met (the KPI rose from 90 to 96
 * against a target of 96): its promotion waits for a baseline decision.
 */
async function metPromotion(c: Context): Promise<{ kpi: Json; promotionId: string }> {
  const today = todayOf(c);
  const kpi = await newKpi(c);
  await c.h.ok(
    "POST",
    `${c.base}/kpis/${kpi.id}/measurements`,
    {
      as: c.w.owner,
      body: { date: addDays(today, -14), value: 90 },
    },
    201,
  );
  const cycle = await c.h.ok(
    "POST",
    `${c.base}/cycles`,
    {
      as: c.w.owner,
      body: { name: `Pilot ${unique()}`, startsOn: addDays(today, -120), endsOn: addDays(today, -30) },
    },
    201,
  );
  await moveCycle(c, cycle.id, "active");
  const promoted = await c.h.ok(
    "POST",
    `${c.base}/kpis/${kpi.id}/promotions`,
    {
      as: c.w.owner,
      body: promotionBody(cycle.id),
    },
    201,
  );
  await c.h.ok(
    "POST",
    `${c.base}/kpis/${kpi.id}/measurements`,
    {
      as: c.w.owner,
      body: { date: today, value: 96 },
    },
    201,
  );
  await moveCycle(c, cycle.id, "grading");
  await moveCycle(c, cycle.id, "closed");
  return { kpi, promotionId: promoted.promotionId };
}

export const kpiLinkBuilders: Record<string, Builder> = {
  "POST /api/orgs/{org}/kpis/{id}/promotions": async (c) => {
    const kpi = await newKpi(c);
    return {
      path: `${c.base}/kpis/${kpi.id}/promotions`,
      body: promotionBody(c.w.okrCycle.id),
      as: c.w.owner,
    };
  },
  "POST /api/orgs/{org}/kpis/{id}/promotions/{promotionId}/baseline": async (c) => {
    const { kpi, promotionId } = await metPromotion(c);
    return {
      path: `${c.base}/kpis/${kpi.id}/promotions/${promotionId}/baseline`,
      body: { decision: "declined", note: "The pilot's level was a one-off" },
      as: c.w.owner,
    };
  },
};
