import type { Queryable } from "../../../db/client.ts";
import { validateBandSeries } from "../../../domain/kpi/bands.ts";
import { findFormulaCycle, parseFormula } from "../../../domain/kpi/formula.ts";
import type { Bands, Direction } from "../../../domain/kpi/types.ts";
import { changedFields } from "../../../domain/no-op.ts";
import { AppError, type FieldIssue, fieldError, notFound, versionConflict } from "../../../shared/errors.ts";
import type {
  BandsInput,
  CreateKpiInput,
  Kpi,
  KpiCard,
  UpdateKpiInput,
} from "../../../shared/schemas/kpis.ts";
import type { Actor, Deps } from "../../context.ts";
import { pageFilter, toPage } from "../../lib/pagination.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import { findTheme } from "../../repositories/catalog-repository.ts";
import { requeueFormula, requeueForStatus } from "../../repositories/kpi-recompute-repository.ts";
import {
  findKpiForUpdate,
  findKpiWithNames,
  formulaGraph,
  formulaUsersOf,
  insertKpi,
  type KpiRow,
  kpisByKeys,
  listKpiRows,
  lockFormulaGraph,
  replaceBands,
  replaceFormulaInputs,
  updateKpiRow,
} from "../../repositories/kpi-repository.ts";
import { findTeam, isActiveMember } from "../../repositories/team-repository.ts";
import { resolveEscalationsOfArchivedKpi } from "./escalation-service.ts";
import { requireManageTeamKpis } from "./kpi-access.ts";
import { settleKeyResultsReading } from "./kpi-archive-readers.ts";
import { presentKpis } from "./kpi-cards.ts";
import { kpiPermissions } from "./kpi-permissions.ts";
import { type PresentContext, withoutSparkline } from "./kpi-presenter.ts";
import { recomputeAfterWrite } from "./recompute-service.ts";

/** The presentation context of an organisation: its clock and calendar, and what the actor may do. */
export async function presentContext(deps: Deps, q: Queryable, actor: Actor): Promise<PresentContext> {
  // The calendar travels on the actor (read with the organisation): no query for it.
  return {
    now: deps.now(),
    timeZone: actor.timeZone,
    periods: { weekStart: actor.weekStart, fiscalYearStartMonth: actor.fiscalYearStartMonth },
    permissions: await kpiPermissions(q, actor),
  };
}

export async function presentOneKpi(deps: Deps, q: Queryable, actor: Actor, id: string): Promise<Kpi> {
  const row = await findKpiWithNames(q, actor.organizationId, id);
  if (!row) throw notFound("That KPI");
  const [card] = await presentKpis(q, actor.organizationId, [row], await presentContext(deps, q, actor));
  return withoutSparkline(card as KpiCard);
}

export function getKpi(deps: Deps, actor: Actor, id: string): Promise<Kpi> {
  return presentOneKpi(deps, deps.db, actor, id);
}

export async function listKpis(
  deps: Deps,
  actor: Actor,
  query: {
    q?: string | undefined;
    teamId?: string | undefined;
    ownerUserId?: string | undefined;
    state: "active" | "archived" | "all";
    cursor?: string | undefined;
    limit: number;
  },
) {
  const filter = pageFilter(query);
  const rows = await listKpiRows(deps.db, actor.organizationId, { ...query, after: filter.after });
  const page = toPage(rows, query.limit, (r) => ({ k: r.kpi.name.toLowerCase(), id: r.kpi.id }));
  const cards = await presentKpis(
    deps.db,
    actor.organizationId,
    page.items,
    await presentContext(deps, deps.db, actor),
  );
  return { items: cards.map(withoutSparkline), nextCursor: page.nextCursor };
}

/** Checks everything a KPI definition refers to; throws one error listing every problem. */
async function checkDefinition(
  q: Queryable,
  actor: Actor,
  def: {
    key: string;
    ownerUserId: string;
    teamId: string;
    themeId: string | null;
    direction: Direction;
    formula: string | null;
    unit: string;
    currency: string | null;
    bands: Bands[];
  },
  /** On an edit, what was there before: owner and team are only checked when they change. */
  previous?: { ownerUserId: string; teamId: string; formula: string | null },
): Promise<{ inputIds: string[] }> {
  const issues: FieldIssue[] = [];
  const team = previous?.teamId === def.teamId ? null : await findTeam(q, actor.organizationId, def.teamId);
  if (previous?.teamId === def.teamId) {
    // unchanged: a KPI of a team archived since keeps working (and can be archived itself)
  } else if (!team) issues.push({ field: "teamId", message: "no such team in this organisation" });
  else if (team.archivedAt)
    issues.push({ field: "teamId", message: `${team.name} is archived; restore it first` });
  else if (team.methodology === "okr") {
    issues.push({
      field: "teamId",
      message: `${team.name} runs OKRs only; change its methodology to "kpi" or "both" to give it KPIs`,
    });
  }
  if (
    previous?.ownerUserId !== def.ownerUserId &&
    !(await isActiveMember(q, actor.organizationId, def.ownerUserId))
  ) {
    issues.push({ field: "ownerUserId", message: "must be an active member of this organisation" });
  }
  if (def.themeId && !(await findTheme(q, actor.organizationId, def.themeId))) {
    issues.push({ field: "themeId", message: "no such theme in this organisation" });
  }
  if (def.unit === "currency" && !def.currency) {
    issues.push({ field: "currency", message: "a currency KPI needs its ISO currency code, such as EUR" });
  }
  for (const issue of validateBandSeries(def.direction, def.bands)) {
    issues.push({
      field: issue.field.startsWith("bands") ? issue.field : `bands.${issue.field}`,
      message: issue.message,
    });
  }
  let inputIds: string[] = [];
  if (def.formula) {
    const parsed = parseFormula(def.formula);
    if (!parsed.ok) {
      issues.push({
        field: "formula",
        message:
          parsed.position === null
            ? parsed.message
            : `${parsed.message} (at character ${parsed.position + 1})`,
      });
    } else {
      const found = await kpisByKeys(q, actor.organizationId, parsed.inputs);
      const byKey = new Map(found.map((k) => [k.key, k]));
      const unknown = parsed.inputs.filter((key) => !byKey.has(key));
      if (unknown.length > 0) {
        issues.push({
          field: "formula",
          message: `unknown KPI key${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`,
        });
      } else if (parsed.inputs.includes(def.key)) {
        issues.push({ field: "formula", message: `a KPI cannot be computed from itself (${def.key})` });
      } else if (previous?.formula !== def.formula && found.some((k) => k.state === "archived")) {
        const archived = found.filter((k) => k.state === "archived").map((k) => k.key);
        issues.push({
          field: "formula",
          message: `reads archived KPIs (${archived.join(", ")}); restore them or leave them out`,
        });
      } else {
        // Two formula edits at once could each pass the loop check and form a loop
        // together: edits of the organisation's formulas take turns.
        await lockFormulaGraph(q, actor.organizationId);
        const graph = await formulaGraph(q, actor.organizationId);
        graph.set(def.key, parsed.inputs);
        const cycle = findFormulaCycle(graph);
        if (cycle)
          issues.push({
            field: "formula",
            message: `formulas would go round in a circle: ${cycle.join(" → ")}`,
          });
        inputIds = parsed.inputs.map((key) => byKey.get(key)?.id as string);
      }
    }
  }
  if (issues.length > 0) {
    throw new AppError("validation_failed", issues.map((i) => `${i.field}: ${i.message}`).join("; "), {
      issues,
    });
  }
  return { inputIds };
}

function toBands(input: readonly BandsInput[]): Bands[] {
  return [...input]
    .map((b) => ({
      effectiveFrom: b.effectiveFrom,
      target: b.target ?? null,
      greenMin: b.greenMin ?? null,
      greenMax: b.greenMax ?? null,
      redMin: b.redMin ?? null,
      redMax: b.redMax ?? null,
    }))
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
}

export async function createKpi(deps: Deps, actor: Actor, input: CreateKpiInput): Promise<Kpi> {
  const kpi = await deps.db.transaction((tx) => createKpiIn(tx, deps, actor, input));
  await recomputeAfterWrite(deps, actor.organizationId, [kpi.id]);
  return getKpi(deps, actor, kpi.id);
}

/**
 * Defines a KPI inside the caller's transaction (a use case that creates a KPI among other
 * changes, such as turning a Key Result into one): authorised, checked and audited as
 * createKpi does. The caller runs `recomputeAfterWrite` after committing.
 */
export async function createKpiIn(
  tx: Queryable,
  deps: Deps,
  actor: Actor,
  input: CreateKpiInput,
): Promise<KpiRow> {
  const bands = toBands(input.bands);
  await requireManageTeamKpis(tx, actor, input.teamId);
  const { inputIds } = await checkDefinition(tx, actor, { ...input, bands });
  const existing = await kpisByKeys(tx, actor.organizationId, [input.key]);
  if (existing.length > 0) {
    throw new AppError(
      "already_exists",
      `key: another KPI already uses the key "${input.key}"; keys are unique`,
      {
        issues: [{ field: "key", message: "is already used by another KPI" }],
      },
    );
  }
  const { bands: _bands, ...fields } = input;
  const row = await insertKpi(tx, { organizationId: actor.organizationId, ...fields });
  await replaceBands(tx, actor.organizationId, row.id, bands);
  await replaceFormulaInputs(tx, actor.organizationId, row.id, inputIds);
  if (row.formula) await requeueFormula(tx, actor.organizationId, row.id);
  const after = await presentOneKpi(deps, tx, actor, row.id);
  await recordAudit(tx, actor, {
    action: "kpi.created",
    entityType: "kpi",
    entityId: row.id,
    entityLabel: row.name,
    after: definitionSnapshot(after),
  });
  return row;
}

export async function updateKpi(deps: Deps, actor: Actor, id: string, input: UpdateKpiInput): Promise<Kpi> {
  await deps.db.transaction(async (tx) => {
    const current = await findKpiForUpdate(tx, actor.organizationId, id);
    if (!current) throw notFound("That KPI");
    await requireManageTeamKpis(tx, actor, current.teamId);
    if (input.teamId && input.teamId !== current.teamId) await requireManageTeamKpis(tx, actor, input.teamId);
    if (current.version !== input.version) throw versionConflict("This KPI");
    const before = await presentOneKpi(deps, tx, actor, id);
    const { version, bands: bandsInput, keyResults: readers, ...patch } = input;
    const next = { ...current, ...definedOnly(patch) } as KpiRow;
    const bands = bandsInput ? toBands(bandsInput) : before.bands;
    const { inputIds } = await checkDefinition(tx, actor, { ...next, bands }, current);
    if (input.state === "archived" && current.state === "active") {
      await refuseArchivingAnInput(tx, actor, current);
      await settleKeyResultsReading(tx, actor, current, readers, deps);
    }
    // Nothing changes: no version, no audit entry.
    if (!bandsInput && changedFields(definedOnly(patch), current).length === 0) return;
    const updated = await updateKpiRow(tx, actor.organizationId, id, version, definedOnly(patch));
    if (!updated) throw versionConflict("This KPI");
    if (bandsInput) await replaceBands(tx, actor.organizationId, id, bands);
    if (patch.formula !== undefined) {
      await replaceFormulaInputs(tx, actor.organizationId, id, inputIds);
    }
    const restored = input.state === "active" && current.state === "archived";
    // A new formula, or one whose inputs may have moved while it was archived: from scratch.
    if (updated.formula && (updated.formula !== current.formula || restored)) {
      await requeueFormula(tx, actor.organizationId, id);
    }
    // New bands or direction change every period's colour: re-judge the KPI (escalations).
    if (bandsInput || patch.direction) await requeueForStatus(tx, actor.organizationId, id);
    // An archived KPI gets no values, so its escalation would never close: it goes with it.
    if (input.state === "archived" && current.state === "active") {
      await resolveEscalationsOfArchivedKpi(tx, actor, updated, deps.now());
    }
    const after = await presentOneKpi(deps, tx, actor, id);
    const action =
      input.state === "archived" && current.state === "active"
        ? "kpi.archived"
        : input.state === "active" && current.state === "archived"
          ? "kpi.restored"
          : "kpi.updated";
    await recordAudit(tx, actor, {
      action,
      entityType: "kpi",
      entityId: id,
      entityLabel: updated.name,
      before: definitionSnapshot(before),
      after: definitionSnapshot(after),
    });
  });
  await recomputeAfterWrite(deps, actor.organizationId, [id]);
  return getKpi(deps, actor, id);
}

/** An input of an active formula cannot be archived: the formula would stop updating silently. */
async function refuseArchivingAnInput(q: Queryable, actor: Actor, kpi: KpiRow) {
  const users = await formulaUsersOf(q, actor.organizationId, kpi.id);
  if (users.length > 0) {
    throw fieldError(
      "state",
      `${kpi.key} is an input of ${users.map((u) => u.key).join(", ")}; change those formulas before archiving it`,
    );
  }
}

function definedOnly<T extends Record<string, unknown>>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The definition as the audit log keeps it: no values, which change every period. */
function definitionSnapshot(kpi: Kpi) {
  const {
    current: _current,
    trend: _trend,
    openEscalation: _open,
    connector: _connector,
    bandsInForce: _inForce,
    ...definition
  } = kpi;
  return definition;
}
