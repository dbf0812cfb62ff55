/**
 * The stories the demo's KPIs tell beyond their values: the escalations open now and the
 * one resolved last winter (who did what, and when, relative to the red value that
 * opened it), the KPI floors of this quarter, and values corrected after they were
 * entered. seed-kpi-follow-ups.ts and seed-kpi-values.ts write them.
 */
import type { PersonRef } from "./demo-okrs.ts";

/** A note or an action on an escalation's timeline, by a person of the demo. */
export type DemoEscalationEntry = {
  by: PersonRef;
  kind: "note" | "action";
  text: string;
  daysAfterOpening: number;
};

/**
 * Escalations open now: each KPI's current red spell opened one at its first red value.
 * `acknowledgedBy`: someone is on it already.
 */
export const openDemoEscalations: Array<{
  kpi: string;
  acknowledgedBy?: PersonRef;
  acknowledgement?: string;
  entries: DemoEscalationEntry[];
}> = [
  {
    kpi: "on_time_delivery",
    acknowledgedBy: "Urban Delivery",
    acknowledgement: "On it: two agency contracts in Berlin-Mitte ended on short notice.",
    entries: [
      {
        by: "Urban Delivery",
        kind: "note",
        text: "11 routes are covered by overtime and cross-trained warehouse staff; late stops cluster after 17:00.",
        daysAfterOpening: 1,
      },
      {
        by: "Driver Planning",
        kind: "action",
        text: "Six drivers from the Lisbon agency start in two weeks; until then two Hub Hamburg vans help on Tuesdays and Fridays.",
        daysAfterOpening: 3,
      },
    ],
  },
  { kpi: "dso", entries: [] },
];

/** A red spell earlier in the history (`dip` in its curve), resolved by a person. */
export const pastDemoEscalations: Array<{
  kpi: string;
  resolvedBy: PersonRef;
  resolution: string;
  resolvedDaysAfterOpening: number;
  entries: DemoEscalationEntry[];
}> = [
  {
    kpi: "fleet_availability",
    resolvedBy: "Fleet Maintenance",
    resolution:
      "Two spare vans leased for the winter and the brake-parts supplier switched; availability back above 94 %.",
    resolvedDaysAfterOpening: 16,
    entries: [
      {
        by: "Fleet Maintenance",
        kind: "note",
        text: "Frost week: 14 vans off the road with brake and battery faults, parts on back order.",
        daysAfterOpening: 1,
      },
      {
        by: "Fleet",
        kind: "action",
        text: "Lease two spare vans until March; ask purchasing for a second brake-parts supplier.",
        daysAfterOpening: 2,
      },
    ],
  },
];

/** KPI floors for the active quarter: what must not fall while the team works on its OKRs. */
export const demoFloors: Array<{ team: string; kpi: string; owner: PersonRef; threshold: number }> = [
  { team: "Urban Delivery", kpi: "first_attempt_delivery_rate", owner: "Urban Delivery#1", threshold: 86 },
  { team: "Urban Delivery", kpi: "delivery_complaints", owner: "Urban Delivery#2", threshold: 4.5 },
  { team: "Key Accounts", kpi: "key_account_nps", owner: "Key Accounts#1", threshold: 30 },
  { team: "Key Accounts", kpi: "net_revenue_retention", owner: "Key Accounts#3", threshold: 97 },
];

/**
 * Values corrected after they were first entered: the value in force is the curve's, the
 * first one was `delta` away from it and is kept in history with its own note.
 */
export const demoCorrections: Array<{
  kpi: string;
  periodsAgo: number;
  delta: number;
  firstNote: string;
  why: string;
  daysLater: number;
}> = [
  {
    kpi: "ebit_margin",
    periodsAgo: 2,
    delta: 0.6,
    firstNote: "Preliminary: freight invoices from two subcontractors still open.",
    why: "Restated after the subcontractors' late freight invoices were booked.",
    daysLater: 9,
  },
  {
    kpi: "damage_claims_rate",
    periodsAgo: 3,
    delta: -0.31,
    firstNote: "",
    why: "Claims from the Leipzig depot were reported a week late; added.",
    daysLater: 6,
  },
  {
    kpi: "csat",
    periodsAgo: 9,
    delta: 1.4,
    firstNote: "Rotterdam survey responses not in yet.",
    why: "Rotterdam's survey responses arrived late; the week's figure includes them now.",
    daysLater: 4,
  },
  {
    kpi: "employee_turnover",
    periodsAgo: 5,
    delta: -0.4,
    firstNote: "",
    why: "Three leavers were booked in the wrong month by payroll; corrected.",
    daysLater: 12,
  },
];
