/**
 * The lists behind the leadership home's counts. The home counts these very lists, built
 * from the same scope and Objectives, so a count can never differ from the list it opens.
 */
import type { z } from "zod";
import type {
  LeadershipEscalationsSchema,
  LeadershipFindingsSchema,
  LeadershipFlagsSchema,
  LeadershipOverdueCheckInsSchema,
} from "../../../shared/schemas/leadership.ts";
import type { Actor, Deps } from "../../context.ts";
import { openFlagsOn, unresolvedEscalationsIn } from "../../repositories/leadership-repository.ts";
import { selectObjectivesForLint } from "../../repositories/lint-dismissal-repository.ts";
import { findingsOf } from "../okr/lint-service.ts";
import { RESTRICTED_KEY_RESULT_TITLE, RESTRICTED_TITLE } from "../okr/okr-presenter.ts";
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
  return rows.flatMap((r) => {
    const o = byId.get(r.objectiveId);
    const kr = o?.keyResults.find((k) => k.id === r.keyResultId);
    if (!o || !kr) return [];
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
 * there, so they count none here.
 */
export async function findingsList(
  deps: Deps,
  actor: Actor,
  scope: LeadershipScope,
  objectives: JudgedObjective[],
): Promise<Items<typeof LeadershipFindingsSchema>> {
  const readable = objectives.filter((o) => o.readable);
  if (readable.length === 0) return [];
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

/** KRs of active Objectives in a running cycle with no check-in for more than 7 days, longest silent first. */
export function overdueList(
  scope: LeadershipScope,
  objectives: JudgedObjective[],
): Items<typeof LeadershipOverdueCheckInsSchema> {
  const items = objectives.flatMap((o) =>
    o.keyResults
      .filter((k) => k.cadence?.overdue)
      .map((k) => ({
        keyResultId: k.id,
        keyResultTitle: o.readable ? k.title : RESTRICTED_KEY_RESULT_TITLE,
        objectiveId: o.id,
        objectiveTitle: o.readable ? o.title : RESTRICTED_TITLE,
        ownerName: k.ownerName,
        lastCheckInAt: k.lastCheckInAt?.toISOString() ?? null,
        daysSinceLastCheckIn: k.cadence?.daysSinceLastCheckIn ?? null,
        ...teamOf(scope, o.teamId),
      })),
  );
  // Never checked in counts as the longest silence.
  const silence = (i: (typeof items)[number]) => i.daysSinceLastCheckIn ?? Number.MAX_SAFE_INTEGER;
  return items.sort((a, b) => silence(b) - silence(a) || (a.keyResultId < b.keyResultId ? -1 : 1));
}
