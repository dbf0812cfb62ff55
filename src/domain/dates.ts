/** Calendar dates (YYYY-MM-DD) as seen in an organisation's time zone. */

// Building an Intl formatter costs about a millisecond; pages ask for thousands of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function todayIn(timeZone: string, now: Date): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-CA formats as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(now);
}

// Boards and batches step the same few dates by the same few days over and over.
const shiftedDates = new Map<string, string>();

export function addDays(date: string, days: number): string {
  const key = `${date}|${days}`;
  let shifted = shiftedDates.get(key);
  if (shifted === undefined) {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    shifted = d.toISOString().slice(0, 10);
    if (shiftedDates.size >= 8192) shiftedDates.clear();
    shiftedDates.set(key, shifted);
  }
  return shifted;
}

// Status rules count days between the same few dates thousands of times per page.
const dayNumbers = new Map<string, number>();

/** Days since 1970-01-01 of a YYYY-MM-DD date (NaN when it is not one). */
function dayNumber(date: string): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    n = Date.parse(`${date}T00:00:00Z`) / 86_400_000;
    if (dayNumbers.size >= 4096) dayNumbers.clear();
    dayNumbers.set(date, n);
  }
  return n;
}

export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}
