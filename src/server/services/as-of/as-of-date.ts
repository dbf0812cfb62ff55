/**
 * Resolves `?asOf=YYYY-MM-DD` (docs/as-of.md): the end of that day in the organisation's
 * time zone (for today, everything known so far). A date in the future or before the organisation existed is
 * refused with 400 `validation_failed` on the field `asOf`.
 */
import { endOfDayIn } from "../../../domain/as-of.ts";
import { todayIn } from "../../../domain/dates.ts";
import { fieldError } from "../../../shared/errors.ts";
import type { Actor, Deps } from "../../context.ts";
import { organizationCreatedAt } from "../../repositories/as-of-repository.ts";
import type { OkrClock } from "../okr/okr-presenter.ts";

export type AsOf = {
  /** The date asked for. */
  date: string;
  /** The instant it reads up to: the last millisecond of that day. */
  at: Date;
  /** The OKR clock as it read on that day. */
  clock: OkrClock;
};

export async function resolveAsOf(deps: Deps, actor: Actor, date: string): Promise<AsOf> {
  const now = deps.now();
  const today = todayIn(actor.timeZone, now);
  if (date > today) {
    throw fieldError("asOf", `is in the future: the latest date to show is today, ${today}`);
  }
  const created = await organizationCreatedAt(deps.db, actor.organizationId);
  const firstDay = created ? todayIn(actor.timeZone, created) : today;
  if (date < firstDay) {
    throw fieldError("asOf", `is before ${actor.orgName} existed: the earliest date to show is ${firstDay}`);
  }
  const at = endOfDayIn(actor.timeZone, date);
  return {
    date,
    at,
    clock: { today: date, timeZone: actor.timeZone, settings: actor.okrStatusSettings, now: at },
  };
}
