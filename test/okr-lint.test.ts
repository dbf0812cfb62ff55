/**
 * The OKR linter through the API: a draft linted by any member (viewers too), with the
 * rules that read the world (the KPI's usual range, last cycle's KRs, the parent's KRs,
 * the team's floor); another organisation's ids teach nothing; bad input is refused with
 * its field. Saved Objectives' findings: okr-lint-findings.test.ts. The organisation:
 * support/lint-world.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, type Harness, type Json, type Member, type SessionClient } from "./support/harness.ts";
import { type LintWorld, startLintWorld } from "./support/lint-world.ts";

let lw: LintWorld;
let h: Harness;
let okr: LintWorld["okr"];
let base: string;
let lead: Member, viewer: Member;
let hub: Json, nightShift: Json, onTime: Json, quarter: Json;
let other: LintWorld["other"];

beforeAll(async () => {
  lw = await startLintWorld();
  ({ h, base, lead, viewer, hub } = lw.world);
  ({ okr, nightShift, onTime, quarter, other } = lw);
});

afterAll(() => lw?.world.close());

const findings = async (body: Record<string, unknown>, as: SessionClient = viewer.client) =>
  (await h.ok("POST", `${base}/lint`, { as, body })).findings as Json[];
const rulesOf = (list: Json[]) => list.map((f) => `${f.rule}@${f.on}`);

describe("linting a draft", () => {
  it("lets a viewer lint and places a business-as-usual KR's finding with its fix", async () => {
    const found = await findings({
      title: "Make Hamburg's evening deliveries dependable",
      keyResults: [
        {
          title: "Keep on-time delivery at 97 %",
          kind: "metric",
          startValue: 97,
          targetValue: 97,
          unit: "%",
        },
      ],
    });
    const bau = found.find((f) => f.rule === "business-as-usual");
    expect(bau).toMatchObject({
      on: "keyResults.0",
      severity: "warning",
      fix: { kind: "move-to-kpi-board", unit: "%", target: 97 },
    });
    expect(bau?.message).toContain("KPI board");
  });

  it("reads the linked KPI's usual range and offers a target past it", async () => {
    const draft = (targetValue: number) => ({
      title: "Make Hamburg's evening deliveries dependable",
      keyResults: [
        { title: "On-time delivery rate", kind: "metric", kpiId: onTime.id, startValue: 92, targetValue },
      ],
    });
    const [inside] = (await findings(draft(94))).filter((f) => f.rule === "business-as-usual");
    expect(inside?.fix.kind).toBe("re-target");
    expect(inside?.fix.targetValue).toBeGreaterThan(94.9);
    const after = await findings(draft(inside?.fix.targetValue));
    expect(after.filter((f) => f.rule === "business-as-usual")).toEqual([]);
  });

  it("finds a KR recycled from last cycle, a missing floor, and too many KRs", async () => {
    const krs = Array.from({ length: 6 }, (_, i) => ({
      title:
        i === 0 ? "Cut late pick-ups at the Altona depot" : `Parcels scanned at gate ${i + 1}: 70 % → 95 %`,
      kind: "metric",
      startValue: i === 0 ? 12 : 70,
      targetValue: i === 0 ? 5 : 95,
      ownerUserId: lead.id,
    }));
    const found = await findings({
      cycleId: quarter.id,
      teamId: hub.id,
      title: "Make Hamburg's evening deliveries dependable",
      keyResults: krs,
    });
    expect(rulesOf(found)).toEqual(
      expect.arrayContaining(["too-many@objective", "no-floor@objective", "recycled@keyResults.0"]),
    );
    expect(found.find((f) => f.rule === "recycled")?.message).toContain("Last quarter");
    expect(found.find((f) => f.rule === "no-floor")?.fix).toEqual({
      kind: "add-floor",
      teamId: hub.id,
      cycleId: quarter.id,
    });
  });

  it("finds a child team's KR that mirrors its parent's, with a merge fix", async () => {
    const parent = await okr.createObjective(lead.client, {
      cycleId: quarter.id,
      teamId: hub.id,
      ownerUserId: lead.id,
      title: "Make Hamburg the most punctual hub in the north",
      keyResults: [
        {
          title: "Parcels delivered before 18:00 from 70 % to 90 %",
          kind: "metric",
          startValue: 70,
          targetValue: 90,
        },
      ],
    });
    const child = (targetValue: number) => ({
      cycleId: quarter.id,
      teamId: nightShift.id,
      title: "Get the night sort done before the first vans leave",
      parents: [{ objectiveId: parent.id, weight: 0.5 }],
      keyResults: [{ title: "Parcels delivered before 18:00", kind: "metric", startValue: 70, targetValue }],
    });
    const mirror = (await findings(child(90))).find((f) => f.rule === "cascaded-mirror");
    expect(mirror?.fix).toEqual({
      kind: "merge",
      objectiveId: parent.id,
      keyResultId: parent.keyResults[0].id,
    });
    expect((await findings(child(80))).some((f) => f.rule === "cascaded-mirror")).toBe(false);
  });

  it("refuses another organisation's ids with their fields, and says nothing of their data", async () => {
    const reply = await h.request("POST", `${base}/lint`, {
      as: viewer.client,
      body: {
        cycleId: other.cycle.id,
        title: "Make Hamburg's evening deliveries dependable",
        parents: [{ objectiveId: other.objective.id }],
        keyResults: [
          {
            title: "Parcels delivered next day in Bergen",
            kind: "metric",
            kpiId: other.kpi.id,
            startValue: 60,
            targetValue: 90,
          },
        ],
      },
    });
    expectError(reply, 400, "validation_failed", "cycleId");
    const fields = reply.body.error.details.issues.map((i: Json) => i.field);
    expect(fields).toEqual(["cycleId", "parents.0.objectiveId", "keyResults.0.kpiId"]);
    expect(reply.text.toLowerCase()).not.toContain("fjord");
  });

  it("answers a hundred KRs with absurd numbers, and refuses more with the field", async () => {
    const kr = (i: number) => ({
      title: `Metric ${i}`,
      kind: "metric",
      startValue: -9.99e14,
      targetValue: 9.99e14,
    });
    const hundred = await findings({
      title: "x".repeat(200),
      keyResults: Array.from({ length: 100 }, (_, i) => kr(i)),
    });
    expect(hundred.some((f) => f.rule === "too-many")).toBe(true);
    const tooMany = await h.request("POST", `${base}/lint`, {
      as: viewer.client,
      body: { keyResults: Array.from({ length: 101 }, (_, i) => kr(i)) },
    });
    expectError(tooMany, 400, "validation_failed", "keyResults");
    const huge = await h.request("POST", `${base}/lint`, {
      as: viewer.client,
      body: { keyResults: [{ title: "Revenue", targetValue: 1e300 }] },
    });
    expectError(huge, 400, "validation_failed", "keyResults.0.targetValue");
    const unknown = await h.request("POST", `${base}/lint`, {
      as: viewer.client,
      body: { title: "A", mood: "sunny" },
    });
    expect(unknown.status).toBe(400);
    const notAMember = await h.request("POST", `${other.base}/lint`, {
      as: viewer.client,
      body: { title: "A" },
    });
    expect(notAMember.status).toBe(404);
  });
});
