/**
 * Turning a metric Key Result that proved to be a standing metric into a KPI, in one
 * transaction: the KPI is defined (as POST /kpis would, audited), the KR's check-ins become
 * its values (the last of each KPI period, through the one measurement write path, so
 * recompute and escalations follow), and the KR is archived with a score comment that
 * names the KPI (audited as key_result.demoted).
 */
import type { Queryable } from "../../../db/client.ts";
import { todayIn } from "../../../domain/dates.ts";
import {
  directionOfKeyResult,
  measurementsFromCheckIns,
  proposedBands,
} from "../../../domain/kpi/kr-demotion.ts";
import { AppError, fieldError, notFound } from "../../../shared/errors.ts";
import type { DemoteKeyResultInput, DemotionResult } from "../../../shared/schemas/kr-demotion.ts";
import type { Actor, Deps } from "../../context.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import { checkInValuesOf } from "../../repositories/kr-demotion-repository.ts";
import { lockKpisForWrite, writeMeasurementBatch } from "../../repositories/measurement-repository.ts";
import { findKeyResult, teamIdsOf, updateKeyResultRow } from "../../repositories/okr-repository.ts";
import { findTeam } from "../../repositories/team-repository.ts";
import { createKpiIn, getKpi } from "../kpi/kpi-service.ts";
import { sourceOf } from "../kpi/measurement-service.ts";
import { recomputeAfterWrite } from "../kpi/recompute-service.ts";
import { objectiveForChange, presentOne } from "./objective-service.ts";
import { auditSnapshot } from "./okr-presenter.ts";

type TeamRow = NonNullable<Awaited<ReturnType<typeof findTeam>>>;
const runsKpis = (t: TeamRow) => t.archivedAt === null && t.methodology !== "okr";

/**
 * The KPI's team: the one asked for, else the Objective's team when it runs KPIs, else (a
 * personal Objective) a team of its owner that does; otherwise the caller must pick one.
 */
async function teamFor(
  q: Queryable,
  actor: Actor,
  objective: { teamId: string | null; ownerUserId: string | null },
  asked: string | undefined,
): Promise<TeamRow> {
  if (asked) {
    const team = await findTeam(q, actor.organizationId, asked);
    if (!team) throw fieldError("teamId", "no such team in this organisation");
    if (!runsKpis(team)) {
      throw fieldError(
        "teamId",
        team.archivedAt
          ? `${team.name} is archived; pick a team that runs KPIs`
          : `${team.name} runs OKRs only; pick a team whose methodology is "kpi" or "both"`,
      );
    }
    return team;
  }
  if (objective.teamId) {
    const team = await findTeam(q, actor.organizationId, objective.teamId);
    if (team && runsKpis(team)) return team;
    throw fieldError(
      "teamId",
      `the Objective's team${team ? ` (${team.name})` : ""} runs OKRs only; pick a team that runs KPIs`,
    );
  }
  const ownTeams = objective.ownerUserId
    ? await Promise.all(
        [...(await teamIdsOf(q, actor.organizationId, objective.ownerUserId))].map((id) =>
          findTeam(q, actor.organizationId, id),
        ),
      )
    : [];
  const candidates = ownTeams
    .filter((t): t is TeamRow => t !== undefined && runsKpis(t))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (candidates[0]) return candidates[0];
  throw fieldError("teamId", "the Objective's owner is on no team that runs KPIs; pick a team that does");
}

export async function demoteKeyResult(
  deps: Deps,
  actor: Actor,
  keyResultId: string,
  input: DemoteKeyResultInput,
): Promise<DemotionResult> {
  const result = await deps.db.transaction(async (tx) => {
    const kr = await findKeyResult(tx, actor.organizationId, keyResultId);
    if (!kr) throw notFound("That Key Result");
    // Authorise first: editing the Objective, then defining KPIs for the team.
    const row = await objectiveForChange(tx, actor, kr.objectiveId);
    const team = await teamFor(tx, actor, row.objective, input.teamId);
    if (kr.kind !== "metric") {
      throw new AppError(
        "conflict",
        `Key Result "${kr.title}" is a ${kr.kind} KR; only a metric KR becomes a KPI.`,
      );
    }
    if (kr.archivedAt)
      throw new AppError("conflict", `Key Result "${kr.title}" is archived (or closed) already.`);
    if (kr.kpiId) {
      throw new AppError(
        "conflict",
        `Key Result "${kr.title}" reads a KPI already: it is that KPI's promotion, not a metric of its own.`,
      );
    }
    if (kr.targetValue === null)
      throw fieldError("bands.target", "the KR has no target; give the KPI's target");
    const ownerUserId = input.ownerUserId ?? kr.ownerUserId;
    if (!ownerUserId) throw fieldError("ownerUserId", "the KR has no owner; name the KPI's owner");
    const direction = input.direction ?? directionOfKeyResult(kr.startValue, kr.targetValue);
    const proposed = proposedBands(direction, kr.startValue, kr.targetValue);
    const today = todayIn(actor.timeZone, deps.now());
    const opts = { weekStart: actor.weekStart, fiscalYearStartMonth: actor.fiscalYearStartMonth };
    const checkIns = await checkInValuesOf(tx, actor.organizationId, kr.id);
    const values = measurementsFromCheckIns(checkIns, input.frequency, { timeZone: actor.timeZone, opts });
    const firstPeriod = values[0]?.periodStart ?? today;
    const origin = `Turned from the Key Result “${kr.title}”${kr.unit ? ` (unit: ${kr.unit})` : ""}.`;
    const kpi = await createKpiIn(tx, deps, actor, {
      key: input.key,
      name: input.name,
      description: input.description ? `${input.description.trim()}\n\n${origin}` : origin,
      ownerUserId,
      teamId: team.id,
      unit: input.unit,
      decimals: input.decimals,
      currency: input.currency,
      direction,
      frequency: input.frequency,
      aggregation: input.aggregation,
      themeId: row.objective.themeId ?? null,
      formula: null,
      closeAfterGreenPeriods: 2,
      bands: [{ effectiveFrom: firstPeriod, ...proposed, ...definedOnly(input.bands ?? {}) }],
    });
    await lockKpisForWrite(tx, actor.organizationId, [kpi.id]);
    await writeMeasurementBatch(
      tx,
      {
        organizationId: actor.organizationId,
        authorUserId: actor.userId,
        tokenId: actor.tokenId,
        source: sourceOf(actor),
      },
      values.map((v) => ({
        kpiId: kpi.id,
        periodStart: v.periodStart,
        value: v.value,
        note: `Check-in of ${todayIn(actor.timeZone, v.at)} on the Key Result “${kr.title}”`,
      })),
    );
    const before = (await presentOne(tx, deps, actor, kr.objectiveId)).keyResults.find((k) => k.id === kr.id);
    const closed = await updateKeyResultRow(tx, actor.organizationId, kr.id, kr.version, {
      archivedAt: deps.now(),
      scoreComment: `Became the KPI “${kpi.name}” (${kpi.key}) on ${today}: a standing metric, watched on ${team.name}'s KPI board.`,
    });
    if (!closed)
      throw new AppError("version_conflict", `Key Result "${kr.title}" changed meanwhile; try again.`);
    const after = (await presentOne(tx, deps, actor, kr.objectiveId)).keyResults.find((k) => k.id === kr.id);
    await recordAudit(tx, actor, {
      action: "key_result.demoted",
      entityType: "key_result",
      entityId: kr.id,
      entityLabel: kr.title,
      before: auditSnapshot(before),
      after: { ...auditSnapshot(after), kpi: { id: kpi.id, key: kpi.key, name: kpi.name } },
    });
    return {
      kpiId: kpi.id,
      objectiveId: kr.objectiveId,
      checkIns: checkIns.length,
      measurements: values.length,
    };
  });
  await recomputeAfterWrite(deps, actor.organizationId, [result.kpiId]);
  const { kpiId, ...counts } = result;
  return { kpi: await getKpi(deps, actor, kpiId), keyResultId, ...counts };
}

function definedOnly<T extends Record<string, unknown>>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
