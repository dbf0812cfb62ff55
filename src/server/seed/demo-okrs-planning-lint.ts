/**
 * Drafts for next quarter that make the OKR linter's mistakes, one or two each, so the
 * health check of the planning cycle has something to teach (docs/okr-linter.md). Each
 * draft is a plausible first attempt a team might write, not a caricature; the comment
 * above each names the finding it is there for. `sandbagging` reads the two closed quarters
 * (demo-okrs-previous-teams.ts and demo-okrs-earlier.ts), where the Returns squad scored 1.0
 * on every KR: its draft below draws it.
 */
import type { DemoObjective } from "./demo-okrs.ts";

export const planningLintDrafts: DemoObjective[] = [
  // recycled (the same KR as this quarter's), business-as-usual (a level kept), and
  // activity-as-key-result (a task instead of its outcome).
  {
    key: "ops-peak",
    team: "Operations",
    title: "Get every hub through the December peak without missed departures",
    description: "Draft for next quarter: the peak doubles volume for six weeks.",
    theme: "internal_process",
    keyResults: [
      {
        title: "Hub departures on schedule from 88% to 97%",
        kind: "metric",
        start: 88,
        target: 97,
        unit: "%",
        owner: "Operations",
      },
      {
        title: "Maintain 99.5% scanner uptime",
        kind: "metric",
        start: 99.5,
        target: 99.5,
        unit: "%",
        owner: "Operations#2",
      },
      { title: "Launch the new shift handover checklist", kind: "milestone", owner: "Warehousing" },
    ],
  },
  // number-as-objective: the Objective is a KPI with a target.
  {
    key: "cross-border-revenue",
    team: "Commercial",
    title: "Cross-border revenue of €2m a month",
    description: "Draft: what the Poland push should be worth.",
    theme: "financial",
    parents: [["poland", 0.3]],
    keyResults: [
      {
        title: "Shipments to Poland per week from 400 to 1,500",
        kind: "metric",
        start: 400,
        target: 1500,
        unit: "shipments",
        owner: "Commercial",
      },
    ],
  },
  // generic-objective: any team could sign it any year.
  {
    key: "customer-success-generic",
    team: "Customer Success",
    title: "Increase customer satisfaction",
    description: "Draft: to be sharpened before the cycle starts.",
    theme: "customer",
    keyResults: [
      {
        title: "Tickets answered within 4 hours from 70% to 90%",
        kind: "metric",
        start: 70,
        target: 90,
        unit: "%",
        owner: "Customer Success",
      },
    ],
  },
  // cascaded-mirror: the department copies the company draft's KR, metric and target.
  {
    key: "last-mile-poland",
    team: "Last Mile",
    title: "Carry Berlin–Warsaw parcels as reliably as domestic ones",
    description: "Draft: the last-mile side of the Poland push.",
    theme: "customer",
    parents: [["poland", 0.4]],
    keyResults: [
      {
        title: "Transit time Berlin–Warsaw from 48 to 30 hours",
        kind: "metric",
        start: 48,
        target: 30,
        unit: "hours",
        owner: "Last Mile",
      },
      {
        title: "Polish recipients reached at the first attempt from 70% to 88%",
        kind: "metric",
        start: 70,
        target: 88,
        unit: "%",
        owner: "Last Mile#2",
      },
    ],
  },
  // too-many: six Key Results on one Objective; and sandbagging: the Returns squad met
  // every KR in each of the last two quarters.
  {
    key: "returns-everything",
    team: "Returns",
    title: "Make returning a parcel as easy as receiving one",
    description: "Draft: the squad listed everything it could measure; five would say more.",
    theme: "customer",
    keyResults: [
      {
        title: "Returns processed within 72 h from 80% to 95%",
        kind: "metric",
        start: 80,
        target: 95,
        unit: "%",
        owner: "Returns",
      },
      {
        title: "Returns labels printed at home from 40% to 65%",
        kind: "metric",
        start: 40,
        target: 65,
        unit: "%",
        owner: "Returns#2",
      },
      {
        title: "Refund issued within 5 days of drop-off from 60% to 90%",
        kind: "metric",
        start: 60,
        target: 90,
        unit: "%",
        owner: "Returns#3",
      },
      {
        title: "Return drop-off points from 300 to 450",
        kind: "metric",
        start: 300,
        target: 450,
        unit: "points",
        owner: "Returns#2",
      },
      {
        title: "Returns contacts to customer service from 900 to 500 a week",
        kind: "metric",
        start: 900,
        target: 500,
        unit: "contacts",
        owner: "Returns#4",
      },
      {
        title: "Returned parcels resold within 14 days from 35% to 55%",
        kind: "metric",
        start: 35,
        target: 55,
        unit: "%",
        owner: "Returns#5",
      },
    ],
  },
];
