/** The strategy board's counts: each one is the number of rows it summarises. */

export type KpiStatusWord = "green" | "amber" | "red" | "no_data" | null;
export type ObjectiveStatusWord = "not_started" | "on_track" | "at_risk" | "off_track" | "stale" | "draft";

export type KpiCounts = { green: number; amber: number; red: number; noData: number; noTarget: number };
export type ObjectiveCounts = {
  onTrack: number;
  atRisk: number;
  offTrack: number;
  stale: number;
  notStarted: number;
  draft: number;
};

const kpiField = {
  green: "green",
  amber: "amber",
  red: "red",
  no_data: "noData",
} as const satisfies Record<Exclude<KpiStatusWord, null>, keyof KpiCounts>;

const objectiveField = {
  on_track: "onTrack",
  at_risk: "atRisk",
  off_track: "offTrack",
  stale: "stale",
  not_started: "notStarted",
  draft: "draft",
} as const satisfies Record<ObjectiveStatusWord, keyof ObjectiveCounts>;

/** KPIs by status; a KPI without a target in force counts as "no target". */
export function countKpis(statuses: Iterable<KpiStatusWord>): KpiCounts {
  const counts: KpiCounts = { green: 0, amber: 0, red: 0, noData: 0, noTarget: 0 };
  for (const status of statuses) counts[status === null ? "noTarget" : kpiField[status]]++;
  return counts;
}

/** Objectives by status word. */
export function countObjectives(statuses: Iterable<ObjectiveStatusWord>): ObjectiveCounts {
  const counts: ObjectiveCounts = { onTrack: 0, atRisk: 0, offTrack: 0, stale: 0, notStarted: 0, draft: 0 };
  for (const status of statuses) counts[objectiveField[status]]++;
  return counts;
}
