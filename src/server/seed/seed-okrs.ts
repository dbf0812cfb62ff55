import { randomUUID } from "node:crypto";
import type { Queryable } from "../../db/client.ts";
import { addDays, todayIn } from "../../domain/dates.ts";
import { type WeekStart, weekStartOf } from "../../domain/okr/check-in-due.ts";
import { normaliseScore, suggestedScore } from "../../domain/okr/grading.ts";
import { noteSignalsOf } from "../../domain/okr/notes/note-signals.ts";
import { resolveStatusSettings } from "../../domain/okr/status-settings.ts";
import type { Objective } from "../../shared/schemas/okrs.ts";
import type { Actor, Deps } from "../context.ts";
import { listCycles, listThemes } from "../repositories/catalog-repository.ts";
import {
  type BackdatedAuditEvent,
  insertBackdatedAuditEvents,
} from "../repositories/seed/audit-seed-repository.ts";
import {
  gradeAndCloseObjectives,
  insertAlignments,
  insertCheckIns,
  insertContributors,
  insertKeyResults,
  insertObjectives,
  objectivesOfCycle,
  type SeededAlignmentRow,
  type SeededCheckInRow,
  type SeededContributorRow,
  type SeededKeyResultRow,
  type SeededObjectiveRow,
  setKeyResultOutcomes,
} from "../repositories/seed/okr-seed-repository.ts";
import { reviewFlagAfterCheckIn } from "../services/okr/key-result-flag-service.ts";
import { presentObjectives } from "../services/okr/present-objectives.ts";
import { genericNotes } from "./demo-okr-notes.ts";
import {
  at,
  decimalsOf,
  formatValue,
  inputOf,
  type Mode,
  moodOf,
  progressAt,
  storyCalendar,
  tellLastThree,
  valueAt,
} from "./demo-okr-trajectories.ts";
import {
  activeCycleOkrs,
  type DemoKeyResult,
  type DemoObjective,
  planningCycleOkrs,
  type ThemeKey,
} from "./demo-okrs.ts";
import { earlierCycleOkrs } from "./demo-okrs-earlier.ts";
import { previousCycleOkrs } from "./demo-okrs-previous.ts";
import { type DemoPlan, demoAuditEvents, demoRefs, seededRandom } from "./seed-demo.ts";

type CycleRow = Awaited<ReturnType<typeof listCycles>>[number];

type PlannedKeyResult = {
  /** The KR as created: no check-in yet. */
  row: SeededKeyResultRow;
  checkIns: SeededCheckInRow[];
  /** From the newest check-in. */
  latest: { currentValue: number | null; done: boolean; lastConfidence: number; lastCheckInAt: Date } | null;
  suggested: number | null;
  finalScore: number | null;
  scoreComment: string | null;
  /** Its last three check-ins tell the risk-flag story (`lastThree`). */
  flagStory: boolean;
};

/**
 * Seeds the demo's OKRs inside the demo's setup transaction: the two quarters before this
 * one graded and closed, this quarter seven weeks in with weekly check-ins (some KRs stale, one
 * Objective off track), drafts for next quarter. One INSERT per table (in batches), the
 * KRs' latest values set in one UPDATE, and audit events for what was created and graded.
 */
export async function seedDemoOkrs(tx: Queryable, deps: Deps, actor: Actor, plan: DemoPlan): Promise<void> {
  const organizationId = actor.organizationId;
  const random = seededRandom(20261124);
  const { person, teamId } = demoRefs(plan, "demo OKRs");

  const cycleRows = await listCycles(tx, organizationId);
  const cycleIn = (state: CycleRow["state"]) => {
    const c = cycleRows.find((r) => r.state === state);
    if (!c) throw new Error(`demo OKRs: no ${state} cycle`);
    return c;
  };
  const themeRows = await listThemes(tx, organizationId);
  const themeId = (key: ThemeKey) => themeRows.find((t) => t.perspective === key)?.id ?? null;
  const today = todayIn(actor.timeZone, deps.now());

  const objectiveRows: SeededObjectiveRow[] = [];
  const alignmentRows: SeededAlignmentRow[] = [];
  const contributorRows: SeededContributorRow[] = [];
  const planned: PlannedKeyResult[] = [];
  const grades = new Map<string, { def: DemoObjective; grade: number | null; cycle: CycleRow }>();

  const seedCycle = (cycle: CycleRow, mode: Mode, defs: DemoObjective[], createdOn: string) => {
    const ids = new Map(defs.map((d) => [d.key, randomUUID()]));
    // Positions run through the cycle, so a team's page and the whole list keep this order.
    defs.forEach((def, position) => {
      const id = ids.get(def.key)!;
      const createdAt = at(createdOn, 120 + position * 7);
      objectiveRows.push({
        organizationId,
        id,
        cycleId: cycle.id,
        teamId: teamId(def.team),
        ownerUserId: person(def.owner ?? def.team),
        title: def.title,
        description: def.description,
        themeId: themeId(def.theme),
        state: mode === "planning" ? "draft" : "active",
        position,
        createdAt,
        updatedAt: createdAt,
      });
      for (const [parentKey, weight] of def.parents ?? []) {
        const parentId = ids.get(parentKey);
        if (!parentId) throw new Error(`demo OKRs: "${def.key}" aligns to unknown "${parentKey}"`);
        alignmentRows.push({ organizationId, childId: id, parentId, weight, createdAt });
      }
      let weighted = 0;
      let weights = 0;
      def.keyResults.forEach((kr, position) => {
        const p = planKeyResult(kr, id, position, createdAt, cycle, mode);
        planned.push(p);
        if (p.finalScore !== null) {
          weighted += (kr.weight ?? 1) * p.finalScore;
          weights += kr.weight ?? 1;
        }
        for (const ref of kr.contributors ?? []) {
          contributorRows.push({ organizationId, keyResultId: p.row.id, userId: person(ref) });
        }
      });
      if (mode === "closed") {
        grades.set(id, {
          def,
          cycle,
          grade: def.outcome === "dropped" || weights === 0 ? null : normaliseScore(weighted / weights),
        });
      }
    });
  };

  const planKeyResult = (
    kr: DemoKeyResult,
    objectiveId: string,
    position: number,
    createdAt: Date,
    cycle: CycleRow,
    mode: Mode,
  ): PlannedKeyResult => {
    const id = randomUUID();
    const row: PlannedKeyResult["row"] = {
      organizationId,
      id,
      objectiveId,
      title: kr.title,
      kind: kr.kind,
      ownerUserId: kr.owner === null ? null : person(kr.owner),
      startValue: kr.kind === "metric" ? (kr.start ?? null) : null,
      targetValue: kr.kind === "metric" ? (kr.target ?? null) : null,
      currentValue: kr.kind === "metric" ? (kr.start ?? null) : kr.kind === "percentage" ? 0 : null,
      unit: kr.kind === "percentage" ? "%" : (kr.unit ?? ""),
      weight: kr.weight ?? 1,
      commitment: kr.committed ? "committed" : "aspirational",
      position,
      createdAt,
      updatedAt: createdAt,
    };
    const out: PlannedKeyResult = {
      row,
      checkIns: [],
      latest: null,
      suggested: null,
      finalScore: null,
      scoreComment: null,
      flagStory: mode === "active" && kr.lastThree !== undefined,
    };
    if (mode === "planning" || !kr.checkIns) return out;

    const marks = [...kr.checkIns];
    // The active quarter's story is told over seven weeks; the quarter may be 5–10 weeks in,
    // so each real week tells the story week at the same point of the story (stale tails
    // stay stale), and progress is scaled so that it stands as it did against the pace.
    const real = mode === "active" ? activeStory.weeks : marks.map((_, w) => w);
    const storyOf = (week: number) => real[week]!;
    const weeks = real.flatMap((story, week) =>
      marks[story] === undefined || marks[story] === "-" ? [] : [week],
    );
    const scale = mode === "active" ? activeStory.paceScale : 1;
    const progress = progressAt(kr, weeks.map(storyOf), random).map((p) =>
      p >= 1 ? p : Math.min(1, p * scale),
    );
    const authors = [row.ownerUserId!, ...(kr.contributors ?? []).map(person)];
    const weekday = 1 + Math.floor(random() * 4);
    const lastDay = mode === "active" ? addDays(today, -1) : cycle.endsOn;
    let previous: { confidence: number; progress: number } | null = null;
    let lastNote = "";
    const toldNotes = new Set<number>();
    weeks.forEach((week, i) => {
      const story = storyOf(week);
      const confidence = Number(marks[story]);
      const value = valueAt(kr, progress[i]!);
      const done = kr.kind === "milestone" ? kr.doneInWeek !== undefined && story >= kr.doneInWeek : null;
      const jitter = random() < 0.25 ? (random() < 0.5 ? -1 : 1) : 0;
      let day = addDays(cycle.startsOn, week * 7 + Math.max(0, weekday + jitter));
      if (day > lastDay) day = lastDay;
      const shown = value === null ? "" : formatValue(value, row.unit ?? "", decimalsOf(kr));
      // A story week told twice (a longer quarter) keeps its hand-written note the first time.
      let note = toldNotes.has(story) ? undefined : kr.notes?.[story];
      toldNotes.add(story);
      if (note === undefined) {
        const mood = moodOf(kr, i, weeks.length, mode, previous, confidence, progress[i]!, done);
        const pool: readonly string[] = genericNotes[mood];
        let index = Math.floor(random() * pool.length);
        if (pool[index] === lastNote) index = (index + 1) % pool.length;
        const pick = pool[index]!;
        // Some people check in without a word.
        note = mood !== "first" && mood !== "final" && random() < 0.08 ? "" : pick;
      }
      lastNote = note;
      out.checkIns.push({
        organizationId,
        keyResultId: id,
        authorUserId:
          i % 3 === 2 && authors.length > 1 ? authors[1 + (week % (authors.length - 1))]! : authors[0]!,
        value,
        done,
        confidence,
        note: note.replaceAll("{value}", shown),
        createdAt: at(day, Math.floor(random() * 540)),
      });
      previous = { confidence, progress: progress[i]! };
    });

    tellLastThree(kr, out.checkIns, row.unit ?? "");
    // The demo's owner has not checked in yet this week, so "My check-ins" has work to do.
    if (mode === "active" && row.ownerUserId === actor.userId) {
      const thisWeek = weekStartOf(today, actor.weekStart as WeekStart);
      out.checkIns = out.checkIns.filter((c) => todayIn(actor.timeZone, c.createdAt) < thisWeek);
      const newest = out.checkIns.at(-1);
      const friday = addDays(thisWeek, -3);
      if (newest && todayIn(actor.timeZone, newest.createdAt) < friday) newest.createdAt = at(friday, 90);
    }
    const newest = out.checkIns.at(-1);
    if (newest) {
      out.latest = {
        currentValue: newest.value ?? null,
        done: newest.done ?? false,
        lastConfidence: newest.confidence,
        lastCheckInAt: newest.createdAt,
      };
    }
    if (mode === "closed") {
      const current = out.latest ? out.latest.currentValue : (row.currentValue ?? null);
      out.suggested = suggestedScore(inputOf(kr, current, out.latest?.done ?? false));
      out.finalScore = kr.score ?? out.suggested;
      out.scoreComment = kr.scoreComment ?? null;
    }
    return out;
  };

  // Cycles come newest first: the first closed one is last quarter, the next the one before.
  const closed = cycleIn("closed");
  const earlier = cycleRows.filter((r) => r.state === "closed")[1];
  if (!earlier) throw new Error("demo OKRs: no closed cycle before last quarter");
  const active = cycleIn("active");
  const next = cycleIn("planning");
  const activeStory = storyCalendar(active.startsOn, active.endsOn, today);
  seedCycle(closed, "closed", previousCycleOkrs, addDays(closed.startsOn, -6));
  seedCycle(active, "active", activeCycleOkrs, addDays(active.startsOn, -5));
  seedCycle(next, "planning", planningCycleOkrs, addDays(today, -2));
  // Last, so the other quarters' check-ins draw the same random numbers as before it was added.
  seedCycle(earlier, "closed", earlierCycleOkrs, addDays(earlier.startsOn, -6));
  const closedCycles = [earlier, closed];

  // A dropped Objective's KRs stay unscored: grading skips them.
  const dropped = new Set([...grades].filter(([, g]) => g.def.outcome === "dropped").map(([id]) => id));
  for (const p of planned) {
    if (dropped.has(p.row.objectiveId)) {
      p.finalScore = null;
      p.scoreComment = null;
    }
  }

  await insertObjectives(tx, objectiveRows);
  await insertKeyResults(
    tx,
    planned.map((p) => p.row),
  );
  await insertContributors(tx, contributorRows);
  await insertAlignments(tx, alignmentRows);

  // Audit: each Objective and KR as it was when created, before any check-in.
  const audit: BackdatedAuditEvent[] = [];
  const event = demoAuditEvents(actor);
  const createdAtOf = new Map(objectiveRows.map((o) => [o.id, o.createdAt]));
  const present = async (cycleId: string, day: string, ids?: string[]) => {
    const rows = await objectivesOfCycle(tx, organizationId, cycleId, ids);
    const clock = { today: day, timeZone: actor.timeZone, settings: resolveStatusSettings({}) };
    return presentObjectives(tx, actor, clock, rows, { includeArchivedKeyResults: true });
  };
  for (const [cycle, createdOn] of [
    [earlier, addDays(earlier.startsOn, -6)],
    [closed, addDays(closed.startsOn, -6)],
    [active, addDays(active.startsOn, -5)],
    [next, addDays(today, -2)],
  ] as const) {
    for (const o of await present(cycle.id, createdOn)) {
      const when = createdAtOf.get(o.id)!;
      audit.push(event(when, "objective.created", "objective", o.id, o.title, null, o));
      for (const k of o.keyResults) {
        audit.push(event(when, "key_result.created", "key_result", k.id, k.title, null, k));
      }
    }
  }

  // The demo's notes are read as a check-in's are, so its history shows what Keel found.
  await insertCheckIns(
    tx,
    planned.flatMap((p) => p.checkIns.map((c) => ({ ...c, noteSignals: noteSignalsOf(c.note ?? "") }))),
  );

  // The KRs' latest check-in, denormalised, and the closed quarters' final scores.
  const gradedOnOf = (cycle: CycleRow) => addDays(cycle.endsOn, 2);
  const cycleOfObjective = new Map([...grades].map(([id, g]) => [id, g.cycle]));
  await setKeyResultOutcomes(
    tx,
    organizationId,
    planned
      .filter((p) => p.latest !== null || p.finalScore !== null)
      .map((p) => {
        const scored = p.finalScore !== null;
        const l = p.latest;
        return {
          id: p.row.id,
          currentValue: l ? l.currentValue : (p.row.currentValue ?? null),
          done: l?.done ?? false,
          lastConfidence: l?.lastConfidence ?? null,
          lastCheckInAt: l?.lastCheckInAt ?? null,
          finalScore: p.finalScore,
          scoreComment: p.scoreComment,
          version: scored ? 2 : 1,
          updatedAt: scored ? at(gradedOnOf(cycleOfObjective.get(p.row.objectiveId)!), 0) : p.row.createdAt,
        };
      }),
  );

  // The flag its falling confidence raises, read from its check-ins as a new check-in's would be.
  for (const p of planned.filter((k) => k.flagStory && k.latest)) {
    await reviewFlagAfterCheckIn(tx, actor, { id: p.row.id, title: p.row.title }, p.latest!.lastCheckInAt);
  }

  // The closed quarters: graded (outcome, grade, retrospective) and closed, each days after its end.
  for (const cycle of closedCycles) {
    const cycleGrades = [...grades].filter(([, g]) => g.cycle.id === cycle.id);
    if (cycleGrades.length === 0) continue;
    const gradedOn = gradedOnOf(cycle);
    await gradeAndCloseObjectives(
      tx,
      organizationId,
      cycleGrades.map(([id, g]) => ({
        id,
        grade: g.grade,
        outcome: g.def.outcome ?? "missed",
        retrospective: g.def.retrospective ?? null,
      })),
      at(addDays(cycle.endsOn, 4), 60),
    );
    const scoredDay = addDays(cycle.endsOn, 1);
    planned.forEach((p, i) => {
      if (p.finalScore === null || cycleOfObjective.get(p.row.objectiveId)?.id !== cycle.id) return;
      audit.push(
        event(
          at(scoredDay, i),
          "key_result.scored",
          "key_result",
          p.row.id,
          p.row.title,
          { finalScore: null, scoreComment: null },
          { finalScore: p.finalScore, scoreComment: p.scoreComment, suggested: p.suggested },
        ),
      );
    });
    const gradedObjectives: Objective[] = await present(
      cycle.id,
      gradedOn,
      cycleGrades.map(([id]) => id),
    );
    gradedObjectives.forEach((o, i) => {
      audit.push(
        event(
          at(gradedOn, i * 5),
          "objective.graded",
          "objective",
          o.id,
          o.title,
          { grade: null, outcome: null, retrospective: null },
          o,
        ),
      );
    });
  }

  audit.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
  await insertBackdatedAuditEvents(tx, audit);
}
