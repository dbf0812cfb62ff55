/**
 * Who an escalation goes to. Pure: the recompute loads the facts (the KPI's owner, the
 * nearest lead, the floor's owner, who of them is still an active member, the active
 * admins) and this decides. docs/kpi-status.md states the rule for users.
 */

/** Why a person is told, shown next to their name on the escalation. */
export type RecipientRole = "owner" | "lead" | "floor_owner" | "admin";

export type EscalationRecipient = { userId: string; role: RecipientRole };

export type RoutingFacts = {
  /** The KPI's owner. */
  kpiOwnerUserId: string;
  /** The lead of the KPI's team, else the nearest active lead above it; null when no team up the tree has one. */
  nearestLeadUserId: string | null;
  /** For a floor escalation, the owner of the floor the KPI fell through. */
  floorOwnerUserId: string | null;
  /** Which of the people above are active members of the organisation now. */
  activeUserIds: ReadonlySet<string>;
  /**
   * The organisation's active admins and owners, in a stable order. Needed only when
   * `fallsBackToAdmins` says so; otherwise they may be left out.
   */
  adminUserIds: readonly string[];
};

/**
 * Whether the escalation reaches no lead, so the organisation's admins and owners stand
 * in for one: no team up the tree has a lead, or that lead is no longer active.
 */
export function fallsBackToAdmins(facts: Pick<RoutingFacts, "nearestLeadUserId" | "activeUserIds">): boolean {
  return facts.nearestLeadUserId === null || !facts.activeUserIds.has(facts.nearestLeadUserId);
}

/**
 * The recipients, in this order: the KPI's owner, the nearest lead, the floor's owner,
 * and the active admins and owners when no active lead is reached. Deactivated people
 * are left out, and a person is listed once, under the first role that applies (an owner
 * who also leads the team is told as the owner).
 */
export function escalationRecipients(facts: RoutingFacts): EscalationRecipient[] {
  const candidates: EscalationRecipient[] = [{ userId: facts.kpiOwnerUserId, role: "owner" }];
  if (facts.nearestLeadUserId) candidates.push({ userId: facts.nearestLeadUserId, role: "lead" });
  if (facts.floorOwnerUserId) candidates.push({ userId: facts.floorOwnerUserId, role: "floor_owner" });
  const active = new Set(facts.activeUserIds);
  if (fallsBackToAdmins(facts)) {
    for (const userId of facts.adminUserIds) {
      candidates.push({ userId, role: "admin" });
      active.add(userId);
    }
  }
  const listed = new Set<string>();
  return candidates.filter((c) => {
    if (!active.has(c.userId) || listed.has(c.userId)) return false;
    listed.add(c.userId);
    return true;
  });
}
