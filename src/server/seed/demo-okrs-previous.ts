/**
 * The demo's previous quarter: closed, every KR scored (mostly 0.4–0.8, the Returns squad
 * at 1.0 on everything), outcomes and retrospectives written. Where a KR ended is where
 * this quarter's matching KR starts (on-time 91.2%, pick accuracy 99.1%…). The company's
 * and divisions' Objectives are here, those of the departments and squads in
 * demo-okrs-previous-teams.ts.
 */
import type { DemoObjective } from "./demo-okrs.ts";
import { previousTeamOkrs } from "./demo-okrs-previous-teams.ts";
import { demoCompanyName as company } from "./demo-structure.ts";

/** Thirteen weekly check-ins per KR; "-" is a week without one. */
export const previousCycleOkrs: DemoObjective[] = [
  {
    key: "full-speed",
    team: company,
    title: "Get the network back to full speed after the Rotterdam hub move",
    description:
      "The new Rotterdam hub is bigger and better placed, and for now slower. This quarter it earns its keep.",
    theme: "internal_process",
    outcome: "achieved",
    retrospective:
      "Rotterdam is back to 96% of its old throughput and on-time delivery recovered to 91.2%. What worked: the daily ops call and moving the evening wave forward. What did not: damage claims fell more slowly than throughput rose, because the new hub handles parcels twice when sorting goes wrong. On-time carries on into next quarter with a higher target.",
    keyResults: [
      {
        title: "Recover on-time delivery from 87.5% to 92%",
        kind: "metric",
        start: 87.5,
        target: 92,
        unit: "%",
        owner: "Operations",
        weight: 2,
        committed: true,
        reach: 0.82,
        path: "late",
        checkIns: "5556667777788",
        notes: {
          0: "Starting at {value}. Rotterdam alone costs us three points.",
          12: "Final: {value}. Short of 92%, but the trend has held for six weeks.",
        },
      },
      {
        title: "Hub Rotterdam throughput from 31,000 to 42,000 parcels a day",
        kind: "metric",
        start: 31000,
        target: 42000,
        unit: "parcels a day",
        owner: "Hub Rotterdam",
        reach: 0.86,
        checkIns: "4556677788888",
        notes: {
          5: "{value}. Second sorter line running since Tuesday.",
        },
      },
      {
        title: "Damage claims from 5.6 to 4.5 per 1,000 shipments",
        kind: "metric",
        start: 5.6,
        target: 4.5,
        unit: "per 1,000 shipments",
        owner: "Warehousing",
        reach: 0.73,
        checkIns: "6665555666666",
      },
    ],
  },
  {
    key: "voice",
    team: company,
    title: "Hear our key accounts before they have to shout",
    description: "Ask our 20 largest customers what would make them stay, and show them we listened.",
    theme: "customer",
    outcome: "missed",
    retrospective:
      "The interviews were the most useful thing we did all quarter: almost every account named missed pick-up windows. NPS moved only seven points because the fixes landed in the last three weeks. Continued this quarter as the reliability Objective, with the key-account NPS as one of its KRs.",
    keyResults: [
      {
        title: "Interview all 20 key accounts and share the findings company-wide",
        kind: "milestone",
        owner: "Commercial",
        doneInWeek: 9,
        checkIns: "7777666677",
        notes: {
          4: "14 of 20 interviews done. Pick-up windows come up in nearly every one.",
          9: "Done: findings presented at the all-hands on Thursday.",
        },
      },
      {
        title: "Key-account NPS from 24 to 40",
        kind: "metric",
        start: 24,
        target: 40,
        unit: "points",
        owner: "Key Accounts",
        reach: 0.44,
        path: "late",
        checkIns: "6655554444455",
      },
      {
        title: "Key-account complaints open longer than 5 days from 18 to 5",
        kind: "metric",
        start: 18,
        target: 5,
        unit: "complaints",
        owner: "Customer Success",
        reach: 0.62,
        checkIns: "6666677776666",
      },
    ],
  },
  {
    key: "foundations",
    team: company,
    title: "Lay the foundations for a connected network",
    description: "APIs, data and planning tools we will build on for the next two years.",
    theme: "internal_process",
    outcome: "achieved",
    retrospective:
      "The tracking API beta and the data warehouse landed; the route optimisation pilot did not start in time because the vendor contract took eight weeks instead of three. The pilot moved into this quarter and is live in Hamburg.",
    keyResults: [
      {
        title: "Pilot customers on the tracking API beta: 10",
        kind: "metric",
        start: 0,
        target: 10,
        unit: "customers",
        owner: "Technology",
        reach: 0.9,
        path: "late",
        checkIns: "7777777888888",
      },
      {
        title: "Route optimisation pilot running in one depot",
        kind: "milestone",
        owner: "Routing & Planning",
        checkIns: "7776655444333",
        notes: {
          5: "Vendor contract still with Legal; pilot date at risk.",
          9: "Contract signed this week. Integration starts now; the pilot will slip into next quarter.",
        },
        score: 0.4,
        scoreComment:
          "Not live, but the vendor contract and the data integration are done; the pilot starts in week 2 of next quarter.",
      },
      {
        title: "Data warehouse migration complete",
        kind: "percentage",
        owner: "Data & Analytics",
        reach: 0.8,
        checkIns: "6666777777777",
      },
    ],
  },
  {
    key: "rotterdam-boring",
    team: "Operations",
    title: "Make Rotterdam boring again",
    description: "No heroics, no daily fire-fighting: a hub that runs to plan.",
    theme: "internal_process",
    parents: [["full-speed", 0.7]],
    outcome: "achieved",
    retrospective:
      "Overtime and departures both improved steadily once the second sorter line ran. The remaining gap is the night shift, which is where this quarter's pick-accuracy work starts.",
    keyResults: [
      {
        title: "Overtime at Hub Rotterdam from 9.5 to 5 hours per person a week",
        kind: "metric",
        start: 9.5,
        target: 5,
        unit: "hours",
        owner: "Hub Rotterdam#1",
        reach: 0.76,
        checkIns: "5556666777777",
      },
      {
        title: "Trucks leaving Rotterdam on schedule from 71% to 90%",
        kind: "metric",
        start: 71,
        target: 90,
        unit: "%",
        owner: "Hub Rotterdam#2",
        reach: 0.68,
        checkIns: "5566666667777",
      },
    ],
  },
  ...previousTeamOkrs,
];
