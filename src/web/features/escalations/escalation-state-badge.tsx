import { IconAlertOctagon, IconCircleCheck, IconEye } from "@tabler/icons-react";
import { StatusBadge } from "../../components/status-badge.tsx";
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

const plain = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** The value that opened it, with its unit (the escalation carries no decimals or currency). */
export function escalationValue(e: Pick<Escalation, "value" | "kpi">): string {
  const text = plain.format(e.value);
  if (e.kpi.unit === "percent") return `${text} %`;
  if (e.kpi.unit === "duration") return `${text} h`;
  return text;
}
