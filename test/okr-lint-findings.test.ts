/**
 * Saved Objectives' linter findings through the API: listed open with the KR they are on,
 * dismissed with a reason and reopened (both audited, editors only), the cycle/team health
 * check, and activating an Objective or starting a cycle with open warnings asking for an
 * acknowledgement (audited). The organisation: support/lint-world.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, type Harness, type Json, type Member, type SessionClient } from "./support/harness.ts";
import { type LintWorld, startLintWorld } from "./support/lint-world.ts";

let lw: LintWorld;
let h: Harness;
let okr: LintWorld["okr"];
let owner: SessionClient;
let base: string;
let lead: Member, viewer: Member, outsider: Member;
let nightShift: Json, quarter: Json;
let other: LintWorld["other"];

beforeAll(async () => {
  lw = await startLintWorld();
  ({ h, owner, base, lead, viewer, outsider } = lw.world);
  ({ okr, nightShift, quarter, other } = lw);
});

afterAll(() => lw?.world.close());

describe("findings of saved Objectives", () => {
  let objective: Json;

  beforeAll(async () => {
    objective = await okr.createObjective(lead.client, {
      cycleId: quarter.id,
      teamId: nightShift.id,
      ownerUserId: lead.id,
      title: "Get every night-sorted parcel onto the right van",
      keyResults: [
        {
          title: "Keep sorting accuracy at 99 %",
          kind: "metric",
          startValue: 99,
          targetValue: 99,
          unit: "%",
          ownerUserId: lead.id,
        },
      ],
    });
  });

  it("lists them open, with the KR they are on", async () => {
    const saved = await h.ok("GET", `${base}/objectives/${objective.id}/findings`, { as: viewer.client });
    const bau = saved.findings.find((f: Json) => f.rule === "business-as-usual");
    expect(bau).toMatchObject({
      status: "open",
      keyResultId: objective.keyResults[0].id,
      on: "keyResults.0",
      dismissal: null,
    });
    expect(saved.canDismiss).toBe(false);
    const foreign = await h.request("GET", `${base}/objectives/${other.objective.id}/findings`, {
      as: owner,
    });
    expect(foreign.status).toBe(404);
  });

  it("dismisses with a reason and reopens, both audited; viewers and outsiders may not", async () => {
    const key = { rule: "business-as-usual", keyResultId: objective.keyResults[0].id };
    const path = `${base}/objectives/${objective.id}/findings`;
    expectError(
      await h.request("POST", `${path}/dismissals`, { as: lead.client, body: key }),
      400,
      "validation_failed",
      "reason",
    );
    expect(
      (
        await h.request("POST", `${path}/dismissals`, {
          as: viewer.client,
          body: { ...key, reason: "We know" },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await h.request("POST", `${path}/dismissals`, {
          as: outsider.client,
          body: { ...key, reason: "We know" },
        })
      ).status,
    ).toBe(403);
    expectError(
      await h.request("POST", `${path}/dismissals`, {
        as: lead.client,
        body: { rule: "recycled", keyResultId: key.keyResultId, reason: "n/a" },
      }),
      400,
      "validation_failed",
      "keyResultId",
    );
    const reason = "Accuracy slipped to 96 % in spring; holding 99 % is this cycle's real change";
    const dismissed = await h.ok("POST", `${path}/dismissals`, { as: lead.client, body: { ...key, reason } });
    expect(dismissed.findings.find((f: Json) => f.rule === "business-as-usual")).toMatchObject({
      status: "dismissed",
      dismissal: { reason, byUserId: lead.id },
    });
    expect(
      (await h.request("POST", `${path}/dismissals`, { as: lead.client, body: { ...key, reason } })).status,
    ).toBe(409);
    const check = await h.ok("GET", `${base}/health-check?cycleId=${quarter.id}&teamId=${nightShift.id}`, {
      as: viewer.client,
    });
    expect(check.objectives.map((o: Json) => o.objectiveId)).toEqual([objective.id]);
    expect(check.dismissed).toBe(1);
    const reopened = await h.ok("POST", `${path}/reopen`, {
      as: lead.client,
      body: { ...key, reason: "Spring is over" },
    });
    expect(reopened.findings.find((f: Json) => f.rule === "business-as-usual")?.status).toBe("open");
    expect((await h.request("POST", `${path}/reopen`, { as: lead.client, body: key })).status).toBe(404);
    const audit = await h.ok("GET", `${base}/audit?entityId=${objective.id}`, { as: owner });
    const actions = audit.items.map((e: Json) => [e.action, e.reason]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ["objective.finding_dismissed", reason],
        ["objective.finding_reopened", "Spring is over"],
      ]),
    );
  });

  it("health check of another organisation's cycle is 404", async () => {
    expect(
      (await h.request("GET", `${base}/health-check?cycleId=${other.cycle.id}`, { as: owner })).status,
    ).toBe(404);
    expect((await h.request("GET", `${base}/health-check?cycleId=nope`, { as: owner })).status).toBe(400);
  });

  it("activating with open warnings asks for an acknowledgement, which is audited", async () => {
    const generic = await okr.createObjective(lead.client, {
      cycleId: quarter.id,
      teamId: nightShift.id,
      ownerUserId: lead.id,
      title: "Increase customer satisfaction",
      keyResults: [
        {
          title: "Parcels on the wrong van: 120 → 30 a week",
          kind: "metric",
          startValue: 120,
          targetValue: 30,
          ownerUserId: lead.id,
        },
      ],
    });
    const objective = generic;
    const refused = await h.request("PATCH", `${base}/objectives/${objective.id}`, {
      as: lead.client,
      body: { version: objective.version, state: "active" },
    });
    expectError(refused, 409, "open_findings");
    expect(refused.body.error.details.findings.map((f: Json) => f.rule)).toContain("generic-objective");
    expect((await okr.getObjective(lead.client, objective.id)).state).toBe("draft");
    const activated = await h.ok("PATCH", `${base}/objectives/${objective.id}`, {
      as: lead.client,
      body: { version: objective.version, state: "active", acknowledgeFindings: true },
    });
    expect(activated.state).toBe("active");
    const audit = await h.ok(
      "GET",
      `${base}/audit?entityId=${objective.id}&action=objective.findings_acknowledged`,
      { as: owner },
    );
    expect(audit.items).toHaveLength(1);
  });

  it("starting a cycle with open warnings asks too", async () => {
    const cycle = await h.ok("GET", `${base}/cycles/${quarter.id}`, { as: owner });
    const refused = await h.request("PATCH", `${base}/cycles/${quarter.id}`, {
      as: owner,
      body: { version: cycle.version, state: "active" },
    });
    expectError(refused, 409, "open_findings");
    const started = await h.ok("PATCH", `${base}/cycles/${quarter.id}`, {
      as: owner,
      body: { version: cycle.version, state: "active", acknowledgeFindings: true },
    });
    expect(started.state).toBe("active");
    const audit = await h.ok(
      "GET",
      `${base}/audit?entityId=${quarter.id}&action=cycle.findings_acknowledged`,
      { as: owner },
    );
    expect(audit.items).toHaveLength(1);
  });
});
