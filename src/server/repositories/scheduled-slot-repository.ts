import { eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { scheduledSlots } from "../../db/schema-delivery.ts";
import { textArray } from "./sql-arrays.ts";

/**
 * Claims a slot of scheduled work for `instanceId`: true for the one caller whose insert
 * wrote the key, false for every other (the database decides, whatever the number of
 * instances). Run inside the transaction that does the slot's work, a failure rolls the
 * claim back with it, and the slot is taken again at the next tick.
 */
export async function claimScheduledSlot(q: Queryable, slotKey: string, instanceId: string, now: Date) {
  const claimed = await q
    .insert(scheduledSlots)
    .values({ slotKey, claimedBy: instanceId, claimedAt: now })
    .onConflictDoNothing({ target: scheduledSlots.slotKey })
    .returning({ slotKey: scheduledSlots.slotKey });
  return claimed.length === 1;
}

export async function finishScheduledSlot(q: Queryable, slotKey: string, now: Date): Promise<void> {
  await q.update(scheduledSlots).set({ finishedAt: now }).where(eq(scheduledSlots.slotKey, slotKey));
}

/** Which of `slotKeys` are already claimed: asked first so a tick skips them without a write. */
export async function claimedSlotKeys(q: Queryable, slotKeys: readonly string[]): Promise<Set<string>> {
  if (slotKeys.length === 0) return new Set();
  const rows = await q
    .select({ slotKey: scheduledSlots.slotKey })
    .from(scheduledSlots)
    .where(sql`${scheduledSlots.slotKey} = any(${textArray(slotKeys)})`);
  return new Set(rows.map((r) => r.slotKey));
}
