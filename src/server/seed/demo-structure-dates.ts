/**
 * The demo's structure is as old as its story (docs/as-of.md): the organisation, people,
 * teams and cycles date from two weeks before last quarter began (or the earliest moment
 * the seeded history mentions), and each cycle moves through its states on the days it
 * would have: last quarter activated on its first day, graded after its last and closed
 * four days later; this quarter activated on its first day.
 */

import type { Queryable } from "../../db/client.ts";
import { startOfDayIn } from "../../domain/as-of.ts";
import { addDays } from "../../domain/dates.ts";
import type { Actor } from "../context.ts";
import {
  type BackdatedAuditEvent,
  insertBackdatedAuditEvents,
} from "../repositories/seed/audit-seed-repository.ts";
import { dateStructure, earliestHistoryOf } from "../repositories/seed/structure-dates-repository.ts";
import { cycleCreated } from "../services/organization-service.ts";

type CycleRow = Parameters<typeof cycleCreated>[0];

/** A morning hour of a calendar day in the organisation's time zone. */
function morningOf(timeZone: string, day: string, hour = 9): Date {
  return new Date(startOfDayIn(timeZone, day).getTime() + hour * 3600_000);
}

export async function dateDemoStructure(
  tx: Queryable,
  actor: Actor,
  /** The closed quarters, oldest first, and the running one. */
  cycles: { closed: [CycleRow, ...CycleRow[]]; current: CycleRow },
  timeZone: string,
  writtenSince: Date,
): Promise<void> {
  const planned = morningOf(timeZone, addDays(cycles.closed[0].startsOn, -14));
  const earliest = await earliestHistoryOf(tx, actor.organizationId);
  const foundedAt = earliest && earliest < planned ? new Date(earliest.getTime() - 3600_000) : planned;
  await dateStructure(tx, actor.organizationId, foundedAt, writtenSince);
  const moved = (row: CycleRow, state: CycleRow["state"], action: string, at: Date): BackdatedAuditEvent => ({
    organizationId: actor.organizationId,
    at,
    actorUserId: actor.userId,
    actorTokenId: null,
    actorLabel: actor.label,
    action,
    entityType: "cycle",
    entityId: row.id,
    entityLabel: row.name,
    before: null,
    after: JSON.parse(JSON.stringify({ ...(cycleCreated(row).after as object), state })),
    requestId: actor.requestId,
  });
  const { closed, current } = cycles;
  await insertBackdatedAuditEvents(tx, [
    ...closed.flatMap((previous) => [
      moved(previous, "active", "cycle.activated", morningOf(timeZone, previous.startsOn, 8)),
      moved(
        previous,
        "grading",
        "cycle.moved_to_grading",
        morningOf(timeZone, addDays(previous.endsOn, 1), 8),
      ),
      moved(previous, "closed", "cycle.closed", morningOf(timeZone, addDays(previous.endsOn, 4), 17)),
    ]),
    moved(current, "active", "cycle.activated", morningOf(timeZone, current.startsOn, 8)),
  ]);
}
