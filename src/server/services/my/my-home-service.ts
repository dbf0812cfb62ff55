/**
 * A person's own page and inbox (docs/inbox.md): only ever the caller's own things, in
 * the organisation of the path. A service token is nobody: its home and inbox are empty.
 */
import { countInbox, orderInbox } from "../../../domain/inbox/inbox-order.ts";
import { roleAtLeast } from "../../../domain/roles.ts";
import type { InboxItem } from "../../../shared/schemas/my-home.ts";
import type { Actor, Deps } from "../../context.ts";
import { authorize } from "../../policies/org-policy.ts";
import {
  checkInItems,
  escalationItems,
  lintItems,
  notificationItems,
  oneOnOneItems,
  valueItems,
} from "./inbox-sources.ts";
import { myRunningKeyResults } from "./my-key-results.ts";
import { myKpis } from "./my-kpis.ts";

/** My KRs in active cycles with what is due, and my KPIs with the value I owe. */
export async function myHome(deps: Deps, actor: Actor) {
  authorize(actor, "read");
  const userId = actor.userId;
  if (!userId) return { cycles: [], keyResults: [], kpis: [] };
  const [krs, kpis] = await Promise.all([
    myRunningKeyResults(deps, actor, userId),
    myKpis(deps, actor, userId),
  ]);
  const cycles = new Map(krs.map((k) => [k.objective.cycleId, k.cycleName]));
  return {
    cycles: [...cycles].map(([id, name]) => ({ id, name })),
    keyResults: krs.map(({ objective, keyResult, checkIn }) => ({
      objective,
      keyResult,
      checkIn: { due: checkIn.due, overdue: checkIn.overdue, nextDueOn: checkIn.nextDueOn },
    })),
    kpis,
  };
}

/**
 * Everything I owe, in one list. Escalations are answered by members (viewers read
 * them), so a viewer's inbox leaves them out; check-ins and values follow the same `can`
 * as the forms that take them.
 */
export async function myInbox(deps: Deps, actor: Actor) {
  authorize(actor, "read");
  const userId = actor.userId;
  if (!userId) return { items: [], total: 0, counts: countInbox([]) };
  const q = deps.db;
  const answers = roleAtLeast(actor.role, "member");
  // The sources are independent: on PostgreSQL they run on separate connections at once.
  const parts: InboxItem[][] = await Promise.all([
    myRunningKeyResults(deps, actor, userId).then((krs) => checkInItems(actor, krs)),
    myKpis(deps, actor, userId).then((kpis) => valueItems(actor, kpis)),
    answers ? escalationItems(q, actor, userId) : [],
    oneOnOneItems(q, actor, userId),
    lintItems(q, actor, userId),
    notificationItems(q, actor, userId),
  ]);
  const items = orderInbox(parts.flat());
  return { items, total: items.length, counts: countInbox(items) };
}
