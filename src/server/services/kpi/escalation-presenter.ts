import type { Escalation } from "../../../shared/schemas/escalations.ts";
import type { EntryRow, EscalationRow, RecipientRow } from "../../repositories/escalation-repository.ts";

/** How escalations read in the API and in audit snapshots. */

/** An escalation as the API shows it, before deciding what the reader may do with it. */
export type Presented = Omit<Escalation, "mayAct">;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Escalations with their recipients and timelines, which the caller read with them. */
export function presentEscalationRows(
  rows: EscalationRow[],
  recipients: RecipientRow[],
  entries: EntryRow[],
): Presented[] {
  return rows.map(({ escalation: e, ...r }) => ({
    id: e.id,
    kpi: {
      id: e.kpiId,
      key: r.kpiKey,
      name: r.kpiName,
      teamId: r.teamId,
      teamName: r.teamName,
      unit: r.kpiUnit,
      decimals: r.kpiDecimals,
      currency: r.kpiCurrency,
    },
    reason: e.reason,
    floorId: e.floorId,
    state: e.state,
    periodStart: e.periodStart,
    value: e.value,
    openedAt: e.openedAt.toISOString(),
    acknowledgedAt: iso(e.acknowledgedAt),
    acknowledgedByName: r.acknowledgedByName,
    resolvedAt: iso(e.resolvedAt),
    resolvedByName: r.resolvedByName,
    resolution: e.resolution,
    recipients: recipients
      .filter((p) => p.escalationId === e.id)
      .map((p) => ({ userId: p.userId, name: p.name, role: p.role })),
    entries: entries
      .filter((x) => x.escalationId === e.id)
      .map((x) => ({
        id: x.id,
        kind: x.kind,
        authorName: x.authorName,
        text: x.text,
        createdAt: x.createdAt.toISOString(),
      })),
    version: e.version,
  }));
}
