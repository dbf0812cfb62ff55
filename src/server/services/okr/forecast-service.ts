import { daysBetween, todayIn } from "../../../domain/dates.ts";
import { cycleLengthDays } from "../../../domain/okr/expected-progress.ts";
import { forecastKeyResult, MIN_CHECK_INS, seedFrom } from "../../../domain/okr/forecast.ts";
import { notFound } from "../../../shared/errors.ts";
import type { KeyResultForecast } from "../../../shared/schemas/okr-forecasts.ts";
import type { Actor, Deps } from "../../context.ts";
import { authorize } from "../../policies/org-policy.ts";
import { listCheckIns } from "../../repositories/check-in-repository.ts";
import { findKeyResult, findObjectiveRow } from "../../repositories/okr-repository.ts";

/** More check-ins than a weekly cadence gives in two years: the forecast reads them all. */
export const HISTORY_LIMIT = 1_000;
const DAY_MS = 86_400_000;

/**
 * The forecast's points from check-ins (their latest versions): each value on its day of
 * the cycle in the organisation's calendar, plus the time of day, so two check-ins on one
 * day keep their order and count as that day's last. Check-ins without a value are left out.
 */
export function forecastPoints(
  checkIns: ReadonlyArray<{ createdAt: Date; value: number | null }>,
  cycleStartsOn: string,
  timeZone: string,
) {
  return checkIns
    .filter((c) => c.value !== null)
    .map((c) => {
      const at = new Date(c.createdAt);
      const day = daysBetween(cycleStartsOn, todayIn(timeZone, at));
      return { day: day + (at.getTime() % DAY_MS) / DAY_MS, value: c.value as number };
    });
}

/**
 * A metric KR's forecast for its cycle's end, from its check-ins (their latest versions).
 * Values are numbers, not text, so anyone who may see the KR may see its forecast.
 */
export async function keyResultForecast(
  deps: Deps,
  actor: Actor,
  keyResultId: string,
): Promise<KeyResultForecast> {
  authorize(actor, "read");
  const kr = await findKeyResult(deps.db, actor.organizationId, keyResultId);
  if (!kr) throw notFound("That Key Result");
  const row = await findObjectiveRow(deps.db, actor.organizationId, kr.objectiveId);
  if (!row) throw notFound("That Key Result");
  const answer = (reason: KeyResultForecast["reason"]): KeyResultForecast => ({
    keyResultId,
    forecast: null,
    reason,
  });
  if (kr.kind !== "metric" || kr.startValue === null || kr.targetValue === null) return answer("not_metric");
  if (kr.startValue === kr.targetValue) return answer("no_direction");
  const today = todayIn(actor.timeZone, deps.now());
  if (today > row.cycleEndsOn || row.cycleState === "closed") return answer("cycle_ended");

  const checkIns = await listCheckIns(deps.db, actor.organizationId, keyResultId, HISTORY_LIMIT);
  const { cycleStartsOn, cycleEndsOn } = row;
  const points = forecastPoints(
    checkIns.map((r) => r.checkIn),
    cycleStartsOn,
    actor.timeZone,
  );
  if (points.length < MIN_CHECK_INS) return answer("too_few_check_ins");
  const forecast = forecastKeyResult({
    points,
    startValue: kr.startValue,
    targetValue: kr.targetValue,
    cycleDays: cycleLengthDays({ startsOn: cycleStartsOn, endsOn: cycleEndsOn }),
    seed: seedFrom(kr.id),
  });
  if (!forecast) return answer("too_few_check_ins");
  return { keyResultId, forecast: { ...forecast, endsOn: cycleEndsOn }, reason: null };
}
