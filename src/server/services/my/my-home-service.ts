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
  const krs = await myRunningKeyResults(deps, actor, userId);
  const kpis = await myKpis(deps, actor, userId);
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
  const parts: InboxItem[][] = [
    checkInItems(actor, await myRunningKeyResults(deps, actor, userId)),
    valueItems(actor, await myKpis(deps, actor, userId)),
    answers ? await escalationItems(q, actor, userId) : [],
    await oneOnOneItems(q, actor, userId),
    await lintItems(q, actor, userId),
    await notificationItems(q, actor, userId),
  ];
  const items = orderInbox(parts.flat());
  return { items, total: items.length, counts: countInbox(items) };
}
