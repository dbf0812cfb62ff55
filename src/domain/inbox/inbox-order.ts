/**
 * The personal inbox: what one person owes, in one list. Pure rules for its order and
 * its counts, so the list, its groups and the navigation's count can never disagree.
 */

/** What can be owed, in the order the inbox shows its groups (most pressing first). */
export const INBOX_KINDS = [
  "escalation",
  "check_in_due",
  "value_due",
  "one_on_one_item",
  "lint_finding",
  "notification",
] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/** What ordering needs of an item. */
export type Orderable = {
  kind: InboxKind;
  /** The day it is due by, when it has one (YYYY-MM-DD). */
  dueOn: string | null;
  /** When it landed (ISO date-time), when known. */
  since: string | null;
  title: string;
  key: string;
};

/**
 * Groups in INBOX_KINDS order; inside a group, what is due soonest first (items without a
 * due date after), then what landed first, then by title and key so the order is stable.
 * Titles compare by code point: the order must not depend on the database's locale.
 */
export function orderInbox<T extends Orderable>(items: readonly T[]): T[] {
  const rank = (k: InboxKind) => INBOX_KINDS.indexOf(k);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...items].sort(
    (a, b) =>
      rank(a.kind) - rank(b.kind) ||
      cmp(a.dueOn ?? "9999-12-31", b.dueOn ?? "9999-12-31") ||
      cmp(a.since ?? "", b.since ?? "") ||
      cmp(a.title, b.title) ||
      cmp(a.key, b.key),
  );
}

/** How many items of each kind: every kind named, zero when it has none. */
export function countInbox(items: readonly { kind: InboxKind }[]): Record<InboxKind, number> {
  const counts = Object.fromEntries(INBOX_KINDS.map((k) => [k, 0])) as Record<InboxKind, number>;
  for (const item of items) counts[item.kind] += 1;
  return counts;
}
