/** One line of an audit event's before → after comparison. */
export type FieldChange = { field: string; before: unknown; after: unknown };

const hidden = new Set(["id", "version"]);

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/**
 * The fields that differ between `before` and `after` (all fields of a creation or a
 * removal). Ids and version counters are left out: they change on every edit and
 * say nothing to people.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!b && !a) return [];
  const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter(
    (f) => !hidden.has(f),
  );
  return fields
    .map((field) => ({ field, before: b?.[field], after: a?.[field] }))
    .filter((c) => {
      // A creation shows what was set, a removal what was there; empty fields say nothing.
      if (!b) return !isEmpty(c.after);
      if (!a) return !isEmpty(c.before);
      return JSON.stringify(c.before) !== JSON.stringify(c.after);
    });
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

/** A value for a table cell: strings as they are, nothing as a dash, the rest as JSON. */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** "team.member_added" → "Member added"; the entity type shows separately. */
export function actionLabel(action: string): string {
  const verb = action.includes(".") ? action.slice(action.indexOf(".") + 1) : action;
  const words = verb.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "membership.created" → camelCase field names to words: "managerUserId" → "manager user id". */
export function fieldLabel(field: string): string {
  return field.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** What each kind of audited thing is called, singular, as a badge says it. */
const entityWords: Record<string, string> = {
  organization: "Organisation",
  membership: "Person",
  invitation: "Invitation",
  team: "Team",
  cycle: "Cycle",
  theme: "Theme",
  token: "API token",
  objective: "Objective",
  key_result: "Key result",
  check_in: "Check-in",
  kpi: "KPI",
  kpi_floor: "KPI floor",
  kpi_connector: "KPI connector",
  escalation: "Escalation",
};

/**
 * The word for an entity type ("key_result" → "Key result"): people read words, not
 * codes. A type added later without a word here still reads as words.
 */
export function entityLabel(entityType: string): string {
  const known = entityWords[entityType];
  if (known) return known;
  const words = entityType.replace(/_/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const entityTypes = [
  { value: "organization", label: "Organisation" },
  { value: "membership", label: "People" },
  { value: "invitation", label: "Invitations" },
  { value: "team", label: "Teams" },
  { value: "cycle", label: "Cycles" },
  { value: "theme", label: "Themes" },
  { value: "token", label: "API tokens" },
  { value: "objective", label: "Objectives" },
  { value: "key_result", label: "Key results" },
  { value: "check_in", label: "Check-ins" },
  { value: "kpi", label: "KPIs" },
  { value: "kpi_floor", label: "KPI floors" },
  { value: "kpi_connector", label: "KPI connectors" },
  { value: "escalation", label: "Escalations" },
];

/** Actions the API records today, for the filter's suggestions (the filter is an exact match). */
export const knownActions = [
  "organization.created",
  "organization.updated",
  "organization.demo_seeded",
  "membership.created",
  "membership.updated",
  "membership.deactivated",
  "membership.reactivated",
  "membership.password_reset_issued",
  "invitation.created",
  "invitation.revoked",
  "team.created",
  "team.updated",
  "team.moved",
  "team.archived",
  "team.restored",
  "team.member_added",
  "team.member_removed",
  "cycle.created",
  "cycle.updated",
  "cycle.activated",
  "cycle.moved_to_grading",
  "cycle.moved_to_planning",
  "cycle.closed",
  "cycle.reopened",
  "theme.created",
  "theme.updated",
  "token.created",
  "token.revoked",
  "objective.created",
  "objective.aligned",
  "objective.graded",
  "objective.rolled_over",
  "key_result.created",
  "key_result.scored",
  "check_in.created",
  "check_in.edited",
  "kpi.created",
  "kpi_floor.created",
  "kpi_floor.updated",
  "kpi_floor.deleted",
  "kpi_connector.created",
  "kpi_connector.updated",
  "kpi_connector.deleted",
  "escalation.opened",
  "escalation.acknowledged",
  "escalation.note_added",
  "escalation.action_added",
  "escalation.resolved",
];
