/**
 * Changing a finding's standing (dismiss with a reason, reopen) and the question
 * activation asks: are there open warnings, and did the request acknowledge them? Every
 * change and every acknowledgement is audited in the transaction that makes it.
 */
import type { Queryable } from "../../../db/client.ts";
import { AppError, fieldError, notFound } from "../../../shared/errors.ts";
import type { Actor, Deps } from "../../context.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import {
  deleteDismissal,
  insertDismissal,
  selectObjectivesForLint,
} from "../../repositories/lint-dismissal-repository.ts";
import { findingsOf, objectiveFindingsIn } from "./lint-service.ts";
import { requireEditObjective } from "./okr-access.ts";

type FindingKey = { rule: string; keyResultId: string | null };

async function editableObjective(q: Queryable, actor: Actor, id: string) {
  const [row] = await selectObjectivesForLint(q, actor.organizationId, { objectiveIds: [id] });
  if (!row) throw notFound("That Objective");
  await requireEditObjective(q, actor, row);
  return row;
}

/** Dismisses one of the Objective's current findings, with a reason (audited). */
export async function dismissFinding(
  deps: Deps,
  actor: Actor,
  objectiveId: string,
  input: FindingKey & { reason: string },
) {
  return deps.db.transaction(async (tx) => {
    const row = await editableObjective(tx, actor, objectiveId);
    const findings = (await findingsOf(tx, actor, [row])).get(row.id) ?? [];
    const finding = findings.find((f) => f.rule === input.rule && f.keyResultId === input.keyResultId);
    if (!finding) {
      throw fieldError(
        input.keyResultId ? "keyResultId" : "rule",
        `Keel finds no "${input.rule}" finding on this ${input.keyResultId ? "Key Result" : "Objective"} now; reload the findings`,
      );
    }
    if (finding.status === "dismissed") throw new AppError("conflict", "That finding is already dismissed.");
    const subject = input.keyResultId ?? "objective";
    const inserted = await insertDismissal(tx, {
      organizationId: actor.organizationId,
      objectiveId,
      subject,
      rule: input.rule,
      reason: input.reason,
      dismissedByUserId: actor.userId,
    });
    if (!inserted) throw new AppError("conflict", "That finding is already dismissed.");
    await recordAudit(tx, actor, {
      action: "objective.finding_dismissed",
      entityType: "objective",
      entityId: objectiveId,
      entityLabel: row.title,
      after: { rule: input.rule, subject, on: finding.on, message: finding.message },
      reason: input.reason,
    });
    return objectiveFindingsIn(tx, actor, objectiveId);
  });
}

/** Reopens a dismissed finding (audited, with an optional reason). */
export async function reopenFinding(
  deps: Deps,
  actor: Actor,
  objectiveId: string,
  input: FindingKey & { reason?: string | undefined },
) {
  return deps.db.transaction(async (tx) => {
    const row = await editableObjective(tx, actor, objectiveId);
    const subject = input.keyResultId ?? "objective";
    const deleted = await deleteDismissal(tx, actor.organizationId, {
      objectiveId,
      subject,
      rule: input.rule,
    });
    if (!deleted) throw notFound("That dismissed finding");
    await recordAudit(tx, actor, {
      action: "objective.finding_reopened",
      entityType: "objective",
      entityId: objectiveId,
      entityLabel: row.title,
      before: {
        rule: deleted.rule,
        subject,
        reason: deleted.reason,
        dismissedByUserId: deleted.dismissedByUserId,
      },
      reason: input.reason ?? null,
    });
    return objectiveFindingsIn(tx, actor, objectiveId);
  });
}

/**
 * Activation's question: the open warnings of these Objectives. Without an
 * acknowledgement, any open warning refuses with 409 `open_findings` listing them; with
 * one, the acknowledged findings are audited on `entity`.
 */
export async function requireFindingsAcknowledged(
  q: Queryable,
  actor: Actor,
  which: Parameters<typeof selectObjectivesForLint>[2],
  acknowledged: boolean,
  entity: { type: "objective" | "cycle"; id: string; label: string },
) {
  const rows = await selectObjectivesForLint(q, actor.organizationId, which);
  const findings = await findingsOf(q, actor, rows);
  const open = rows.flatMap((row) =>
    (findings.get(row.id) ?? [])
      .filter((f) => f.status === "open" && f.severity === "warning")
      .map((f) => ({
        objectiveId: row.id,
        rule: f.rule,
        on: f.on,
        keyResultId: f.keyResultId,
        message: f.message,
      })),
  );
  if (open.length === 0) return;
  if (!acknowledged) {
    throw new AppError(
      "open_findings",
      `${open.length} open linter warning${open.length === 1 ? "" : "s"}: fix or dismiss ${open.length === 1 ? "it" : "them"}, or activate again with acknowledgeFindings: true.`,
      { findings: open.slice(0, 50), count: open.length },
    );
  }
  await recordAudit(q, actor, {
    action: `${entity.type}.findings_acknowledged`,
    entityType: entity.type,
    entityId: entity.id,
    entityLabel: entity.label,
    after: { count: open.length, findings: open.slice(0, 200) },
  });
}
