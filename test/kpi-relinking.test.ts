/**
 * A KR's KPI link removed and re-added, or moved to another KPI, within the cycle: the
 * promotion for the same KPI is reopened (same row, first promoted when it was), a move
 * starts the new KPI's own promotion while the first KPI keeps its row in its history
 * (ended "unlinked"), and the audit log keeps each step.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/domain/dates.ts";
import { buildObjective, cycleAround } from "./support/factories.ts";
import type { Harness, Json, Member } from "./support/harness.ts";
import { type KpiTeam, startKpiTeam } from "./support/kpi-team.ts";
import { okrApi } from "./support/okr-api.ts";

let world: KpiTeam;
let h: Harness;
let base: string;
let today: string;
let lead: Member;
let anna: Member;
let okr: ReturnType<typeof okrApi>;
let cycle: Json;
let onTime: Json;
let claims: Json;
let objective: Json;
let kr: Json;

beforeAll(async () => {
  world = await startKpiTeam();
  ({ h, base, today, lead, anna } = world);
  okr = okrApi(h, world.org);
  cycle = await okr.createCycle(world.owner, { name: "Winter quarter", ...cycleAround(today) });
  onTime = await world.createKpi(world.kpiBody());
  claims = await world.createKpi(
    world.kpiBody({
      key: "damage_claims",
      name: "Damage claims per 1,000 parcels",
      direction: "lower_is_better",
      bands: [{ effectiveFrom: "2026-01-01", target: 2, greenMax: 2.5, redMax: 4 }],
    }),
  );
  await world.enter(onTime.id, { date: addDays(today, -7), value: 90 });
  await world.enter(claims.id, { date: addDays(today, -7), value: 3.4 });
  const draft = await okr.createObjective(
    lead.client,
    buildObjective({
      cycleId: cycle.id,
      teamId: world.hub.id,
      ownerUserId: lead.id,
      title: "Get Hamburg's parcels out on time again",
      keyResults: [
        {
          title: "On-time delivery from 90 % to 95 %",
          kind: "metric",
          ownerUserId: anna.id,
          targetValue: 95,
          kpiId: onTime.id,
        } as never,
      ],
    }),
  );
  objective = await okr.activate(lead.client, draft.id);
  kr = objective.keyResults[0];
});
afterAll(() => world?.close());

const history = (kpiId: string) =>
  h.ok("GET", `${base}/kpis/${kpiId}/key-results`, { as: world.viewer.client });

describe("relinking a KR within its cycle", () => {
  let first: Json;

  it("reopens the promotion of the KPI the link was removed from", async () => {
    first = (await history(onTime.id)).promotions[0];
    expect(first).toMatchObject({ keyResultId: kr.id, outcome: "running" });

    await okr.updateKeyResult(lead.client, objective.id, kr.id, { kpiId: null });
    expect((await history(onTime.id)).promotions).toEqual([
      expect.objectContaining({ id: first.id, outcome: "unlinked", endedAt: expect.any(String) }),
    ]);

    await world.enter(onTime.id, { date: today, value: 91.5 });
    const relinked = await okr.updateKeyResult(lead.client, objective.id, kr.id, { kpiId: onTime.id });
    expect(relinked.keyResults[0]).toMatchObject({ currentValue: 91.5, kpi: { id: onTime.id } });
    const again = await history(onTime.id);
    // One row, running again, still dated from when the KPI was first promoted.
    expect(again.promotions).toEqual([
      expect.objectContaining({
        id: first.id,
        outcome: "running",
        endedAt: null,
        createdAt: first.createdAt,
        baseline: "not_offered",
      }),
    ]);
    expect(again.promotedIn).toEqual([{ cycleId: cycle.id, cycleName: "Winter quarter" }]);
    const reopened = await okr.audit(world.owner, first.id, "kpi_promotion.reopened");
    expect(reopened).toHaveLength(1);
    expect(reopened[0].before).toMatchObject({ kpiId: onTime.id, outcome: "unlinked" });
    expect(await okr.audit(world.owner, first.id, "kpi_promotion.created")).toHaveLength(1);
  });

  it("starts a promotion of another KPI the KR now reads, and leaves the first KPI its history", async () => {
    const moved = await okr.updateKeyResult(lead.client, objective.id, kr.id, {
      kpiId: claims.id,
      startValue: 3.4,
      targetValue: 2,
    });
    expect(moved.keyResults[0]).toMatchObject({ currentValue: 3.4, kpi: { id: claims.id } });
    const onClaims = await history(claims.id);
    expect(onClaims.promotions).toEqual([
      expect.objectContaining({ keyResultId: kr.id, outcome: "running", baseline: "not_offered" }),
    ]);
    expect(onClaims.promotedIn).toEqual([{ cycleId: cycle.id, cycleName: "Winter quarter" }]);
    // A new promotion, not the old one reopened: dated now, not when on-time delivery was promoted.
    expect(onClaims.promotions[0].createdAt > first.createdAt).toBe(true);
    expect(onClaims.promotions[0].id).not.toBe(first.id);
    // On-time delivery no longer has the KR, but keeps its promotion as history.
    const left = await history(onTime.id);
    expect(left.keyResults).toEqual([]);
    expect(left.promotedIn).toEqual([]);
    expect(left.promotions).toEqual([
      expect.objectContaining({
        id: first.id,
        keyResultId: kr.id,
        outcome: "unlinked",
        createdAt: first.createdAt,
      }),
    ]);

    // The audit log: on-time delivery's promotion ended as unlinked; the claims one was created.
    const ended = await okr.audit(world.owner, first.id, "kpi_promotion.ended");
    expect(ended.map((e: Json) => e.after.kpiId)).toContain(onTime.id);
    const created = await okr.audit(world.owner, onClaims.promotions[0].id, "kpi_promotion.created");
    expect(created).toHaveLength(1);
    expect(created[0].after).toMatchObject({ kpiId: claims.id, outcome: null });
  });

  it("reopens the first KPI's promotion when the KR returns to it; the second keeps its history", async () => {
    await okr.updateKeyResult(lead.client, objective.id, kr.id, {
      kpiId: onTime.id,
      startValue: 90,
      targetValue: 95,
    });
    expect((await history(onTime.id)).promotions).toEqual([
      expect.objectContaining({
        id: first.id,
        keyResultId: kr.id,
        outcome: "running",
        createdAt: first.createdAt,
      }),
    ]);
    expect((await history(claims.id)).promotions).toEqual([
      expect.objectContaining({ keyResultId: kr.id, outcome: "unlinked", endedAt: expect.any(String) }),
    ]);
    expect(await okr.audit(world.owner, first.id, "kpi_promotion.reopened")).toHaveLength(2);
  });
});
