import { IconAlertTriangle, IconHeartbeat } from "@tabler/icons-react";
import { StatusBadge } from "../../components/status-badge.tsx";
import type { Objective } from "../../lib/types.ts";

/**
 * Shown wherever an Objective is listed when one of its health KPIs is red (or amber): the
 * Objective's own status comes from its KRs, so this says what it may be breaking.
 */
export function HealthAlertBadge({ alert }: { alert: Objective["healthAlert"] }) {
  if (!alert) return null;
  const red = alert === "red";
  return (
    <span data-testid="health-alert" data-alert={alert} style={{ display: "inline-flex" }}>
      <StatusBadge
        color={red ? "red" : "yellow"}
        icon={red ? <IconHeartbeat size={12} /> : <IconAlertTriangle size={12} />}
        title={
          red ? "A KPI this Objective must not break is red" : "A KPI this Objective must not break is amber"
        }
      >
        {red ? "Health KPI red" : "Health KPI amber"}
      </StatusBadge>
    </span>
  );
}
