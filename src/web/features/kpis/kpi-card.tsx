import { IconAlertOctagon, IconPlugConnected, IconUser } from "@tabler/icons-react";
import type { CSSProperties } from "react";
import { Link } from "react-router";
import "./kpi-card.css";
import { formatKpiValue, kpiStatusFill, periodName, targetLabel } from "./kpi-format.ts";
import { KpiStatusBadge, TrendArrow } from "./kpi-status.tsx";
import { UnusualBadge } from "./kpi-unusual.tsx";
import type { Kpi, KpiCard as KpiCardData } from "./kpis-api.ts";
import { Sparkline } from "./sparkline.tsx";

/** An open escalation on a KPI: red while nobody took it, orange once acknowledged. */
export function EscalationBadge({ slug, escalation }: { slug: string; escalation: Kpi["openEscalation"] }) {
  if (!escalation) return null;
  const acknowledged = escalation.state === "acknowledged";
  const look = acknowledged
    ? {
        "--keel-badge-bg": "var(--mantine-color-orange-light)",
        "--keel-badge-color": "var(--mantine-color-orange-light-color)",
      }
    : {
        "--keel-badge-bg": "var(--mantine-color-red-filled)",
        "--keel-badge-color": "var(--mantine-color-white)",
      };
  return (
    <Link
      to={`/o/${slug}/escalations/${escalation.id}`}
      className="keel-badge"
      style={look as CSSProperties}
      data-testid="escalation-badge"
      title={`${escalation.reason === "floor" ? "Fell through a cycle's floor" : "Crossed its red threshold"}; ${acknowledged ? "someone is on it" : "waiting for someone to acknowledge it"}`}
    >
      <IconAlertOctagon size={12} aria-hidden />
      {acknowledged ? "Escalation acknowledged" : "Escalated"}
    </Link>
  );
}

/**
 * One KPI on a team's board: value, target, status, trend, the last periods, escalation.
 *
 * Plain elements and the classes in kpi-card.css rather than Mantine's layout components:
 * the company board draws every KPI of the organisation at once, and on a phone each card's
 * component layers added up to most of the board's blocking time (docs/benchmarks.md).
 */
export function KpiCard({ slug, kpi }: { slug: string; kpi: KpiCardData }) {
  const status = kpi.current.status;
  const target = kpi.bandsInForce?.target ?? null;
  const connectorFailed = kpi.connector?.lastOutcome === "failed";
  return (
    <div
      className="keel-kpi-card"
      data-testid="kpi-card"
      data-kpi-key={kpi.key}
      style={{ borderLeftColor: kpiStatusFill(status) }}
    >
      <div className="keel-kpi-card-head">
        <Link to={`/o/${slug}/kpis/${kpi.id}`} className="keel-kpi-card-name" data-testid="kpi-card-name">
          {kpi.name}
        </Link>
        <div className="keel-kpi-card-line keel-kpi-card-dim">
          <IconUser size={12} aria-hidden />
          <span className="keel-kpi-card-truncate">{kpi.ownerName}</span>
          {kpi.connector && (
            <IconPlugConnected
              size={12}
              role="img"
              color={connectorFailed ? "var(--mantine-color-red-filled)" : undefined}
              aria-label={connectorFailed ? "Connector: last run failed" : "Fed by a connector"}
            />
          )}
        </div>
      </div>
      <div className="keel-kpi-card-figures">
        <div className="keel-kpi-card-head">
          <div className="keel-kpi-card-line">
            <span className="keel-kpi-card-value keel-num" data-testid="kpi-card-value">
              {formatKpiValue(kpi.current.value, kpi)}
            </span>
            <TrendArrow kpi={kpi} size={18} />
          </div>
          <span className="keel-kpi-card-dim keel-kpi-card-small keel-kpi-card-truncate keel-num">
            {targetLabel(kpi)}
          </span>
        </div>
        <KpiStatusBadge status={status} />
      </div>
      <Sparkline
        points={kpi.sparkline}
        status={status}
        target={target}
        label={`${kpi.name}, last periods`}
        width={260}
        height={34}
      />
      <div className="keel-kpi-card-foot">
        <span className="keel-kpi-card-dim keel-kpi-card-small keel-kpi-card-truncate">
          {kpi.current.periodStart ? periodName(kpi.current.periodStart, kpi.frequency) : "No period yet"}
          {kpi.formula ? " · formula" : ""}
        </span>
        <UnusualBadge kpi={kpi} />
        <EscalationBadge slug={slug} escalation={kpi.openEscalation} />
      </div>
    </div>
  );
}
