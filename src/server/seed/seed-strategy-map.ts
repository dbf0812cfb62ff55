/**
 * The demo's strategy map: the Balanced Scorecard's chain of cause and effect (learning &
 * growth → internal process → customer → financial) between Nordwind's themes, and the
 * same story between a few of its strategic Objectives of the running quarter.
 */
import { randomUUID } from "node:crypto";
import type { Queryable } from "../../db/client.ts";
import type { Actor } from "../context.ts";
import { recordAuditMany } from "../repositories/audit-repository.ts";
import { listThemes } from "../repositories/catalog-repository.ts";
import {
  activeCycleObjectiveTitles,
  insertStrategyEdges,
  type SeededStrategyEdgeRow,
} from "../repositories/seed/strategy-seed-repository.ts";
import { presentEdge } from "../services/strategy/strategy-edge-service.ts";
import { activeCompanyOkrs } from "./demo-okrs-active-company.ts";

type Perspective = "financial" | "customer" | "internal_process" | "learning_growth";
type End = { theme: Perspective } | { objective: string };

/** Cause, effect and why; Objectives by their key in demo-okrs-active-company.ts. */
export const demoStrategyEdges: Array<[End, End, string]> = [
  [
    { theme: "learning_growth" },
    { theme: "internal_process" },
    "Skilled, motivated people run better processes",
  ],
  [{ theme: "internal_process" }, { theme: "customer" }, "Reliable operations keep our promises"],
  [{ theme: "customer" }, { theme: "financial" }, "Loyal key accounts grow revenue"],
  [{ objective: "drivers" }, { objective: "ops-on-time" }, "Experienced drivers keep the timetable"],
  [{ objective: "ops-on-time" }, { objective: "reliable" }, "On time by default is what accounts notice"],
  [{ objective: "connected" }, { objective: "references" }, "Easy integration wins references"],
  [{ objective: "reliable" }, { objective: "cost" }, "Fewer re-deliveries cost less"],
  [{ objective: "ops-cost" }, { objective: "cost" }, "Route savings add up"],
];

export async function seedDemoStrategyMap(tx: Queryable, actor: Actor, now: Date): Promise<void> {
  const themes = await listThemes(tx, actor.organizationId);
  const objectives = await activeCycleObjectiveTitles(tx, actor.organizationId);
  const idOf = (end: End): SeededStrategyEdgeRow["fromId"] => {
    if ("theme" in end) {
      const theme = themes.find((t) => t.perspective === end.theme);
      if (!theme) throw new Error(`demo strategy map: no ${end.theme} theme`);
      return theme.id;
    }
    const title = activeCompanyOkrs.find((o) => o.key === end.objective)?.title;
    const objective = objectives.find((o) => o.title === title);
    if (!objective) throw new Error(`demo strategy map: no Objective "${end.objective}"`);
    return objective.id;
  };
  const kindOf = (end: End) => ("theme" in end ? ("theme" as const) : ("objective" as const));
  const rows: SeededStrategyEdgeRow[] = demoStrategyEdges.map(([from, to, label]) => ({
    organizationId: actor.organizationId,
    id: randomUUID(),
    fromKind: kindOf(from),
    fromId: idOf(from),
    toKind: kindOf(to),
    toId: idOf(to),
    label,
    createdByUserId: actor.userId,
    createdAt: now,
  }));
  await insertStrategyEdges(tx, rows);
  await recordAuditMany(
    tx,
    actor,
    rows.map((row) => ({
      action: "strategy_edge.created",
      entityType: "strategy_edge",
      entityId: row.id,
      entityLabel: row.label,
      after: presentEdge({
        ...row,
        label: row.label ?? "",
        createdByUserId: row.createdByUserId ?? null,
        createdAt: now,
      }),
    })),
  );
}
