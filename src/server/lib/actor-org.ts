import { resolveStatusSettings, type StatusSettings } from "../../domain/okr/status-settings.ts";
import type { Actor } from "../context.ts";

/** An organisation as its row holds it: what an actor needs of it. */
export type ActorOrgRow = {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  weekStart: number;
  fiscalYearStartMonth: number;
  /** The stored OKR status overrides (jsonb; null until an admin changes a band). */
  okrSettings: unknown;
};

/** The stored OKR status overrides over the documented defaults. */
export function statusSettingsOf(stored: unknown): StatusSettings {
  return resolveStatusSettings((stored ?? {}) as Partial<StatusSettings>);
}

/**
 * The organisation's part of an actor: which tenant it acts in, and the calendar and
 * status bands that every page computes with, read once with the organisation.
 */
export function actorOrg(
  org: ActorOrgRow,
): Pick<
  Actor,
  | "organizationId"
  | "orgSlug"
  | "orgName"
  | "timeZone"
  | "weekStart"
  | "fiscalYearStartMonth"
  | "okrStatusSettings"
> {
  return {
    organizationId: org.id,
    orgSlug: org.slug,
    orgName: org.name,
    timeZone: org.timeZone,
    weekStart: org.weekStart,
    fiscalYearStartMonth: org.fiscalYearStartMonth,
    okrStatusSettings: statusSettingsOf(org.okrSettings),
  };
}
