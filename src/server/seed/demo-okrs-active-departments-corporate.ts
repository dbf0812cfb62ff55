import type { DemoObjective } from "./demo-okrs.ts";

/**
 * The active quarter: the Corporate Services division runs KPIs only, so its one department
 * with Objectives (People & Culture) aligns to the company's directly.
 */
export const activeCorporateDepartmentOkrs: DemoObjective[] = [
  {
    key: "first-90-days",
    team: "People & Culture",
    title: "Give new drivers a first 90 days worth staying for",
    description: "A buddy, a predictable schedule and someone who asks how it is going.",
    theme: "learning_growth",
    parents: [["drivers", 0.8]],
    keyResults: [
      {
        title: "New drivers with a buddy from day one from 40% to 100%",
        kind: "metric",
        start: 40,
        target: 100,
        unit: "%",
        owner: "People & Culture#2",
        reach: 0.6,
        checkIns: "7777888",
      },
      {
        title: "Cut 90-day driver attrition from 21% to 12%",
        kind: "metric",
        start: 21,
        target: 12,
        unit: "%",
        owner: "People & Culture",
        contributors: ["Driver Planning"],
        committed: true,
        reach: 0.3,
        checkIns: "6655556",
      },
      {
        title: "Raise the onboarding survey score from 3.4 to 4.2 out of 5",
        kind: "metric",
        start: 3.4,
        target: 4.2,
        unit: "of 5",
        owner: "People & Culture#3",
        reach: 0.5,
        checkIns: "6677777",
      },
    ],
  },
];
