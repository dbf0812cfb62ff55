import { describe, expect, it } from "vitest";
import {
  initialPromoteValues,
  type PromotionDraft,
  promoteIssueMapper,
  suggestedStartOf,
  toPromoteRequest,
} from "./promotion-draft.ts";

const ids = {
  kpi: "00000000-0000-4000-8000-000000000001",
  team: "00000000-0000-4000-8000-000000000002",
  cycle: "00000000-0000-4000-8000-000000000003",
  objective: "00000000-0000-4000-8000-000000000004",
  driverA: "00000000-0000-4000-8000-000000000005",
  driverB: "00000000-0000-4000-8000-000000000006",
};

function draft(over: Partial<PromotionDraft> = {}): PromotionDraft {
  return {
    kpi: {
      id: ids.kpi,
      key: "churn",
      name: "Churn",
      teamId: ids.team,
      teamRunsOkrs: true,
      unit: "percent",
      decimals: 1,
      direction: "lower_is_better",
    },
    trend: [],
    latest: 4.2,
    target: 3,
    suggestedStart: { latest: 4.2, cycle: 4.5 },
    suggestedTitle: "Bring Churn to 3%",
    cycleId: ids.cycle,
    cycles: [{ id: ids.cycle, name: "Q1", state: "active" }],
    objectives: [{ id: ids.objective, title: "Keep customers" }],
    drivers: [
      { id: ids.driverA, key: "nps", name: "NPS" },
      { id: ids.driverB, key: "tickets", name: "Tickets" },
    ],
    ...over,
  };
}

describe("initialPromoteValues", () => {
  it("starts from the draft's cycle, title and the KPI's target, adding to the only Objective", () => {
    const v = initialPromoteValues(draft());
    expect(v).toMatchObject({
      cycleId: ids.cycle,
      objectiveChoice: "existing",
      objectiveId: ids.objective,
      title: "Bring Churn to 3%",
      targetValue: 3,
      kpiRead: "latest",
      teamId: ids.team,
    });
    expect(v.drivers.map((d) => d.checked)).toEqual([false, false]);
  });

  it("drafts a new Objective when there is none to edit, and has no team when the KPI's team runs no OKRs", () => {
    const d = draft({ objectives: [], target: null });
    d.kpi.teamRunsOkrs = false;
    const v = initialPromoteValues(d);
    expect(v.objectiveChoice).toBe("new");
    expect(v.teamId).toBeNull();
    expect(v.targetValue).toBe("");
  });
});

describe("suggestedStartOf", () => {
  it("gives the latest value or the previous cycle's aggregate", () => {
    expect(suggestedStartOf(draft(), "latest")).toBe(4.2);
    expect(suggestedStartOf(draft(), "cycle")).toBe(4.5);
  });
});

describe("toPromoteRequest", () => {
  it("sends an existing Objective with the ticked drivers only, read the same way", () => {
    const v = initialPromoteValues(draft());
    v.kpiRead = "cycle";
    v.drivers[1] = { ...v.drivers[1]!, checked: true, targetValue: 20 };
    const out = toPromoteRequest(v);
    expect(out).toEqual({
      ok: true,
      request: {
        cycleId: ids.cycle,
        objectiveId: ids.objective,
        keyResult: { title: "Bring Churn to 3%", targetValue: 3, kpiRead: "cycle" },
        drivers: [{ kpiId: ids.driverB, title: "Tickets", targetValue: 20, kpiRead: "cycle" }],
      },
    });
  });

  it("sends a new Objective with its trimmed problem statement and no objectiveId", () => {
    const v = { ...initialPromoteValues(draft()), objectiveChoice: "new" as const };
    v.objectiveTitle = " Keep more customers ";
    v.problemStatement = " Onboarding loses a third of new accounts. ";
    const out = toPromoteRequest(v);
    if (!out.ok) throw new Error("expected a request");
    expect(out.request.objectiveId).toBeUndefined();
    expect(out.request.newObjective).toEqual({
      title: "Keep more customers",
      problemStatement: "Onboarding loses a third of new accounts.",
      teamId: ids.team,
    });
  });

  it("requires the problem statement and title of a new Objective, the target and ticked drivers' targets", () => {
    const v = { ...initialPromoteValues(draft()), objectiveChoice: "new" as const, targetValue: "" as const };
    v.problemStatement = "   ";
    v.drivers[0] = { ...v.drivers[0]!, checked: true };
    const out = toPromoteRequest(v);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(Object.keys(out.errors).sort()).toEqual([
      "drivers.0.targetValue",
      "objectiveTitle",
      "problemStatement",
      "targetValue",
    ]);
  });

  it("requires an Objective when adding to an existing one", () => {
    const v = { ...initialPromoteValues(draft()), objectiveId: null };
    const out = toPromoteRequest(v);
    expect(out.ok ? null : out.errors.objectiveId).toBe("Pick an Objective.");
  });
});

describe("promoteIssueMapper", () => {
  it("puts the API's issues under the form's fields, renumbering drivers to the ticked rows", () => {
    const v = initialPromoteValues(draft());
    v.drivers[1] = { ...v.drivers[1]!, checked: true, targetValue: 5 };
    const { errors, unplaced } = promoteIssueMapper(
      [
        { field: "newObjective.problemStatement", message: "must not be empty" },
        { field: "keyResult.targetValue", message: "must be a finite number" },
        { field: "drivers.0.kpiId", message: "is already read by a Key Result of the Objective" },
        { field: "kpiId", message: 'Churn is already read by "Churn down" in this Objective' },
        { field: "ownerUserId", message: "is not a member" },
      ],
      v,
    );
    expect(errors).toEqual({
      problemStatement: "Must not be empty",
      targetValue: "Must be a finite number",
      "drivers.1.targetValue": "Is already read by a Key Result of the Objective",
      objectiveId: 'Churn is already read by "Churn down" in this Objective',
    });
    expect(unplaced).toEqual([{ field: "ownerUserId", message: "is not a member" }]);
  });
});
