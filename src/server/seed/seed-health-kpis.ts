/**
 * The demo's health KPIs: each company Objective of the active quarter, and one of last
 * quarter's, carries the KPIs it must not break (`healthKpis` in the demo's OKRs), linked
 * once both the OKRs and the KPIs exist, with an audit event each, as if set a few
 * minutes after creation.
 */
import type { Queryable } from "../../db/client.ts";
import type { Actor, Deps } from "../context.ts";
import { listCycles } from "../repositories/catalog-repository.ts";
import { kpisByKeys } from "../repositories/kpi-repository.ts";
import {
  type BackdatedAuditEvent,
  insertBackdatedAuditEvents,
} from "../repositories/seed/audit-seed-repository.ts";
import { insertHealthKpiLinks } from "../repositories/seed/health-kpi-seed-repository.ts";
import { objectivesOfCycle } from "../repositories/seed/okr-seed-repository.ts";
import { auditSnapshot, okrClock } from "../services/okr/okr-presenter.ts";
import { presentObjectives } from "../services/okr/present-objectives.ts";
import { activeCycleOkrs, type DemoObjective } from "./demo-okrs.ts";
import { previousCycleOkrs } from "./demo-okrs-previous.ts";
import { demoAuditEvents } from "./seed-demo.ts";

export async function seedDemoHealthKpis(tx: Queryable, deps: Deps, actor: Actor): Promise<void> {
  const cycles = await listCycles(tx, actor.organizationId);
  for (const [state, defs] of [
    ["active", activeCycleOkrs],
    ["closed", previousCycleOkrs],
  ] as const) {
    const cycle = cycles.find((c) => c.state === state);
    if (!cycle) throw new Error(`demo health KPIs: no ${state} cycle`);
    await linkHealthKpis(tx, deps, actor, cycle.id, defs);
  }
}

async function linkHealthKpis(
  tx: Queryable,
  deps: Deps,
  actor: Actor,
  cycleId: string,
  defs: readonly DemoObjective[],
): Promise<void> {
  const organizationId = actor.organizationId;
  const guarded = defs.filter((d) => d.healthKpis?.length);
  const kpiIds = new Map(
    (await kpisByKeys(tx, organizationId, [...new Set(guarded.flatMap((d) => d.healthKpis ?? []))])).map(
      (k) => [k.key, k.id],
    ),
  );
  const rows = await objectivesOfCycle(tx, organizationId, cycleId);
  const links: Array<{ organizationId: string; objectiveId: string; kpiId: string; position: number }> = [];
  const createdAt = new Map<string, Date>();
  for (const def of guarded) {
    const row = rows.find((r) => r.objective.title === def.title);
    if (!row) throw new Error(`demo health KPIs: no Objective "${def.title}"`);
    createdAt.set(row.objective.id, row.objective.createdAt);
    (def.healthKpis ?? []).forEach((key, position) => {
      const kpiId = kpiIds.get(key);
      if (!kpiId) throw new Error(`demo health KPIs: "${def.key}" names unknown KPI "${key}"`);
      links.push({ organizationId, objectiveId: row.objective.id, kpiId, position });
    });
  }
  const clock = okrClock(deps, actor);
  const chosen = rows.filter((r) => createdAt.has(r.objective.id));
  const before = await presentObjectives(tx, actor, clock, chosen, { includeArchivedKeyResults: true });
  await insertHealthKpiLinks(tx, links);
  const after = await presentObjectives(tx, actor, clock, chosen, { includeArchivedKeyResults: true });
  const event = demoAuditEvents(actor);
  const audit: BackdatedAuditEvent[] = after.map((o, i) =>
    event(
      new Date(createdAt.get(o.id)!.getTime() + 5 * 60_000),
      "objective.updated",
      "objective",
      o.id,
      o.title,
      auditSnapshot(before[i]),
      auditSnapshot(o),
    ),
  );
  await insertBackdatedAuditEvents(tx, audit);
}
