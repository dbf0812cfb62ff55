import type { Queryable } from "../../../db/client.ts";
import { roleAtLeast } from "../../../domain/roles.ts";
import type { Escalation } from "../../../shared/schemas/escalations.ts";
import type { Actor } from "../../context.ts";
import {
  type EscalationRow,
  entriesOf,
  findEscalation,
  recipientsOf,
} from "../../repositories/escalation-repository.ts";
import { leadsTeamOrAbove } from "../../repositories/kpi-access-repository.ts";

/** How escalations read in the API and in audit snapshots, and who may act on them. */

/** An escalation as the API shows it, before deciding what the reader may do with it. */
export type Presented = Omit<Escalation, "mayAct">;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function present(
  q: Queryable,
  organizationId: string,
  rows: EscalationRow[],
): Promise<Presented[]> {
  const ids = rows.map((r) => r.escalation.id);
  const recipients = await recipientsOf(q, organizationId, ids);
  const entries = await entriesOf(q, organizationId, ids);
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

export async function presentOne(
  q: Queryable,
  organizationId: string,
  id: string,
): Promise<Presented | undefined> {
  const row = await findEscalation(q, organizationId, id);
  return row ? (await present(q, organizationId, [row]))[0] : undefined;
}

/**
 * Who may act on an escalation (PRODUCT.md): the people it went to, the leads of the
 * KPI's team or a team above it, and admins. Viewers read only, and a service token has
 * no person behind it to sign an acknowledgement or a resolution. The returned check
 * asks about each team's leads once, however many escalations a page shows.
 */
export function actingCheck(q: Queryable, actor: Actor) {
  const leads = new Map<string, Promise<boolean>>();
  return (e: Pick<Presented, "kpi" | "recipients">): Promise<boolean> => {
    const userId = actor.userId;
    if (!userId || !roleAtLeast(actor.role, "member")) return Promise.resolve(false);
    if (roleAtLeast(actor.role, "admin") || e.recipients.some((r) => r.userId === userId)) {
      return Promise.resolve(true);
    }
    let lead = leads.get(e.kpi.teamId);
    if (!lead) {
      lead = leadsTeamOrAbove(q, actor.organizationId, e.kpi.teamId, userId);
      leads.set(e.kpi.teamId, lead);
    }
    return lead;
  };
}

/** Adds what the reader may do with each escalation (nothing, once it is resolved). */
export async function forReader(q: Queryable, actor: Actor, items: Presented[]): Promise<Escalation[]> {
  const mayAct = actingCheck(q, actor);
  const out: Escalation[] = [];
  for (const e of items) out.push({ ...e, mayAct: e.state !== "resolved" && (await mayAct(e)) });
  return out;
}
