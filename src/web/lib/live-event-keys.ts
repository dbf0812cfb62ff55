import type { LiveEvent } from "../../shared/schemas/live-events.ts";

/**
 * Which cached queries a live event makes stale, by the prefixes the features key their
 * queries with (query-keys.ts, kpis-api.ts): invalidating a prefix refetches the open
 * pages under it and marks the rest stale for when they are next shown.
 */
export function staleKeysFor(slug: string, event: Pick<LiveEvent, "type">): string[][] {
  const okrs = ["org", slug, "okrs"];
  const kpis = ["org", slug, "kpis"];
  switch (event.type) {
    case "check_in.created":
    case "key_result.flagged":
      return [okrs];
    // Boards, KPI pages and the KRs that read a KPI's values.
    case "kpi.values_changed":
    case "kpi.status_changed":
      return [kpis, okrs];
    // Escalations are keyed under the KPIs (lists, badges, the KPI's open escalation).
    case "escalation.opened":
    case "escalation.acknowledged":
    case "escalation.resolved":
      return [kpis];
    case "cycle.closed":
      return [["org", slug, "cycles"], okrs];
    default:
      return [["org", slug]];
  }
}
