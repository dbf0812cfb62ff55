/**
 * "As of" a calendar date (docs/as-of.md): the date means the end of that day in the
 * organisation's time zone, so everything recorded that day, in that zone, is known.
 */

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at this instant, in milliseconds. */
function zoneOffsetMs(timeZone: string, instant: number): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    offsetFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar date (YYYY-MM-DD) begins in a time zone. */
export function startOfDayIn(timeZone: string, date: string): Date {
  const naive = Date.parse(`${date}T00:00:00Z`);
  // Twice: the first guess may sit on the other side of a daylight-saving change.
  let instant = naive - zoneOffsetMs(timeZone, naive);
  instant = naive - zoneOffsetMs(timeZone, instant);
  return new Date(instant);
}

/** The last millisecond of a calendar date in a time zone: "as of" that date reads up to here. */
export function endOfDayIn(timeZone: string, date: string): Date {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return new Date(startOfDayIn(timeZone, next.toISOString().slice(0, 10)).getTime() - 1);
}
