import type { KeyResult, Objective } from "../../lib/types.ts";

// Realistic test data for the OKR helpers' unit tests (not shipped: only tests import it).
let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;

export function buildKeyResult(extra: Partial<KeyResult> = {}): KeyResult {
  return {
    id: id(),
    objectiveId: "objective",
    title: "On-time delivery rate from 91 % to 97 %",
    kind: "metric",
    ownerUserId: "u-ada",
    ownerName: "Ada Admin",
    contributorUserIds: [],
    startValue: 91,
    targetValue: 97,
    currentValue: 93.9,
    done: false,
    unit: "%",
    direction: "increase",
    weight: 1,
    commitment: "aspirational",
    position: 0,
    progress: 0.4833,
    status: "on_track",
    lastConfidence: 7,
    lastCheckInAt: "2026-11-13T10:00:00.000Z",
    finalScore: null,
    scoreComment: null,
    needsNewTarget: false,
    activeFrom: "2026-10-01",
    kpi: null,
    flag: null,
    archived: false,
    can: { edit: true, checkIn: true },
    version: 3,
    ...extra,
  };
}

export function buildObjective(extra: Partial<Objective> = {}): Objective {
  return {
    id: id(),
    cycleId: "cycle-q4",
    teamId: "team-ops",
    teamName: "Operations",
    ownerUserId: "u-henrik",
    ownerName: "Henrik Brandt",
    title: "Cut late deliveries in the last mile",
    description: "",
    healthKpiIds: [],
    healthKpis: [],
    healthAlert: null,
    themeId: null,
    state: "active",
    outcome: null,
    visibility: "organization",
    position: 0,
    grade: null,
    retrospective: null,
    progress: 0.68,
    expectedProgress: 0.55,
    status: "on_track",
    cycleName: "Q4 2026",
    cycleState: "active",
    cycleStarted: true,
    keyResults: [],
    parents: [],
    archived: false,
    restricted: false,
    can: { edit: true, align: true, grade: true },
    version: 2,
    ...extra,
  };
}
