/**
 * The demo's OKRs, declared: what Nordwind Logistics aims at this quarter, what it aimed
 * at last quarter (graded and closed), and two drafts for next quarter. seed-okrs.ts
 * turns these into rows: ids, dates relative to today, check-in values along each KR's
 * path and the generic notes between the hand-written ones.
 */

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
  /** Closed cycle: how it ended and what the team learnt. Its grade is the KRs' weighted score. */
  outcome?: "achieved" | "missed" | "dropped";
  retrospective?: string;
};

const company = "Nordwind Logistics";

/** The active quarter, about seven weeks in: seven weekly check-ins per KR at most. */
export const activeCycleOkrs: DemoObjective[] = [
  {
    key: "reliable",
    team: company,
    title: "Become the carrier our key accounts can set their watch by",
    description:
      "Key accounts choose us for reliability, and lately we have not earned it. This quarter we close the gap between what we promise at booking and what arrives at the door.",
    theme: "customer",
    keyResults: [
      {
        title: "Raise on-time delivery from 91.2% to 96%",
        kind: "metric",
        start: 91.2,
        target: 96,
        unit: "%",
        owner: "Operations",
        contributors: ["Warehousing", "Last Mile"],
        weight: 2,
        committed: true,
        reach: 0.5,
        checkIns: "7766667",
        notes: {
          0: "Baseline confirmed at {value}. Hamburg and the Utrecht depot are the biggest drag.",
          3: "{value}, the best week since the Rotterdam move. Fewer late hub departures since the new cut-off.",
          5: "{value}. Monday's storm cost us a day; back on plan since Wednesday.",
          6: "{value}. The risk now is warehousing: pick errors cause re-deliveries that count as late.",
        },
      },
      {
        title: "Lift the NPS of our 20 key accounts from 31 to 45",
        kind: "metric",
        start: 31,
        target: 45,
        unit: "points",
        owner: "Commercial",
        contributors: ["Key Accounts", "Customer Success"],
        reach: 0.36,
        path: "late",
        checkIns: "6655545",
        notes: {
          1: "NPS is surveyed monthly, so no new figure. Business reviews booked with 14 of the 20 accounts.",
          4: "Monthly survey in: {value}. Detractors mention missed pick-up windows in Rotterdam more than anything else.",
          6: "{value}. Two accounts moved from detractor to passive after their reviews; the Rotterdam issues keep three others down.",
        },
      },
      {
        title: "Cut damage claims from 4.8 to 3.0 per 1,000 shipments",
        kind: "metric",
        start: 4.8,
        target: 3.0,
        unit: "per 1,000 shipments",
        owner: "Warehousing",
        contributors: ["Hub Hamburg", "Hub Rotterdam"],
        reach: 0.33,
        path: "late",
        checkIns: "6554444",
        notes: {
          2: "{value}. New corner protection for pallets arrived in Hamburg; Rotterdam gets it next week.",
          5: "{value}. Claims from Rotterdam are flat; most of them trace back to mis-sorted parcels handled twice.",
        },
      },
    ],
  },
  {
    key: "cost",
    team: company,
    title: "Deliver every parcel for less, without cutting corners",
    description:
      "Fuel and wages went up; our prices cannot follow. We take cost out of how we plan and drive, not out of service or safety.",
    theme: "financial",
    keyResults: [
      {
        title: "Bring cost per parcel down from €3.42 to €3.10",
        kind: "metric",
        start: 3.42,
        target: 3.1,
        unit: "€",
        owner: "Operations",
        contributors: ["Fleet"],
        committed: true,
        reach: 0.53,
        checkIns: "7777788",
        notes: {
          0: "Baseline {value} per parcel, fuel surcharge included.",
          4: "{value}. Fuel prices helped this month; the lasting gain is denser routes in Hamburg.",
        },
      },
      {
        title: "Route optimisation live in 6 of 6 depots",
        kind: "metric",
        start: 0,
        target: 6,
        unit: "depots",
        owner: "Routing & Planning",
        contributors: ["Fleet"],
        path: [0, 0, 0, 1 / 6, 1 / 6, 2 / 6, 3 / 6],
        checkIns: "7766778",
        notes: {
          0: "Rollout plan agreed: Hamburg first, then Bremen, Utrecht, Rotterdam, Antwerp, Düsseldorf.",
          3: "Hamburg live since Monday: the first depot planning with the optimiser.",
          5: "Bremen live. Utrecht next week.",
          6: "Utrecht live: three of six. Its planners asked for a second training day, which we will give.",
        },
      },
      {
        title: "Reduce empty running from 18% to 13% of kilometres",
        kind: "metric",
        start: 18,
        target: 13,
        unit: "%",
        owner: "Fleet",
        contributors: ["Driver Planning"],
        reach: 0.46,
        checkIns: "6665556",
      },
    ],
  },
  {
    key: "connected",
    team: company,
    title: "Make Nordwind the easiest carrier to plug into",
    description:
      "Customers want shipment data in their own systems, not in our portal. We open the network through APIs and make onboarding a matter of days.",
    theme: "internal_process",
    keyResults: [
      {
        title: "Grow accounts using the tracking API weekly from 12 to 40",
        kind: "metric",
        start: 12,
        target: 40,
        unit: "accounts",
        owner: "Technology",
        contributors: ["Tracking Squad"],
        reach: 0.5,
        path: "late",
        checkIns: "7777888",
        notes: {
          2: "v2 endpoints in beta with five accounts; the others wait for the SDK.",
          5: "{value} accounts call the API every week. The Shopify connector brought in six webshops at once.",
        },
      },
      {
        title: "Cut EDI onboarding of a new customer from 21 to 7 days",
        kind: "metric",
        start: 21,
        target: 7,
        unit: "days",
        owner: "Platform Engineering",
        reach: 0.5,
        checkIns: "6666667",
      },
      {
        title: "ETA within ±30 minutes for 85% of stops (from 62%)",
        kind: "metric",
        start: 62,
        target: 85,
        unit: "%",
        owner: "Data & Analytics",
        contributors: ["Tracking Squad#1"],
        reach: 0.4,
        checkIns: "5566655",
        notes: {
          4: "{value}. The model is good in cities and poor on motorway legs; subcontractor GPS arrives late.",
        },
      },
    ],
  },
  {
    key: "drivers",
    team: company,
    title: "Be the employer drivers recommend to their friends",
    description:
      "We lose too many good drivers in their first year. Fix the first 90 days, the schedules and the recognition, and hiring gets easier too.",
    theme: "learning_growth",
    keyResults: [
      {
        title: "Raise 12-month driver retention from 78% to 86%",
        kind: "metric",
        start: 78,
        target: 86,
        unit: "%",
        owner: "People & Culture",
        contributors: ["Driver Planning"],
        committed: true,
        reach: 0.3,
        path: "late",
        checkIns: "6665545",
        notes: {
          3: "{value}. Retention moves slowly by nature; the leading signal (90-day attrition) is improving.",
          6: "{value}. Two experienced drivers left Bremen for a competitor paying €1.20 an hour more. Pay review is outside this OKR.",
        },
      },
      {
        title: "Hire 15 drivers through employee referrals",
        kind: "metric",
        start: 0,
        target: 15,
        unit: "hires",
        owner: "People & Culture#1",
        reach: 0.47,
        checkIns: "6677777",
      },
      {
        title: "Cut the time from contract to first solo route from 19 to 10 days",
        kind: "metric",
        start: 19,
        target: 10,
        unit: "days",
        owner: "Driver Planning",
        reach: 0.56,
        checkIns: "5667777",
      },
    ],
  },
  {
    key: "ops-on-time",
    team: "Operations",
    title: "Make on-time the default, not the heroic effort",
    description:
      "On-time delivery should come from the way hubs and depots run every day, not from a dispatcher saving the evening.",
    theme: "internal_process",
    parents: [["reliable", 0.7]],
    keyResults: [
      {
        title: "Hub departures on schedule from 88% to 97%",
        kind: "metric",
        start: 88,
        target: 97,
        unit: "%",
        owner: "Warehousing",
        reach: 0.56,
        checkIns: "6677777",
      },
      {
        title: "Missed customer cut-offs from 140 to 40 a week",
        kind: "metric",
        start: 140,
        target: 40,
        unit: "a week",
        owner: "Operations#2",
        reach: 0.6,
        checkIns: "7787778",
      },
      {
        title: "Daily operations review running at every hub and depot",
        kind: "milestone",
        owner: "Operations#1",
        doneInWeek: 2,
        checkIns: "677",
        notes: {
          0: "Format agreed: 15 minutes at 07:45, same five numbers everywhere.",
          2: "Done: all hubs and depots run the review; Antwerp joined on Tuesday.",
        },
      },
    ],
  },
  {
    key: "ops-cost",
    team: "Operations",
    title: "Take cost out of every route we drive",
    description: "Denser routes and less fuel per stop, planned rather than hoped for.",
    theme: "financial",
    parents: [["cost", 0.8]],
    keyResults: [
      {
        title: "Raise average stops per route from 118 to 130",
        kind: "metric",
        start: 118,
        target: 130,
        unit: "stops",
        owner: "Fleet",
        contributors: ["Routing & Planning"],
        reach: 0.5,
        checkIns: "6667777",
      },
      {
        title: "Cut fuel cost per 100 km from €38.90 to €36.50",
        kind: "metric",
        start: 38.9,
        target: 36.5,
        unit: "€",
        decimals: 2,
        owner: "Fleet#1",
        reach: 0.35,
        checkIns: "7765555",
        notes: {
          3: "{value}. The eco-driving training reached only half the drivers; the rest are booked for next month.",
        },
      },
    ],
  },
  {
    key: "references",
    team: "Commercial",
    title: "Turn our biggest customers into our loudest references",
    description:
      "Mid-market shippers ask who else trusts us. We want our key accounts to answer for us, because we earned it.",
    theme: "customer",
    parents: [["reliable", 0.5]],
    keyResults: [
      {
        title: "Business reviews held with 20 of 20 key accounts",
        kind: "metric",
        start: 0,
        target: 20,
        unit: "reviews",
        owner: "Key Accounts",
        reach: 0.6,
        checkIns: "7777888",
      },
      {
        title: "Key accounts at risk of leaving from 6 to 2",
        kind: "metric",
        start: 6,
        target: 2,
        unit: "accounts",
        owner: "Commercial#1",
        reach: 0.5,
        path: [0, 0, 0.25, 0.25, 0.25, 0.5, 0.5],
        checkIns: "5566677",
        notes: {
          2: "Brandt Retail off the risk list after their review; they extend for two years.",
          5: "Second account safe. The four left all name Rotterdam pick-up windows.",
        },
      },
      {
        title: "Three key accounts agree to be named references",
        kind: "metric",
        start: 0,
        target: 3,
        unit: "references",
        owner: "Marketing",
        path: [0, 0, 0, 0, 0.33, 0.33, 0.33],
        checkIns: "5555666",
      },
    ],
  },
  {
    key: "open-data",
    team: "Technology",
    title: "Put shipment data wherever our customers work",
    description:
      "Tracking, ETAs and proofs of delivery in our customers' own systems, through APIs that are fast and easy to adopt.",
    theme: "customer",
    parents: [
      ["connected", 0.7],
      ["reliable", 0.2],
    ],
    keyResults: [
      {
        title: "Tracking API p95 latency from 900 ms to 250 ms",
        kind: "metric",
        start: 900,
        target: 250,
        unit: "ms",
        owner: "Tracking Squad",
        reach: 0.7,
        path: "early",
        checkIns: "7888888",
      },
      {
        title: "Integrations set up without an engineer from 10% to 60%",
        kind: "metric",
        start: 10,
        target: 60,
        unit: "%",
        owner: "Integrations Squad",
        reach: 0.3,
        checkIns: "6655566",
      },
      {
        title: "Public API documentation and sandbox launched",
        kind: "milestone",
        owner: "Platform Engineering#1",
        doneInWeek: 4,
        checkIns: "77788",
      },
    ],
  },
  {
    key: "first-time-right",
    team: "Warehousing",
    title: "Get every order right the first time at our hubs",
    description:
      "A wrong pick or a mis-sort costs a re-delivery, a claim and a customer's patience. Both hubs pick and sort right the first time.",
    theme: "internal_process",
    parents: [["ops-on-time", 0.6]],
    keyResults: [
      {
        title: "Raise pick accuracy from 99.1% to 99.7%",
        kind: "metric",
        start: 99.1,
        target: 99.7,
        unit: "%",
        owner: "Hub Rotterdam",
        contributors: ["Hub Hamburg", "Warehousing#1"],
        weight: 2,
        committed: true,
        path: [0, 1 / 6, 1 / 6, 0, -1 / 6, -2 / 6, -1 / 6],
        checkIns: "6654322",
        notes: {
          0: "Baseline {value}. Plan: new scanners and re-slotting in Rotterdam, a pick-by-light pilot in Hamburg.",
          1: "{value}. Hamburg's pick-by-light pilot looks promising.",
          2: "Holding at {value}. The WMS upgrade at Hub Rotterdam moved out by two weeks, and the scanner rollout depends on it.",
          3: "Back to {value}. The Rotterdam night shift still runs the old scanner firmware and mis-picks went up.",
          4: "{value}. Blocked by the WMS upgrade at Hub Rotterdam; waiting on IT for a new go-live date.",
          5: "Down to {value}. Still blocked: IT needs a patch from the WMS vendor before the upgrade can go live. Hamburg alone cannot carry the number.",
          6: "{value}. Escalated to Operations: we need a fixed date from the WMS vendor, or a workaround for the night shift.",
        },
      },
      {
        title: "Cut mis-sorted parcels at Hub Rotterdam from 0.9% to 0.4%",
        kind: "metric",
        start: 0.9,
        target: 0.4,
        unit: "%",
        decimals: 2,
        owner: "Hub Rotterdam#1",
        committed: true,
        path: [0, 0.1, 0.1, 0.06, 0.04, 0.1, 0.1],
        checkIns: "5544332",
        notes: {
          3: "{value}. Mis-sorts up again on the lines that still wait for the WMS upgrade.",
          5: "{value}. Blocked by the WMS upgrade at Hub Rotterdam: sorter rules cannot change until it is live.",
        },
      },
      {
        title: "Scan-to-pack live on all 24 packing lines",
        kind: "percentage",
        owner: "Warehousing#2",
        path: [0.05, 0.1, 0.2, 0.25, 0.25, 0.3, 0.3],
        checkIns: "7765433",
        notes: {
          4: "Hamburg lines done. The Rotterdam lines wait for the WMS upgrade.",
          6: "No change. Without a go-live date for the WMS in Rotterdam we will not finish this quarter.",
        },
      },
    ],
  },
  {
    key: "first-attempt",
    team: "Last Mile",
    title: "Get the first delivery attempt right",
    description:
      "Every second attempt costs us money and the recipient a day. Deliver when people are there.",
    theme: "customer",
    parents: [["ops-on-time", 0.5]],
    keyResults: [
      {
        title: "First-attempt delivery rate from 86% to 92%",
        kind: "metric",
        start: 86,
        target: 92,
        unit: "%",
        owner: "Urban Delivery",
        contributors: ["Last Mile#1"],
        reach: 0.5,
        checkIns: "6667777",
      },
      {
        title: "Recipients choosing a delivery window before dispatch from 8% to 25%",
        kind: "metric",
        start: 8,
        target: 25,
        unit: "%",
        owner: "Last Mile#2",
        reach: 0.62,
        path: "early",
        checkIns: "7788888",
      },
      {
        title: "Parcel lockers at partner locations from 12 to 40",
        kind: "metric",
        start: 12,
        target: 40,
        unit: "lockers",
        owner: "Last Mile#3",
        reach: 0.32,
        checkIns: "66655--",
        notes: {
          4: "{value}. The contract with the petrol-station chain sits with their legal team; no new sites until it is signed.",
        },
      },
    ],
  },
  {
    key: "mid-market",
    team: "Sales",
    title: "Win the mid-market shippers who have outgrown their parcel broker",
    description:
      "Growing webshops and wholesalers with 500–5,000 parcels a day: big enough for a direct contract, small enough to be ignored by the large carriers.",
    theme: "financial",
    parents: [["references", 0.4]],
    keyResults: [
      {
        title: "Sign €2.4m of new annual revenue with mid-market customers",
        kind: "metric",
        start: 0,
        target: 2.4,
        unit: "€m",
        decimals: 1,
        owner: "Sales",
        reach: 0.46,
        path: "late",
        checkIns: "6666567",
      },
      {
        title: "Win rate on qualified proposals from 22% to 30%",
        kind: "metric",
        start: 22,
        target: 30,
        unit: "%",
        owner: "Sales#1",
        reach: 0.25,
        checkIns: "5544455",
        notes: {
          3: "{value}. We lose on price against brokers when the customer has no reliability problem yet.",
        },
      },
    ],
  },
  {
    key: "proactive",
    team: "Customer Success",
    title: "Solve customers' problems before they have to chase us",
    description: "When something goes wrong, the customer hears it from us first, with a fix.",
    theme: "customer",
    parents: [
      ["references", 0.5],
      ["reliable", 0.3],
    ],
    keyResults: [
      {
        title: "Late shipments with a proactive delay notice from 35% to 90%",
        kind: "metric",
        start: 35,
        target: 90,
        unit: "%",
        owner: "Customer Success#1",
        contributors: ["Tracking Squad#2"],
        reach: 0.6,
        path: "late",
        checkIns: "6677788",
      },
      {
        title: "Median time to settle a damage claim from 9 to 4 days",
        kind: "metric",
        start: 9,
        target: 4,
        unit: "days",
        owner: "Customer Success#2",
        reach: 0.4,
        checkIns: "6655666",
      },
      {
        title: "Tickets reopened after closing from 12% to 6%",
        kind: "metric",
        start: 12,
        target: 6,
        unit: "%",
        owner: "Customer Success#3",
        reach: 0.2,
        checkIns: "5556---",
        notes: {
          3: "{value}. New closing checklist drafted; waiting for the support tool change to go live.",
        },
      },
    ],
  },
  {
    key: "benelux",
    team: "Marketing",
    title: "Make Nordwind the name Benelux shippers think of for reliable delivery",
    description: "Fewer campaigns, more proof: customers' own words and numbers.",
    theme: "customer",
    parents: [["references", 0.3]],
    keyResults: [
      {
        title: "Qualified inbound leads from the Benelux from 45 to 90 a month",
        kind: "metric",
        start: 45,
        target: 90,
        unit: "leads",
        owner: "Marketing#1",
        reach: 0.5,
        checkIns: "6677777",
      },
      {
        title: "Share of voice in Benelux logistics media from 6% to 12%",
        kind: "metric",
        start: 6,
        target: 12,
        unit: "%",
        owner: "Marketing#2",
        reach: 0.17,
        checkIns: "665-5--",
      },
      {
        title: "Publish three key-account case studies",
        kind: "metric",
        start: 0,
        target: 3,
        unit: "case studies",
        owner: "Marketing#3",
        path: [0, 0, 0, 0, 0, 0.33, 0.33],
        checkIns: "7766666",
        notes: {
          5: "First case study (Brandt Retail) published. The next two depend on the accounts agreeing to be named.",
        },
      },
    ],
  },
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
  {
    key: "schedules",
    team: "Driver Planning",
    title: "Give drivers schedules they can plan their lives around",
    description: "Shifts known two weeks ahead, fewer last-minute changes, and overtime by choice.",
    theme: "learning_growth",
    parents: [
      ["drivers", 0.4],
      ["ops-cost", 0.3],
    ],
    keyResults: [
      {
        title: "Drivers with shifts published 14 days ahead from 50% to 90%",
        kind: "metric",
        start: 50,
        target: 90,
        unit: "%",
        owner: "Driver Planning#1",
        reach: 0.62,
        checkIns: "6778888",
      },
      {
        title: "Short-notice shift changes from 18 to 8 a week",
        kind: "metric",
        start: 18,
        target: 8,
        unit: "changes",
        owner: "Driver Planning#2",
        reach: 0.5,
        checkIns: "5566677",
      },
      {
        title: "Overtime per driver from 6.5 to 4.5 hours a week",
        kind: "metric",
        start: 6.5,
        target: 4.5,
        unit: "hours",
        owner: "Driver Planning#3",
        reach: 0.25,
        checkIns: "6654444",
        notes: {
          4: "{value}. Two drivers on long-term sick leave in Bremen; the others cover with overtime.",
        },
      },
    ],
  },
  {
    key: "city-centres",
    team: "Urban Delivery",
    title: "Win back the city centres: delivered first time, every time",
    description: "Amsterdam, Rotterdam and Hamburg centres, where vans get stuck and recipients are out.",
    theme: "customer",
    parents: [["first-attempt", 0.7]],
    keyResults: [
      {
        title: "First-attempt rate in Amsterdam, Rotterdam and Hamburg centres from 81% to 90%",
        kind: "metric",
        start: 81,
        target: 90,
        unit: "%",
        owner: "Urban Delivery#1",
        reach: 0.5,
        checkIns: "6667777",
      },
      {
        title: "E-cargo bikes in service from 6 to 20",
        kind: "metric",
        start: 6,
        target: 20,
        unit: "bikes",
        owner: "Urban Delivery#2",
        path: [0, 0, 4 / 14, 4 / 14, 6 / 14, 6 / 14, 8 / 14],
        checkIns: "7777666",
        notes: {
          2: "Four bikes delivered for Amsterdam; riders trained.",
          4: "Two more in Rotterdam. The Hamburg batch is three weeks late at the supplier.",
        },
      },
      {
        title: "Parking fines per 1,000 stops from 3.1 to 1.5",
        kind: "metric",
        start: 3.1,
        target: 1.5,
        unit: "per 1,000 stops",
        owner: "Urban Delivery#3",
        reach: 0.69,
        checkIns: "7788888",
      },
    ],
  },
  {
    key: "returns",
    team: "Returns",
    title: "Make returns a reason for webshops to stay with us",
    description: "Fast refunds for their customers, no paperwork for them.",
    theme: "customer",
    parents: [["first-attempt", 0.3]],
    keyResults: [
      {
        title: "Returns processed within 48 hours from 70% to 90%",
        kind: "metric",
        start: 70,
        target: 90,
        unit: "%",
        owner: "Returns#1",
        reach: 0.8,
        path: "early",
        checkIns: "8888899",
      },
      {
        title: "Return labels printable from the customer portal",
        kind: "milestone",
        owner: "Returns#2",
        doneInWeek: 2,
        checkIns: "788",
      },
    ],
  },
  {
    key: "peak-partner",
    team: "Key Accounts",
    title: "Be the partner our top 20 accounts plan their peak season with",
    description: "Capacity agreed early, one named contact in operations, no surprises in December.",
    theme: "customer",
    parents: [
      ["references", 0.6],
      ["reliable", 0.3],
    ],
    keyResults: [
      {
        title: "Peak-season capacity agreed with 20 of 20 key accounts",
        kind: "metric",
        start: 0,
        target: 20,
        unit: "accounts",
        owner: "Key Accounts#1",
        reach: 0.5,
        checkIns: "6667777",
      },
      {
        title: "Key accounts with a named operations contact from 8 to 20",
        kind: "metric",
        start: 8,
        target: 20,
        unit: "accounts",
        owner: "Key Accounts#2",
        reach: 0.75,
        path: "early",
        checkIns: "7888999",
      },
      {
        title: "Detractors among key-account contacts from 9 to 4",
        kind: "metric",
        start: 9,
        target: 4,
        unit: "contacts",
        owner: "Key Accounts#3",
        reach: 0.4,
        checkIns: "5566555",
      },
    ],
  },
  {
    key: "trusted-tracking",
    team: "Tracking Squad",
    title: "Shipment status customers trust without calling us",
    description: "If the tracking page is right and on time, nobody needs to phone.",
    theme: "customer",
    parents: [
      ["open-data", 0.5],
      ["connected", 0.3],
    ],
    keyResults: [
      {
        title: "Tracking events within 5 minutes of the scan from 71% to 98%",
        kind: "metric",
        start: 71,
        target: 98,
        unit: "%",
        owner: "Tracking Squad#1",
        reach: 0.52,
        checkIns: "6677777",
      },
      {
        title: "Accounts on tracking API v2 from 0 to 25",
        kind: "metric",
        start: 0,
        target: 25,
        unit: "accounts",
        owner: "Tracking Squad#2",
        reach: 0.48,
        path: "late",
        checkIns: "6666777",
      },
      {
        title: "“Where is my parcel” calls from 2,300 to 1,400 a week",
        kind: "metric",
        start: 2300,
        target: 1400,
        unit: "calls",
        owner: "Tracking Squad#3",
        contributors: ["Customer Success#4"],
        reach: 0.45,
        checkIns: "6667777",
      },
    ],
  },
  {
    key: "first-week",
    team: "Integrations Squad",
    title: "New customers ship through us in their first week",
    description: "Connectors for the systems our customers already run, and webhooks they can rely on.",
    theme: "internal_process",
    parents: [["integration-days", 0.7]],
    keyResults: [
      {
        title: "Connectors for Shopify, SAP and Dynamics built and certified",
        kind: "percentage",
        owner: "Integrations Squad#1",
        reach: 0.55,
        checkIns: "6677777",
      },
      {
        title: "Customers live within 7 days of signing from 20% to 60%",
        kind: "metric",
        start: 20,
        target: 60,
        unit: "%",
        owner: "Integrations Squad#2",
        reach: 0.45,
        checkIns: "5566666",
      },
      {
        title: "Webhook delivery success from 97.5% to 99.9%",
        kind: "metric",
        start: 97.5,
        target: 99.9,
        unit: "%",
        owner: "Integrations Squad#3",
        reach: 0.63,
        checkIns: "7777888",
      },
    ],
  },
];

/** Next quarter, in planning: drafts, one still incomplete (the linter's work). */
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
];
