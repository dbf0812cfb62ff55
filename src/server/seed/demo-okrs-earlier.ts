/**
 * The quarter before last: closed and graded, a short history of two teams so the coach
 * has two closed cycles to read. The Returns squad met every KR here too (the 72-hour share
 * rose from 60% to the 66% last quarter started from), which makes two perfect quarters in
 * a row: its draft for next quarter draws `sandbagging`. Operations' quarter (the
 * Rotterdam hub move) ended as most do, part met.
 */
import type { DemoObjective } from "./demo-okrs.ts";

/** Thirteen weekly check-ins per KR; "-" is a week without one. */
export const earlierCycleOkrs: DemoObjective[] = [
  {
    key: "returns-backlog",
    team: "Returns",
    title: "Clear the returns backlog before it reaches the webshops' customers",
    description: "Returns pile up at the hubs for a week or more; webshops refund late and blame us.",
    theme: "customer",
    outcome: "achieved",
    retrospective:
      "Every KR met, two of them by week six. We set the targets where we knew the extra Saturday shift would take us; next quarter should ask for more than one shift can give.",
    keyResults: [
      {
        title: "Returns processed within 72 hours from 60% to 66%",
        kind: "metric",
        start: 60,
        target: 66,
        unit: "%",
        owner: "Returns#1",
        reach: 1.1,
        path: "early",
        checkIns: "7788899999999",
      },
      {
        title: "Returns older than 7 days at the hubs from 1,800 to 600",
        kind: "metric",
        start: 1800,
        target: 600,
        unit: "parcels",
        owner: "Returns#3",
        reach: 1.05,
        checkIns: "7777888899999",
      },
      {
        title: "Saturday returns shift staffed at both hubs",
        kind: "milestone",
        owner: "Returns#2",
        doneInWeek: 4,
        checkIns: "88889",
      },
    ],
  },
  {
    key: "rotterdam-ready",
    team: "Operations",
    title: "Open the new Rotterdam hub without losing a day of deliveries",
    description: "The move from the old site happens over one weekend; customers should not notice.",
    theme: "internal_process",
    outcome: "missed",
    retrospective:
      "We moved on the planned weekend and lost no day of deliveries, but the new hub started at two thirds of the old one's throughput. Getting it back to full speed is next quarter's company Objective.",
    keyResults: [
      {
        title: "Parcels delivered late in the week of the move from 9% to 3%",
        kind: "metric",
        start: 9,
        target: 3,
        unit: "%",
        owner: "Operations",
        reach: 0.7,
        checkIns: "6666655556666",
      },
      {
        title: "Hub Rotterdam throughput in the first month at 40,000 parcels a day from 0",
        kind: "metric",
        start: 0,
        target: 40000,
        unit: "parcels a day",
        owner: "Hub Rotterdam",
        reach: 0.78,
        path: "late",
        checkIns: "5555544444555",
      },
    ],
  },
];
