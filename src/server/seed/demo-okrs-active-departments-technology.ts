import type { DemoObjective } from "./demo-okrs.ts";

/**
 * The active quarter: the Technology division's departments (Platform Engineering, Routing &
 * Planning, Data & Analytics), aligned to its Objectives, the company's, and for Routing &
 * Planning to Operations' (routes are where operating cost is cut).
 */
export const activeTechnologyDepartmentOkrs: DemoObjective[] = [
  {
    key: "integration-days",
    team: "Platform Engineering",
    title: "Make integrating with Nordwind a matter of days, not months",
    description: "Self-service where we can, a sandbox that behaves like production, and fewer incidents.",
    theme: "internal_process",
    parents: [
      ["open-data", 0.6],
      ["connected", 0.3],
    ],
    keyResults: [
      {
        title: "Onboard 8 new customers with the self-service EDI mapper",
        kind: "metric",
        start: 0,
        target: 8,
        unit: "customers",
        owner: "Platform Engineering#1",
        reach: 0.5,
        checkIns: "6677777",
      },
      {
        title: "Integration incidents from 14 to 5 a month",
        kind: "metric",
        start: 14,
        target: 5,
        unit: "incidents",
        owner: "Platform Engineering#2",
        reach: 0.45,
        checkIns: "6666677",
      },
      {
        title: "Sandbox with realistic test shipments live",
        kind: "milestone",
        owner: "Integrations Squad",
        doneInWeek: 3,
        checkIns: "6778",
      },
    ],
  },
  {
    key: "routing",
    team: "Routing & Planning",
    title: "Plan routes with data, not habit",
    description: "The optimiser proposes, planners improve: and we learn from every override.",
    theme: "internal_process",
    parents: [
      ["ops-cost", 0.5],
      ["cost", 0.4],
    ],
    keyResults: [
      {
        title: "Route optimisation live in the Hamburg depot",
        kind: "milestone",
        owner: "Routing & Planning#1",
        doneInWeek: 3,
        checkIns: "5678",
        notes: {
          0: "Vendor integration in test. Hamburg planners are trained next week.",
          1: "Training done; the parallel run starts on Monday.",
          2: "Parallel run: the optimiser's plans beat the manual ones on four of five days.",
          3: "Done: Hamburg plans every route with the optimiser since Monday.",
        },
      },
      {
        title: "Planner overrides of optimised routes from 35% to 10%",
        kind: "metric",
        start: 35,
        target: 10,
        unit: "%",
        owner: "Routing & Planning#2",
        reach: 0.48,
        checkIns: "5556667",
      },
      {
        title: "Optimised plans ready by 05:30 on 95% of days (from 60%)",
        kind: "metric",
        start: 60,
        target: 95,
        unit: "%",
        owner: "Routing & Planning#3",
        reach: 0.7,
        path: "early",
        checkIns: "6778888",
      },
    ],
  },
  {
    key: "numbers-by-seven",
    team: "Data & Analytics",
    title: "Give every hub and depot yesterday's numbers by 7 am",
    description:
      "One dashboard, the same definitions everywhere, trusted enough that nobody keeps their own spreadsheet.",
    theme: "internal_process",
    parents: [["open-data", 0.4]],
    keyResults: [
      {
        title: "Sites using the daily operations dashboard from 3 to 14",
        kind: "metric",
        start: 3,
        target: 14,
        unit: "sites",
        owner: "Data & Analytics#1",
        reach: 0.55,
        checkIns: "7777788",
      },
      {
        title: "Data quality issues open longer than a week from 40 to 10",
        kind: "metric",
        start: 40,
        target: 10,
        unit: "issues",
        owner: "Data & Analytics#2",
        reach: 0.5,
        checkIns: "6666777",
      },
      {
        title: "ETA model retrained weekly on live GPS data",
        kind: "milestone",
        owner: "Data & Analytics#3",
        checkIns: "7766555",
        notes: {
          4: "The GPS feed from subcontracted trucks arrives a day late; retraining on stale data makes the model worse.",
          6: "Still waiting for the subcontractors' live feed. Integrations Squad is on it; no date yet.",
        },
      },
    ],
  },
];
