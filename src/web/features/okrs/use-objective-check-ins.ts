import { useMemo } from "react";
import type { CheckIn, KeyResult } from "../../lib/types.ts";
import { timelineEntries } from "../check-ins/check-in-timeline.tsx";
import { useCheckInHistories } from "../check-ins/check-ins-api.ts";

/** The check-in history of each KR (for its chart) and all of them as one timeline. */
export function useObjectiveCheckIns(slug: string, keyResults: KeyResult[]) {
  const histories = useCheckInHistories(
    slug,
    keyResults.map((k) => k.id),
  );
  const byKr = useMemo(() => {
    const map = new Map<string, CheckIn[]>();
    keyResults.forEach((kr, i) => {
      const items = histories[i]?.data?.items;
      if (items) map.set(kr.id, items);
    });
    return map;
  }, [keyResults, histories]);
  const entries = useMemo(() => timelineEntries(keyResults, byKr), [keyResults, byKr]);
  return { byKr, entries, loading: histories.some((h) => h.isPending) };
}
