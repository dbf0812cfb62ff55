import { isoDay } from "../../../shared/charts/kpi-geometry.ts";

const DAY = 86_400_000;

export type RangeKey = "1y" | "2y" | "5y" | "all";

/** The series query of a range ending today; "all" asks from far back. */
export function rangeQuery(range: RangeKey, today: string): { from: string; to: string } {
  if (range === "all") return { from: "1970-01-01", to: today };
  const years = range === "1y" ? 1 : range === "2y" ? 2 : 5;
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const from = new Date(Date.UTC(y - years, m - 1, d) + DAY);
  return { from: isoDay(from.getTime()), to: today };
}
