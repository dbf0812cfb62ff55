/**
 * Risk flags on Key Results (docs/okr-status.md, "Risk flags"): raised and cleared by
 * check-ins in their own transaction, resolved by a person with a note, shown on the KR,
 * its Objective and its team. Quotes follow the Objective's visibility.
 */
import type { Queryable } from "../../../db/client.ts";
import type { KeyResultFlagRow } from "../../../db/row-types.ts";
import { noteSignalsOf, storedNoteSignals } from "../../../domain/okr/notes/note-signals.ts";
import { decideFlag, type FlagCheckIn } from "../../../domain/okr/risk-flag.ts";
import { AppError, notFound } from "../../../shared/errors.ts";
import type { TeamScope } from "../../../shared/schemas/common.ts";
import type { KeyResultFlag } from "../../../shared/schemas/key-result-flags.ts";
import type { Actor, Deps } from "../../context.ts";
import { keyResultFlaggedEvent } from "../../events/okr-events.ts";
import { publishOrgEvent } from "../../events/org-events.ts";
import { mayResolveFlag } from "../../policies/flag-policy.ts";
import { authorize } from "../../policies/org-policy.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import {
  flagResolversOf,
  flagStateOf,
  insertFlag,
  openFlagsOf,
  openFlagsOfTeam,
  recentCheckIns,
  updateOpenFlag,
} from "../../repositories/key-result-flag-repository.ts";
import { findKeyResult, findObjectiveRow } from "../../repositories/okr-repository.ts";
import { findTeam } from "../../repositories/team-repository.ts";
import { placeFlagOnAgenda } from "../one-on-ones/agenda-sync.ts";
import { readabilityOf } from "./okr-access.ts";
import { RESTRICTED_KEY_RESULT_TITLE, RESTRICTED_TITLE, type Visibility } from "./okr-presenter.ts";

type Facts = { resolvedByName: string | null; mayRead: boolean; mayResolve: boolean };

export function presentFlag(row: KeyResultFlagRow, facts: Facts): KeyResultFlag {
  return {
    id: row.id,
    keyResultId: row.keyResultId,
    status: row.status,
    quote: facts.mayRead ? row.quote : null,
    cue: row.cue as KeyResultFlag["cue"],
    confidenceBefore: row.confidenceBefore,
    confidenceNow: row.confidenceNow,
    raisedAt: row.createdAt.toISOString(),
    raisedByCheckInId: row.raisedByCheckInId,
    quoteCheckInId: row.quoteCheckInId,
    closedAt: row.closedAt?.toISOString() ?? null,
    resolvedByUserId: row.resolvedByUserId,
    resolvedByName: facts.resolvedByName,
    resolutionNote: facts.mayRead ? row.resolutionNote : null,
    can: { resolve: row.status === "open" && facts.mayResolve },
  };
}

/** The audit log keeps the flag whole (quote included): it is read by admins only. */
function auditFlag(row: KeyResultFlagRow) {
  return presentFlag(row, { resolvedByName: null, mayRead: true, mayResolve: false });
}

/**
 * After a check-in on the KR was written or edited (in the same transaction): raises,
 * refreshes or clears its flag as the rule says (src/domain/okr/risk-flag.ts).
 */
export async function reviewFlagAfterCheckIn(
  tx: Queryable,
  actor: Actor,
  keyResult: { id: string; title: string },
  now: Date,
): Promise<void> {
  const rows = await recentCheckIns(tx, actor.organizationId, keyResult.id, 3);
  const recent: FlagCheckIn[] = rows.reverse().map((r) => ({
    id: r.id,
    at: r.createdAt.getTime(),
    confidence: r.confidence,
    // Check-ins the backfill has not reached yet are read now.
    blockers: (storedNoteSignals(r.noteSignals) ?? noteSignalsOf(r.note)).blockers,
  }));
  const state = await flagStateOf(tx, actor.organizationId, keyResult.id);
  const decision = decideFlag({
    recent,
    open: state.open
      ? { confidenceBefore: state.open.confidenceBefore, raisedByCurrent: state.raisedByCurrent }
      : null,
    lastRaisedAt: state.lastRaisedAt,
  });
  const audit = (action: string, before: KeyResultFlagRow | null, after: KeyResultFlagRow) =>
    recordAudit(tx, actor, {
      action,
      entityType: "key_result_flag",
      entityId: after.id,
      entityLabel: keyResult.title,
      before: before ? auditFlag(before) : null,
      after: auditFlag(after),
    });
  if (decision.kind === "raise") {
    const raised = await insertFlag(tx, {
      organizationId: actor.organizationId,
      keyResultId: keyResult.id,
      ...decision.flag,
      createdAt: now,
    });
    if (raised) {
      await audit("key_result_flag.raised", null, raised);
      await placeFlagOnAgenda(tx, actor.organizationId, raised, now);
      await publishOrgEvent(tx, keyResultFlaggedEvent(actor, keyResult, raised.id, now));
    }
  } else if (decision.kind === "refresh" && state.open) {
    const refreshed = await updateOpenFlag(tx, actor.organizationId, state.open.id, decision.flag);
    if (refreshed) await audit("key_result_flag.updated", state.open, refreshed);
  } else if (decision.kind === "recover" && state.open) {
    const recovered = await updateOpenFlag(tx, actor.organizationId, state.open.id, {
      status: "recovered",
      closedAt: now,
      confidenceNow: decision.confidenceNow,
    });
    if (recovered) await audit("key_result_flag.recovered", state.open, recovered);
  }
}

/**
 * The open flags of these KRs as their reader sees them: quotes only where the reader may
 * read the Objective's text; `can.resolve` asked per flagged KR (flags are few).
 */
export async function presentedOpenFlags(
  q: Queryable,
  actor: Actor,
  keyResults: Array<{ id: string; ownerUserId: string | null; objective: Visibility }>,
  mayRead: (o: Visibility) => boolean,
): Promise<Map<string, KeyResultFlag>> {
  const flags = await openFlagsOf(
    q,
    actor.organizationId,
    keyResults.map((k) => k.id),
  );
  const byId = new Map(keyResults.map((k) => [k.id, k]));
  const out = new Map<string, KeyResultFlag>();
  for (const { flag, resolvedByName } of flags) {
    const kr = byId.get(flag.keyResultId);
    if (!kr) continue;
    const resolvers = await flagResolversOf(q, actor.organizationId, kr.ownerUserId, kr.objective.teamId);
    out.set(
      flag.keyResultId,
      presentFlag(flag, {
        resolvedByName,
        mayRead: mayRead(kr.objective),
        mayResolve: mayResolveFlag(actor, resolvers),
      }),
    );
  }
  return out;
}

/** Resolves the KR's open flag with a note (the owner's manager, the team lead, admins). */
export async function resolveFlag(
  deps: Deps,
  actor: Actor,
  keyResultId: string,
  input: { note: string },
): Promise<KeyResultFlag> {
  return deps.db.transaction(async (tx) => {
    const kr = await findKeyResult(tx, actor.organizationId, keyResultId);
    if (!kr) throw notFound("That Key Result");
    const row = await findObjectiveRow(tx, actor.organizationId, kr.objectiveId);
    if (!row) throw notFound("That Key Result");
    const resolvers = await flagResolversOf(tx, actor.organizationId, kr.ownerUserId, row.objective.teamId);
    if (!mayResolveFlag(actor, resolvers)) {
      throw new AppError(
        "forbidden",
        "Only the KR owner's manager (without one, the lead of the Objective's team) and admins can resolve its flag.",
      );
    }
    const { open } = await flagStateOf(tx, actor.organizationId, keyResultId);
    if (!open) throw notFound("An open flag on that Key Result");
    const resolved = await updateOpenFlag(tx, actor.organizationId, open.id, {
      status: "resolved",
      closedAt: deps.now(),
      resolvedByUserId: actor.userId,
      resolutionNote: input.note,
    });
    if (!resolved) throw notFound("An open flag on that Key Result");
    await recordAudit(tx, actor, {
      action: "key_result_flag.resolved",
      entityType: "key_result_flag",
      entityId: resolved.id,
      entityLabel: kr.title,
      before: auditFlag(open),
      after: auditFlag(resolved),
      reason: input.note,
    });
    const mayRead = await readabilityOf(tx, actor, [row.objective]);
    return presentFlag(resolved, {
      resolvedByName: actor.userId ? actor.label : null,
      mayRead: mayRead(row.objective),
      mayResolve: false,
    });
  });
}

/** Open flags of a team's Objectives (and by default its subtree's), newest first; any member may read them. */
export async function teamFlags(deps: Deps, actor: Actor, teamId: string, scope: TeamScope) {
  authorize(actor, "read");
  const team = await findTeam(deps.db, actor.organizationId, teamId);
  if (!team) throw notFound("That team");
  const rows = await openFlagsOfTeam(deps.db, actor.organizationId, teamId, scope);
  const mayRead = await readabilityOf(
    deps.db,
    actor,
    rows.map((r) => r.objective),
  );
  const items = [];
  for (const r of rows) {
    const readable = mayRead(r.objective);
    const resolvers = await flagResolversOf(
      deps.db,
      actor.organizationId,
      r.keyResult.ownerUserId,
      r.objective.teamId,
    );
    items.push({
      flag: presentFlag(r.flag, {
        resolvedByName: null,
        mayRead: readable,
        mayResolve: mayResolveFlag(actor, resolvers),
      }),
      keyResult: {
        id: r.keyResult.id,
        title: readable ? r.keyResult.title : RESTRICTED_KEY_RESULT_TITLE,
        ownerUserId: r.keyResult.ownerUserId,
        ownerName: r.ownerName,
        lastConfidence: r.keyResult.lastConfidence,
      },
      objective: {
        id: r.objective.id,
        title: readable ? r.objective.title : RESTRICTED_TITLE,
        teamId: r.objective.teamId,
        teamName: r.teamName,
        restricted: !readable,
      },
    });
  }
  return { items };
}
