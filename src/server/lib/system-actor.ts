import { resolveStatusSettings, type StatusSettings } from "../../domain/okr/status-settings.ts";
import type { Actor } from "../context.ts";

/**
 * The actor for changes Keel makes by itself (a scheduled connector run, an escalation
 * opening or closing on a recompute): the audit log shows them as done by "Keel", with
 * no person and no token behind them.
 */
export function systemActor(
  org: {
    id: string;
    slug: string;
    name: string;
    timeZone: string;
    weekStart: number;
    fiscalYearStartMonth: number;
    okrSettings: unknown;
  },
  job: string,
): Actor {
  return {
    organizationId: org.id,
    orgSlug: org.slug,
    orgName: org.name,
    timeZone: org.timeZone,
    weekStart: org.weekStart,
    fiscalYearStartMonth: org.fiscalYearStartMonth,
    okrStatusSettings: resolveStatusSettings((org.okrSettings ?? {}) as Partial<StatusSettings>),
    role: "owner",
    userId: null,
    tokenId: null,
    label: "Keel",
    requestId: `job:${job}`,
  };
}
