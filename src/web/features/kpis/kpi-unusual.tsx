import { IconActivityHeartbeat } from "@tabler/icons-react";
import type { CSSProperties } from "react";
import type { Kpi } from "./kpis-api.ts";

const look = {
  "--keel-badge-bg": "var(--mantine-color-grape-light)",
  "--keel-badge-color": "var(--mantine-color-grape-light-color)",
} as CSSProperties;

/**
 * "Unusual" when the current value lies far outside what the KPI's own recent values
 * predict, whatever its colour. The word and an icon carry it, not the colour; the reason
 * is in the tooltip and, for screen readers, in the text itself.
 */
export function UnusualBadge({ kpi }: { kpi: Kpi }) {
  const unusual = kpi.current.unusual;
  if (!unusual) return null;
  return (
    <span
      className="keel-badge"
      style={look}
      title={`Unusual: ${unusual.reason}`}
      data-testid="kpi-unusual-badge"
    >
      <IconActivityHeartbeat size={12} aria-hidden />
      Unusual
      <span className="keel-visually-hidden">: {unusual.reason}</span>
    </span>
  );
}

/** The verdict in a sentence, for the KPI's page: the badge and its reason side by side. */
export function UnusualNote({ kpi }: { kpi: Kpi }) {
  const unusual = kpi.current.unusual;
  if (!unusual) return null;
  return (
    <span className="keel-unusual-note" data-testid="kpi-unusual-note">
      <span className="keel-badge" style={look}>
        <IconActivityHeartbeat size={12} aria-hidden />
        Unusual
      </span>
      <span>{unusual.reason}</span>
    </span>
  );
}
