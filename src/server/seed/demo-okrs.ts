/**
 * The demo's OKRs, declared: what Nordwind Logistics aims at this quarter, what it aimed
 * at last quarter (graded and closed), and two drafts for next quarter. seed-okrs.ts
 * turns these into rows: ids, dates relative to today, check-in values along each KR's
 * path and the generic notes between the hand-written ones.
 */

import { activeCompanyOkrs } from "./demo-okrs-active-company.ts";
import { activeCommercialDepartmentOkrs } from "./demo-okrs-active-departments-commercial.ts";
import { activeCorporateDepartmentOkrs } from "./demo-okrs-active-departments-corporate.ts";
import { activeOperationsDepartmentOkrs } from "./demo-okrs-active-departments-operations.ts";
import { activeTechnologyDepartmentOkrs } from "./demo-okrs-active-departments-technology.ts";
import { activeSquadOkrs } from "./demo-okrs-active-squads.ts";
import { planningLintDrafts } from "./demo-okrs-planning-lint.ts";
import { demoCompanyName as company } from "./demo-structure.ts";

export type ThemeKey = "financial" | "customer" | "internal_process" | "learning_growth";

/**
 * A person of the demo by their team: "Warehousing" is the team's lead, "Warehousing#2"
 * its second member (in the order of demo-structure.ts).
 */
export type PersonRef = string;

export type DemoKeyResult = {
  title: string;
  kind: "metric" | "milestone" | "percentage";
  /** Metric KRs: start and target (target below start = decreasing), unit, decimals shown. */
  start?: number;
  target?: number;
  unit?: string;
  decimals?: number;
  owner: PersonRef | null;
  contributors?: PersonRef[];
  /** Relative weight in the Objective; default 1. */
  weight?: number;
  committed?: boolean;
  /**
   * The weekly check-ins from the cycle's first week: one character per week, the
   * confidence 0–9, or "-" for a week without a check-in (trailing ones make a KR stale).
   */
  checkIns?: string;
  /** Metric and percentage KRs: progress (share of start → target) at the latest check-in. */
  reach?: number;
  /**
   * How the value got there: evenly (steady, the default), slowly at first (late), fast
   * then flat (early), or the progress at each check-in.
   */
  path?: "steady" | "late" | "early" | number[];
  /** Milestone KRs: the week whose check-in reports it done. */
  doneInWeek?: number;
  /** Hand-written notes by week; "{value}" becomes the check-in's value. Other weeks get a generic note. */
  notes?: Record<number, string>;
  /**
   * The last three check-ins, whatever the calendar makes of the weeks before: their
   * confidences and notes (the demo's risk flag, which needs two falls in a row).
   */
  lastThree?: { confidences: [number, number, number]; notes: [string, string, string] };
  /** Closed cycle: the owner's final score where it differs from the suggested one, and why. */
  score?: number;
  scoreComment?: string;
};

export type DemoObjective = {
  /** Used by `parents` of other Objectives in the same cycle. */
  key: string;
  team: string;
  /** Default: the team's lead. */
  owner?: PersonRef;
  title: string;
  description: string;
  theme: ThemeKey;
  /** Contributes to these Objectives with these weights (at most 1 in total). */
  parents?: Array<[key: string, weight: number]>;
  keyResults: DemoKeyResult[];
  /** KPI keys this Objective must not break (its health KPIs), in order. */
  healthKpis?: string[];
  /** Closed cycle: how it ended and what the team learnt. Its grade is the KRs' weighted score. */
  outcome?: "achieved" | "missed" | "dropped";
  retrospective?: string;
};

/** The active quarter, about seven weeks in: seven weekly check-ins per KR at most. */
export const activeCycleOkrs: DemoObjective[] = [
  ...activeCompanyOkrs,
  // Departments division by division, in the order of demo-structure.ts, then squads.
  ...activeOperationsDepartmentOkrs,
  ...activeCommercialDepartmentOkrs,
  ...activeTechnologyDepartmentOkrs,
  ...activeCorporateDepartmentOkrs,
  ...activeSquadOkrs,
];

/**
 * Next quarter, in planning: drafts, one still incomplete, and drafts that make the
 * linter's mistakes (demo-okrs-planning-lint.ts).
 */
export const planningCycleOkrs: DemoObjective[] = [
  {
    key: "poland",
    team: company,
    title: "Become the first choice for parcels between Germany and Poland",
    description:
      "Draft for next quarter: cross-border volume grows 30% a year and we carry almost none of it.",
    theme: "financial",
    keyResults: [
      {
        title: "Line-haul partners signed in Poland",
        kind: "metric",
        start: 0,
        target: 2,
        unit: "partners",
        owner: "Commercial",
      },
      {
        title: "Transit time Berlin–Warsaw from 48 to 30 hours",
        kind: "metric",
        start: 48,
        target: 30,
        unit: "hours",
        owner: "Operations",
      },
      { title: "Cross-border revenue per month", kind: "metric", unit: "€m", owner: null },
    ],
  },
  {
    key: "legacy-portal",
    team: "Technology",
    title: "Retire the legacy tracking portal",
    description: "Draft: everyone on the new tracking page and API, one system less to run.",
    theme: "internal_process",
    keyResults: [
      {
        title: "Weekly logins to the legacy portal from 3,400 to 0",
        kind: "metric",
        start: 3400,
        target: 0,
        unit: "logins",
        owner: "Tracking Squad",
      },
      { title: "Last customer moved off the legacy portal", kind: "milestone", owner: "Tracking Squad#1" },
    ],
  },
  ...planningLintDrafts,
];
