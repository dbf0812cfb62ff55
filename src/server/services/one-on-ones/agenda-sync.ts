/**
 * Keel's own items on a 1:1 agenda (docs/one-on-ones.md, "Generated items"): flagged KRs
 * with the quoted sentence, overdue check-ins, open KPI escalations and KRs whose forecast
 * turned unlikely, all of the report. Synced when the agenda is read and, for a flag, when
 * it is raised; an event is put on a pair's agenda once, ever (its source key).
 */
import type { Queryable } from "../../../db/client.ts";
import type { KeyResultFlagRow } from "../../../db/row-types.ts";
import { todayIn } from "../../../domain/dates.ts";
import { checkInDue, type WeekStart } from "../../../domain/okr/check-in-due.ts";
import { cycleLengthDays } from "../../../domain/okr/expected-progress.ts";
import { forecastKeyResult, seedFrom } from "../../../domain/okr/forecast.ts";
import {
  forecastTurnedUnlikely,
  type GeneratedItem,
  itemsToAdd,
  sourceKeys,
} from "../../../domain/one-on-ones/agenda-items.ts";
import type { Actor } from "../../context.ts";
import { listCheckIns } from "../../repositories/check-in-repository.ts";
import { flagResolversOf } from "../../repositories/key-result-flag-repository.ts";
import { findKeyResult, findObjectiveRow } from "../../repositories/okr-repository.ts";
import { ensureOpenAgenda, insertItems, pairSourceKeys } from "../../repositories/one-on-one-repository.ts";
import {
  openEscalationsOf,
  openFlagsOwnedBy,
  runningKeyResultsOwnedBy,
} from "../../repositories/one-on-one-sources-repository.ts";
import { checkInsExpectedSince } from "../okr/check-in-service.ts";
import { forecastPoints, HISTORY_LIMIT } from "../okr/forecast-service.ts";

type Pair = { managerUserId: string; reportUserId: string };
type Clock = { now: Date; timeZone: string; weekStart: number };

function flagItem(
  flag: { flagId: string; quote: string; confidenceBefore: number; confidenceNow: number },
  keyResult: { id: string; title: string },
): GeneratedItem {
  return {
    kind: "risk_flag",
    sourceKey: sourceKeys.flag(flag.flagId),
    subjectKind: "key_result",
    subjectId: keyResult.id,
    title: `Confidence fell from ${flag.confidenceBefore} to ${flag.confidenceNow} with a blocker: ${keyResult.title}`,
    quote: flag.quote,
  };
}

/**
 * Where a KR owner's flag goes: their manager's 1:1 with them; without a manager, the
 * 1:1 with the lead of the Objective's team (or the nearest lead above); else nowhere.
 */
async function flagAgendaManager(
  q: Queryable,
  organizationId: string,
  ownerUserId: string,
  teamId: string | null,
) {
  const { managerUserId, teamLeadUserId } = await flagResolversOf(q, organizationId, ownerUserId, teamId);
  return managerUserId ?? teamLeadUserId;
}

async function flagCandidates(
  q: Queryable,
  organizationId: string,
  pair: Pair,
  isCurrentManager: boolean,
  reportHasManager: boolean,
) {
  if (!isCurrentManager && reportHasManager) return [];
  const out: GeneratedItem[] = [];
  for (const f of await openFlagsOwnedBy(q, organizationId, pair.reportUserId)) {
    const goesTo = isCurrentManager
      ? pair.managerUserId
      : await flagAgendaManager(q, organizationId, pair.reportUserId, f.objective.teamId);
    if (goesTo === pair.managerUserId) out.push(flagItem(f, f.keyResult));
  }
  return out;
}

/** Overdue check-ins and forecasts that turned unlikely, of the report's running KRs. */
async function keyResultCandidates(q: Queryable, organizationId: string, reportUserId: string, clock: Clock) {
  const today = todayIn(clock.timeZone, clock.now);
  const out: GeneratedItem[] = [];
  for (const kr of await runningKeyResultsOwnedBy(q, organizationId, reportUserId)) {
    const lastCheckInOn = kr.lastCheckInAt ? todayIn(clock.timeZone, kr.lastCheckInAt) : null;
    const due = checkInDue({
      today,
      weekStart: clock.weekStart as WeekStart,
      lastCheckInOn,
      expectedSince: checkInsExpectedSince(
        kr.cycleStartsOn,
        todayIn(clock.timeZone, kr.createdAt),
        kr.activeFrom,
      ),
    });
    if (due.overdue) {
      out.push({
        kind: "overdue_check_in",
        sourceKey: sourceKeys.overdue(kr.id, lastCheckInOn),
        subjectKind: "key_result",
        subjectId: kr.id,
        title: `Check-in overdue (${lastCheckInOn ? `last on ${lastCheckInOn}` : "none yet"}): ${kr.title}`,
        quote: null,
      });
    }
    const turned = await forecastTurn(q, organizationId, kr, clock.timeZone);
    if (turned) {
      out.push({
        kind: "forecast_unlikely",
        sourceKey: sourceKeys.forecast(kr.id, turned.checkInId),
        subjectKind: "key_result",
        subjectId: kr.id,
        title: `Forecast turned unlikely (${Math.round(turned.probability * 100)} % to reach): ${kr.title}`,
        quote: null,
      });
    }
  }
  return out;
}

/**
 * Whether the latest check-in turned a metric KR's forecast from likely to unlikely: the
 * forecast from the history without it against the forecast with it.
 */
async function forecastTurn(
  q: Queryable,
  organizationId: string,
  kr: {
    id: string;
    kind: string;
    startValue: number | null;
    targetValue: number | null;
    cycleStartsOn: string;
    cycleEndsOn: string;
  },
  timeZone: string,
) {
  if (kr.kind !== "metric" || kr.startValue === null || kr.targetValue === null) return null;
  const history = (await listCheckIns(q, organizationId, kr.id, HISTORY_LIMIT)).map((r) => r.checkIn);
  const withValue = history.filter((c) => c.value !== null);
  const latest = withValue[0];
  if (!latest) return null;
  const forecast = (checkIns: typeof history) =>
    forecastKeyResult({
      points: forecastPoints(checkIns, kr.cycleStartsOn, timeZone),
      startValue: kr.startValue as number,
      targetValue: kr.targetValue as number,
      cycleDays: cycleLengthDays({ startsOn: kr.cycleStartsOn, endsOn: kr.cycleEndsOn }),
      seed: seedFrom(kr.id),
    });
  const after = forecast(withValue);
  if (after?.likelihood !== "unlikely") return null;
  const before = forecast(withValue.slice(1));
  if (!forecastTurnedUnlikely(before?.likelihood ?? null, after.likelihood)) return null;
  return { checkInId: latest.id, probability: after.probability };
}

async function escalationCandidates(q: Queryable, organizationId: string, reportUserId: string) {
  return (await openEscalationsOf(q, organizationId, reportUserId)).map(
    (e): GeneratedItem => ({
      kind: "kpi_escalation",
      sourceKey: sourceKeys.escalation(e.id),
      subjectKind: "kpi",
      subjectId: e.kpi.id,
      title: `${e.kpi.name} escalated: ${e.reason === "red" ? "in the red" : "below its floor"} at ${e.value} (period from ${e.periodStart})`,
      quote: null,
    }),
  );
}

async function addGenerated(
  q: Queryable,
  organizationId: string,
  pair: Pair,
  agendaId: string,
  candidates: GeneratedItem[],
  now: Date,
) {
  const fresh = itemsToAdd(candidates, await pairSourceKeys(q, organizationId, pair));
  await insertItems(
    q,
    fresh.map((c) => ({ organizationId, agendaId, ...c, createdAt: now })),
  );
}

/**
 * Puts what is happening to the report onto the pair's open agenda. Everything goes to
 * the report's current manager; a team lead standing in (the report has no manager) gets
 * the flags only, as the flag rule says; a pair that ended gets nothing new.
 */
export async function syncAgenda(
  q: Queryable,
  actor: Actor,
  now: Date,
  pair: Pair,
  agendaId: string,
  standing: { isCurrentManager: boolean; reportHasManager: boolean },
): Promise<void> {
  const org = actor.organizationId;
  const clock = { now, timeZone: actor.timeZone, weekStart: actor.weekStart };
  const candidates = [
    ...(await flagCandidates(q, org, pair, standing.isCurrentManager, standing.reportHasManager)),
    ...(standing.isCurrentManager ? await keyResultCandidates(q, org, pair.reportUserId, clock) : []),
    ...(standing.isCurrentManager ? await escalationCandidates(q, org, pair.reportUserId) : []),
  ];
  await addGenerated(q, org, pair, agendaId, candidates, now);
}

/** A flag was just raised (in the check-in's transaction): it goes onto the next 1:1 of its KR's owner. */
export async function placeFlagOnAgenda(
  q: Queryable,
  organizationId: string,
  flag: KeyResultFlagRow,
  now: Date,
) {
  const kr = await findKeyResult(q, organizationId, flag.keyResultId);
  if (!kr?.ownerUserId) return;
  const row = await findObjectiveRow(q, organizationId, kr.objectiveId);
  const managerUserId = await flagAgendaManager(
    q,
    organizationId,
    kr.ownerUserId,
    row?.objective.teamId ?? null,
  );
  if (!managerUserId || managerUserId === kr.ownerUserId) return;
  const pair = { managerUserId, reportUserId: kr.ownerUserId };
  const agenda = await ensureOpenAgenda(q, organizationId, pair, now);
  await addGenerated(q, organizationId, pair, agenda.id, [flagItem({ ...flag, flagId: flag.id }, kr)], now);
}
