import { describe, expect, it } from "vitest";
import { emptyLintContext, type LintContext } from "./context.ts";
import { lintObjective, usualRange } from "./lint-objective.ts";
import type { DraftObjective } from "./types.ts";

const OWNER = "0b1c4c1e-0000-4000-8000-000000000001";
const KPI = "0b1c4c1e-0000-4000-8000-0000000000a1";

function context(patch: Partial<LintContext> = {}): LintContext {
  return { ...emptyLintContext(), ...patch };
}

/** A well-formed Objective: specific title, owned and measured KRs, a health KPI. */
function sound(patch: Partial<DraftObjective> = {}): DraftObjective {
  return {
    title: "Make returns effortless for our Berlin customers",
    healthKpiIds: [KPI],
    keyResults: [
      {
        title: "Refund time after drop-off: 9 days → 2 days",
        startValue: 9,
        targetValue: 2,
        ownerUserId: OWNER,
      },
    ],
    ...patch,
  };
}

const rulesOf = (draft: DraftObjective, ctx = context()) =>
  lintObjective(draft, ctx).map((f) => `${f.rule}@${f.on}`);

describe("lintObjective", () => {
  it("finds nothing in a sound draft with nothing known around it", () => {
    expect(lintObjective(sound())).toEqual([]);
  });

  it("answers an empty draft without inventing wording findings", () => {
    expect(rulesOf({ title: "", keyResults: [{ title: "" }] })).toEqual([
      "missing-pieces@objective",
      "missing-pieces@keyResults.0",
    ]);
  });

  describe("business-as-usual, numeric side", () => {
    const kpi = {
      id: KPI,
      name: "On-time delivery",
      unit: "percent",
      direction: "higher_is_better" as const,
      // Twelve periods between 91 and 95: P10 ≈ 91.1, P90 ≈ 94.9.
      recentValues: [91, 92, 93, 94, 95, 93, 92, 94, 93, 91, 95, 92],
    };
    const withKpi = context({ kpis: { [KPI]: kpi } });
    const kr = (targetValue: number) =>
      sound({
        keyResults: [
          { title: "On-time delivery rate", kpiId: KPI, startValue: 92, targetValue, ownerUserId: OWNER },
        ],
      });

    it("flags a target inside the KPI's P10–P90 and offers a target past it", () => {
      const [finding] = lintObjective(kr(94), withKpi);
      expect(finding).toMatchObject({ rule: "business-as-usual", on: "keyResults.0", severity: "warning" });
      expect(finding?.message).toContain("usual range");
      expect(finding?.fix).toMatchObject({ kind: "re-target" });
      const retarget = finding?.fix?.kind === "re-target" ? finding.fix.targetValue : Number.NaN;
      expect(retarget).toBeGreaterThan(usualRange(kpi)!.p90);
      // Applying the fix clears the finding.
      expect(rulesOf(kr(retarget), withKpi)).toEqual([]);
    });

    it("accepts a target beyond the range", () => {
      expect(rulesOf(kr(98), withKpi)).toEqual([]);
    });

    it("needs enough history before judging by the range", () => {
      const short = context({ kpis: { [KPI]: { ...kpi, recentValues: [93, 94, 92] } } });
      expect(rulesOf(kr(94), short)).toEqual([]);
    });

    it("flags a target equal to the start with the KPI board as the fix", () => {
      const [finding] = lintObjective(
        sound({
          keyResults: [
            {
              title: "Net revenue retention",
              startValue: 104,
              targetValue: 104,
              unit: "%",
              ownerUserId: OWNER,
            },
          ],
        }),
      );
      expect(finding).toMatchObject({
        rule: "business-as-usual",
        fix: { kind: "move-to-kpi-board", unit: "%", target: 104 },
      });
    });
  });

  describe("recycled", () => {
    const previous = (title: string, kpiId: string | null = null) =>
      context({
        previousCycle: {
          name: "Q1 2026",
          keyResults: [
            {
              objectiveId: "o1",
              keyResultId: "k1",
              title,
              kpiId,
              targetValue: 45,
              outcome: kpiId ? "missed" : null,
              finalScore: 0.4,
            },
          ],
        },
      });
    const draft = (title: string, kpiId: string | null = null) =>
      sound({ keyResults: [{ title, kpiId, startValue: 30, targetValue: 45, ownerUserId: OWNER }] });

    it("flags the same metric with the same wording as last cycle", () => {
      const [finding] = lintObjective(
        draft("Raise NPS of café customers from 30 to 45"),
        previous("Raise NPS of café customers from 25 to 45"),
      );
      expect(finding).toMatchObject({ rule: "recycled", on: "keyResults.0", severity: "warning" });
      expect(finding?.message).toContain("Q1 2026");
    });

    it("flags the same KPI read again and says how the promotion ended", () => {
      const [finding] = lintObjective(
        draft("Weekly active teams", KPI),
        previous("Weekly active teams up", KPI),
      );
      expect(finding?.message).toContain("missed its target");
    });

    it("accepts the same KPI approached differently", () => {
      expect(
        rulesOf(
          draft("Teams onboarded through the new guided setup", KPI),
          previous("Weekly active teams", KPI),
        ),
      ).toEqual([]);
    });

    it("accepts a different metric, and no previous cycle", () => {
      expect(rulesOf(draft("Refund time after drop-off"), previous("Raise NPS of café customers"))).toEqual(
        [],
      );
      expect(rulesOf(draft("Raise NPS of café customers"))).toEqual([]);
    });
  });

  describe("too-many", () => {
    const krs = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        title: `Repeat orders in district ${i + 1}: 20% → 35%`,
        startValue: 20,
        targetValue: 35,
        ownerUserId: OWNER,
      }));

    it("flags a sixth KR and a sixth company Objective", () => {
      expect(rulesOf(sound({ keyResults: krs(6) }))).toEqual(["too-many@objective"]);
      expect(rulesOf(sound(), context({ companyLevel: true, otherCompanyObjectives: 5 }))).toEqual([
        "too-many@objective",
      ]);
    });

    it("accepts five of each, and team Objectives beyond the company limit", () => {
      expect(rulesOf(sound({ keyResults: krs(5) }))).toEqual([]);
      expect(rulesOf(sound(), context({ companyLevel: true, otherCompanyObjectives: 4 }))).toEqual([]);
      expect(rulesOf(sound(), context({ companyLevel: false, otherCompanyObjectives: 12 }))).toEqual([]);
    });

    it("follows configured limits", () => {
      const strict = context({ limits: { companyObjectivesPerCycle: 3, keyResultsPerObjective: 3 } });
      expect(rulesOf(sound({ keyResults: krs(4) }), strict)).toEqual(["too-many@objective"]);
    });
  });

  describe("cascaded-mirror", () => {
    const parents = context({
      parentKeyResults: [
        {
          objectiveId: "p1",
          objectiveTitle: "Win the café market",
          keyResultId: "pk1",
          title: "Café revenue from €1.2m to €2m",
          kpiId: null,
          targetValue: 2_000_000,
        },
      ],
    });
    const child = (title: string, targetValue: number) =>
      sound({ keyResults: [{ title, startValue: 1_200_000, targetValue, ownerUserId: OWNER }] });

    it("flags a child KR with the parent's metric and target, and offers to merge", () => {
      const [finding] = lintObjective(child("Grow café revenue to €2m", 2_000_000), parents);
      expect(finding).toMatchObject({
        rule: "cascaded-mirror",
        fix: { kind: "merge", objectiveId: "p1", keyResultId: "pk1" },
      });
    });

    it("accepts a driver of the parent's number, or the same metric at the team's own share", () => {
      expect(rulesOf(child("Café accounts won in Hamburg", 2_000_000), parents)).toEqual([]);
      expect(rulesOf(child("Grow café revenue to €2m", 600_000), parents)).toEqual([]);
    });
  });

  describe("sandbagging", () => {
    const history = (a: number[], b: number[]) =>
      context({
        teamHistory: [
          { cycleName: "Q2", scores: a },
          { cycleName: "Q1", scores: b },
        ],
      });

    it("flags a team at 1.0 on every KR two cycles running, as info", () => {
      const [finding] = lintObjective(sound(), history([1, 1, 1], [1, 1]));
      expect(finding).toMatchObject({ rule: "sandbagging", on: "objective", severity: "info" });
    });

    it("accepts one perfect cycle, a single miss, or too little history", () => {
      expect(rulesOf(sound(), history([1, 1], [1, 0.7]))).toEqual([]);
      expect(rulesOf(sound(), context({ teamHistory: [{ cycleName: "Q2", scores: [1, 1] }] }))).toEqual([]);
      expect(rulesOf(sound(), history([1], []))).toEqual([]);
    });
  });

  describe("no-floor", () => {
    const floor = (subtreeHasKpis: boolean, hasFloor: boolean) =>
      context({ floor: { teamId: "t1", cycleId: "c1", subtreeHasKpis, hasFloor } });

    it("flags a team with KPIs in its subtree and no floor, offering to add one", () => {
      const [finding] = lintObjective(sound(), floor(true, false));
      expect(finding).toMatchObject({
        rule: "no-floor",
        fix: { kind: "add-floor", teamId: "t1", cycleId: "c1" },
      });
    });

    it("accepts a team with a floor, and a team without KPIs", () => {
      expect(rulesOf(sound(), floor(true, true))).toEqual([]);
      expect(rulesOf(sound(), floor(false, false))).toEqual([]);
    });
  });

  describe("missing-pieces", () => {
    it("flags a KR without owner or target, and links a KPI its title names", () => {
      const ctx = context({ teamKpis: [{ id: KPI, name: "Churn rate" }] });
      const [finding] = lintObjective(sound({ keyResults: [{ title: "Bring churn rate down" }] }), ctx);
      expect(finding).toMatchObject({ rule: "missing-pieces", on: "keyResults.0", severity: "warning" });
      expect(finding?.message).toContain("no owner and no measurable target");
      expect(finding?.fix).toEqual({ kind: "link-kpi", kpiId: KPI, kpiName: "Churn rate" });
    });

    it("accepts a milestone with an owner and a KR that reads a KPI", () => {
      expect(
        rulesOf(
          sound({ keyResults: [{ title: "Berlin pilot live", kind: "milestone", ownerUserId: OWNER }] }),
        ).filter((found) => found.startsWith("missing-pieces")),
      ).toEqual([]);
      expect(
        rulesOf(
          sound({ keyResults: [{ title: "Churn rate", kpiId: KPI, targetValue: 2, ownerUserId: OWNER }] }),
        ),
      ).toEqual([]);
    });

    it("flags an Objective without health KPIs as info, suggesting the team's KPIs", () => {
      const ctx = context({ teamKpis: [{ id: KPI, name: "Churn rate" }] });
      const [finding] = lintObjective(sound({ healthKpiIds: [] }), ctx);
      expect(finding).toMatchObject({
        rule: "missing-pieces",
        on: "objective",
        severity: "info",
        fix: { kind: "link-health-kpis", kpiIds: [KPI] },
      });
    });
  });

  it("lints a hundred KRs with absurd numbers without failing", () => {
    const keyResults = Array.from({ length: 100 }, (_, i) => ({
      title: `Metric ${i} ${"x".repeat(150)}`,
      startValue: i % 2 ? 1e14 : -1e14,
      targetValue: i % 3 ? 0 : 1e-300,
    }));
    const findings = lintObjective({ title: "1".repeat(200), keyResults }, context({ kpis: {} }));
    expect(findings.some((f) => f.rule === "too-many")).toBe(true);
  });
});
