import type { DemoObjective } from "./demo-okrs.ts";

/**
 * The active quarter: the Operations division's departments (Warehousing, Last Mile),
 * aligned to its Objectives.
 */
export const activeOperationsDepartmentOkrs: DemoObjective[] = [
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
];
