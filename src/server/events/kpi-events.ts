/** The KPI side's events: escalations, status changes and values, worded for webhooks. */
import type { Escalation } from "../../shared/schemas/escalations.ts";
import type { OrgEvent } from "./org-events.ts";

type EscalationBrief = Pick<Escalation, "id" | "state" | "reason" | "periodStart" | "value"> & {
  kpi: { id: string; name: string; teamId: string | null };
};

export function escalationEvent(
  type: "escalation.opened" | "escalation.acknowledged" | "escalation.resolved",
  organizationId: string,
  escalation: EscalationBrief,
  text: string,
  at: Date,
): OrgEvent {
  return {
    type,
    organizationId,
    subject: { kind: "escalation", id: escalation.id },
    ids: { escalationId: escalation.id, kpiId: escalation.kpi.id },
    text,
    data: {
      kpiName: escalation.kpi.name,
      teamId: escalation.kpi.teamId,
      state: escalation.state,
      reason: escalation.reason,
      periodStart: escalation.periodStart,
      value: escalation.value,
    },
    at,
  };
}

export function kpiStatusChangedEvent(
  organizationId: string,
  kpi: { id: string; name: string },
  change: { from: string | null; to: string | null; periodStart: string; value: number },
  at: Date,
): OrgEvent {
  return {
    type: "kpi.status_changed",
    organizationId,
    subject: { kind: "kpi", id: kpi.id },
    ids: { kpiId: kpi.id },
    text: `"${kpi.name}" is now ${change.to ?? "without a status"} (was ${change.from ?? "without a status"}): ${change.value} for the period starting ${change.periodStart}.`,
    data: { kpiName: kpi.name, ...change },
    at,
  };
}

/** Live only: pages showing the KPI's values refetch them. */
export function kpiValuesChangedEvent(organizationId: string, kpiId: string, at: Date): OrgEvent {
  return {
    type: "kpi.values_changed",
    organizationId,
    subject: { kind: "kpi", id: kpiId },
    ids: { kpiId },
    text: "",
    at,
  };
}
