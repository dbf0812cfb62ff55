import { IconAlertOctagon, IconCircleCheck, IconEye } from "@tabler/icons-react";
import { StatusBadge } from "../../components/status-badge.tsx";
import { formatKpiValue } from "../kpis/kpi-format.ts";
import type { Escalation } from "./escalations-api.ts";

const states = {
  open: {
    color: "red",
    label: "Open",
    icon: <IconAlertOctagon size={12} />,
    why: "Nobody has acknowledged it yet",
  },
  acknowledged: {
    color: "orange",
    label: "Acknowledged",
    icon: <IconEye size={12} />,
    why: "Someone is on it; it stays until resolved",
  },
  resolved: {
    color: "green",
    label: "Resolved",
    icon: <IconCircleCheck size={12} />,
    why: "Closed with a resolution",
  },
} as const;

/** Where an escalation stands, in a word and an icon. */
export function EscalationStateBadge({ state }: { state: Escalation["state"] }) {
  const s = states[state];
  return (
    <span data-testid="escalation-state" data-state={state} style={{ display: "inline-flex" }}>
      <StatusBadge color={s.color} icon={s.icon} title={s.why}>
        {s.label}
      </StatusBadge>
    </span>
  );
}

export const reasonLabels: Record<Escalation["reason"], string> = {
  red: "Turned red",
  floor: "Fell through the floor",
};

/** The value that opened it, written like every other value of its KPI ("€1,240,000", "93.5 %"). */
export function escalationValue(e: Pick<Escalation, "value" | "kpi">): string {
  return formatKpiValue(e.value, e.kpi);
}
