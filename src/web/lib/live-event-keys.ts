import type { LiveEvent } from "../../shared/schemas/live-events.ts";

/**
 * Which cached queries a live event makes stale, by the prefixes the features key their
 * queries with (query-keys.ts, kpis-api.ts): invalidating a prefix refetches the open
 * pages under it and marks the rest stale for when they are next shown.
 */
export function staleKeysFor(slug: string, event: Pick<LiveEvent, "type">): string[][] {
  const okrs = ["org", slug, "okrs"];
  const kpis = ["org", slug, "kpis"];
  // The inbox and personal home: check-ins and values owed, escalations to answer, 1:1 items.
  const my = ["org", slug, "my"];
  // The leadership home (keyed under the OKR area) counts escalations too.
  const leadership = [...okrs, "leadership-home"];
  switch (event.type) {
    case "check_in.created":
    case "key_result.flagged":
      return [okrs, my];
    // Boards, KPI pages and the KRs that read a KPI's values.
    case "kpi.values_changed":
    case "kpi.status_changed":
      return [kpis, okrs, my];
    // Escalations are keyed under the KPIs (lists, badges, the KPI's open escalation).
    case "escalation.opened":
    case "escalation.acknowledged":
    case "escalation.resolved":
      return [kpis, leadership, my];
    case "cycle.closed":
      return [["org", slug, "cycles"], okrs, my];
    default:
      return [["org", slug]];
  }
}
