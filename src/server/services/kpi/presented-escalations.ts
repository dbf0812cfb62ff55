/**
 * Escalations as a reader sees them: loads what escalation-presenter.ts shows and what
 * the escalation rule of policies/kpi-policy.ts needs.
 */
import type { Queryable } from "../../../db/client.ts";
import type { Escalation } from "../../../shared/schemas/escalations.ts";
import type { Actor } from "../../context.ts";
import {
  escalationRightsNeedLeadership,
  LEADS_NOTHING,
  mayActOnEscalation,
} from "../../policies/kpi-policy.ts";
import {
  type EscalationRow,
  entriesOf,
  findEscalation,
  recipientsOf,
} from "../../repositories/escalation-repository.ts";
import { leadsTeamOrAbove } from "../../repositories/kpi-access-repository.ts";
import { type Presented, presentEscalationRows } from "./escalation-presenter.ts";

export async function present(
  q: Queryable,
  organizationId: string,
  rows: EscalationRow[],
): Promise<Presented[]> {
  const ids = rows.map((r) => r.escalation.id);
  const recipients = await recipientsOf(q, organizationId, ids);
  const entries = await entriesOf(q, organizationId, ids);
  return presentEscalationRows(rows, recipients, entries);
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
 * Whether the actor may act on an escalation (mayActOnEscalation). The returned check
 * asks about each team's leads once, however many escalations a page shows, and only
 * for people whose answer depends on it.
 */
export function actingCheck(q: Queryable, actor: Actor) {
  const leads = new Map<string, Promise<boolean>>();
  return async (e: Pick<Presented, "kpi" | "recipients">): Promise<boolean> => {
    if (!escalationRightsNeedLeadership(actor, e) || !actor.userId) {
      return mayActOnEscalation(actor, e, LEADS_NOTHING);
    }
    let lead = leads.get(e.kpi.teamId);
    if (!lead) {
      lead = leadsTeamOrAbove(q, actor.organizationId, e.kpi.teamId, actor.userId);
      leads.set(e.kpi.teamId, lead);
    }
    return mayActOnEscalation(actor, e, { leadsTeamOrAbove: await lead });
  };
}

/** Adds what the reader may do with each escalation (nothing, once it is resolved). */
export async function forReader(q: Queryable, actor: Actor, items: Presented[]): Promise<Escalation[]> {
  const mayAct = actingCheck(q, actor);
  const out: Escalation[] = [];
  for (const e of items) out.push({ ...e, mayAct: e.state !== "resolved" && (await mayAct(e)) });
  return out;
}
