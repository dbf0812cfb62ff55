/**
 * The lists behind the leadership home's counts. The home counts these very lists, built
 * from the same scope and Objectives, so a count can never differ from the list it opens.
 */
import type { z } from "zod";
import { roleAtLeast } from "../../../domain/roles.ts";
import type {
  LeadershipEscalationsSchema,
  LeadershipFindingsSchema,
  LeadershipFlagsSchema,
  LeadershipOverdueCheckInsSchema,
} from "../../../shared/schemas/leadership.ts";
import type { Actor, Deps } from "../../context.ts";
import {
  countOpenStoredFindings,
  keyResultLabels,
  openStoredFindings,
  overdueKeyResultsOf,
} from "../../repositories/judgement-repository.ts";
import { openFlagsOn, unresolvedEscalationsIn } from "../../repositories/leadership-repository.ts";
import { selectObjectivesForLint } from "../../repositories/lint-dismissal-repository.ts";
import { findingsOf } from "../okr/lint-service.ts";
import { RESTRICTED_KEY_RESULT_TITLE, RESTRICTED_TITLE } from "../okr/okr-presenter.ts";
import { refreshFindings } from "../okr/stored-judgements.ts";
import type { JudgedObjective } from "./leadership-okrs.ts";
import type { LeadershipScope } from "./leadership-scope.ts";

type Items<S extends z.ZodType<{ items: unknown }>> = z.infer<S>["items"];

function teamOf(scope: LeadershipScope, teamId: string | null) {
  return { teamId, teamName: (teamId && scope.teamNames.get(teamId)) ?? null };
}

/** Unresolved (open or acknowledged) escalations of the KPIs of the teams in scope, newest first. */
export async function escalationsList(
  deps: Deps,
  actor: Actor,
  scope: LeadershipScope,
): Promise<Items<typeof LeadershipEscalationsSchema>> {
  const rows = await unresolvedEscalationsIn(deps.db, actor.organizationId, scope.teamFilter, scope.themeId);
  return rows
    .filter((r) => scope.teamIds.has(r.teamId))
    .map((r) => ({ ...r, openedAt: new Date(r.openedAt).toISOString() }));
}

/** Open risk flags on the live KRs of the Objectives in scope, newest first. */
export async function flagsList(
  deps: Deps,
  actor: Actor,
  scope: LeadershipScope,
  objectives: JudgedObjective[],
): Promise<Items<typeof LeadershipFlagsSchema>> {
  const byId = new Map(objectives.map((o) => [o.id, o]));
  const rows = await openFlagsOn(deps.db, actor.organizationId, [...byId.keys()]);
  const labels = new Map(
    (
      await keyResultLabels(
        deps.db,
        actor.organizationId,
        rows.map((r) => r.keyResultId),
      )
    ).map((k) => [k.id, k]),
  );
  return rows.flatMap((r) => {
    const o = byId.get(r.objectiveId);
    const kr = labels.get(r.keyResultId);
    if (!o || !kr || kr.objectiveId !== o.id) return [];
    return [
      {
        flagId: r.flagId,
        keyResultId: kr.id,
        keyResultTitle: o.readable ? kr.title : RESTRICTED_KEY_RESULT_TITLE,
        objectiveId: o.id,
        objectiveTitle: o.readable ? o.title : RESTRICTED_TITLE,
        ownerName: kr.ownerName,
        raisedAt: new Date(r.raisedAt).toISOString(),
        ...teamOf(scope, o.teamId),
      },
    ];
  });
}

/**
 * Open (not dismissed) linter findings of the Objectives in scope, drafts included, as the
 * health check shows them. Objectives whose text the reader may not read show no findings
 * there, so they count none here. Admins read every Objective: theirs are the stored
 * findings (refreshed first); anyone else's are linted as they see them.
 */
export async function findingsList(
  deps: Deps,
  actor: Actor,
  scope: LeadershipScope,
  objectives: JudgedObjective[],
): Promise<Items<typeof LeadershipFindingsSchema>> {
  const readable = objectives.filter((o) => o.readable);
  if (readable.length === 0 || !scope.cycle) return [];
  if (seesEverything(actor)) {
    await refreshFindings(deps, actor, scope.cycle.id);
    const rows = await openStoredFindings(
      deps.db,
      actor.organizationId,
      scope.cycle.id,
      readable.map((o) => o.id),
    );
    return rows.map(({ teamId, ...f }) => ({
      ...f,
      rule: f.rule as Items<typeof LeadershipFindingsSchema>[number]["rule"],
      severity: f.severity as Items<typeof LeadershipFindingsSchema>[number]["severity"],
      ...teamOf(scope, teamId),
    }));
  }
  const rows = await selectObjectivesForLint(deps.db, actor.organizationId, {
    objectiveIds: readable.map((o) => o.id),
  });
  const findings = await findingsOf(deps.db, actor, rows);
  return rows.flatMap((row) =>
    (findings.get(row.id) ?? [])
      .filter((f) => f.status === "open")
      .map((f) => ({
        objectiveId: row.id,
        objectiveTitle: row.title,
        keyResultId: f.keyResultId,
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        ...teamOf(scope, row.teamId),
      })),
  );
}

/** How many items findingsList answers: a count over the stored findings for admins. */
export async function findingsCount(
  deps: Deps,
  actor: Actor,
  scope: LeadershipScope,
  objectives: JudgedObjective[],
): Promise<number> {
  const readable = objectives.filter((o) => o.readable);
  if (readable.length === 0 || !scope.cycle) return 0;
  if (!seesEverything(actor)) return (await findingsList(deps, actor, scope, objectives)).length;
  await refreshFindings(deps, actor, scope.cycle.id);
  return countOpenStoredFindings(
    deps.db,
    actor.organizationId,
    scope.cycle.id,
    readable.map((o) => o.id),
  );
}

/** Whoever reads every Objective's text sees the findings as they are stored. */
function seesEverything(actor: Actor): boolean {
  return roleAtLeast(actor.role, "admin");
}

/** KRs of active Objectives in a running cycle with no check-in for more than 7 days, longest silent first. */
export async function overdueList(
  deps: Deps,
  actor: Actor,
  scope: LeadershipScope,
  objectives: JudgedObjective[],
): Promise<Items<typeof LeadershipOverdueCheckInsSchema>> {
  if (!scope.cycle) return [];
  const byId = new Map(objectives.filter((o) => o.checkInsOverdue > 0).map((o) => [o.id, o]));
  if (byId.size === 0) return [];
  const rows = await overdueKeyResultsOf(deps.db, actor.organizationId, scope.cycle.id, [...byId.keys()]);
  const items = rows.flatMap((k) => {
    const o = byId.get(k.objectiveId);
    if (!o) return [];
    return [
      {
        keyResultId: k.id,
        keyResultTitle: o.readable ? k.title : RESTRICTED_KEY_RESULT_TITLE,
        objectiveId: o.id,
        objectiveTitle: o.readable ? o.title : RESTRICTED_TITLE,
        ownerName: k.ownerName,
        lastCheckInAt: k.lastCheckInAt?.toISOString() ?? null,
        daysSinceLastCheckIn: k.daysSinceLastCheckIn,
        ...teamOf(scope, o.teamId),
      },
    ];
  });
  // Never checked in counts as the longest silence.
  const silence = (i: (typeof items)[number]) => i.daysSinceLastCheckIn ?? Number.MAX_SAFE_INTEGER;
  return items.sort((a, b) => silence(b) - silence(a) || (a.keyResultId < b.keyResultId ? -1 : 1));
}
