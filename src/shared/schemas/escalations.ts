import { z } from "zod";
import { TeamScopeSchema, timestamp, VersionSchema } from "./common.ts";
import { DirectionSchema, KpiUnitSchema } from "./kpis.ts";

/** How the KPI's values are written, so clients format them like every other KPI value. */
const kpiFormat = {
  unit: KpiUnitSchema,
  decimals: z.number().int().describe("Decimals the KPI's values are shown with"),
  currency: z.string().nullable().describe("ISO 4217 code of a currency KPI (EUR); null for other units"),
};

export const EscalationStateSchema = z
  .enum(["open", "acknowledged", "resolved"])
  .describe(
    "open → acknowledged (someone is on it) → resolved (by a person, or by itself after green periods)",
  );

export const EscalationEntrySchema = z.object({
  id: z.uuid(),
  kind: z.enum(["opened", "note", "action", "acknowledged", "resolved"]),
  authorName: z.string().nullable().describe("null for entries Keel wrote itself"),
  text: z.string(),
  createdAt: timestamp(),
});

export const EscalationSchema = z.object({
  id: z.uuid(),
  kpi: z.object({
    id: z.uuid(),
    key: z.string(),
    name: z.string(),
    teamId: z.uuid(),
    teamName: z.string(),
    ...kpiFormat,
  }),
  reason: z
    .enum(["red", "floor"])
    .describe("red: the KPI crossed its red threshold; floor: it fell through a cycle's floor"),
  floorId: z.uuid().nullable().describe("The floor it fell through (reason floor)"),
  state: EscalationStateSchema,
  periodStart: z.string().describe("The period whose value opened it"),
  value: z.number(),
  openedAt: timestamp(),
  acknowledgedAt: timestamp().nullable(),
  acknowledgedByName: z.string().nullable(),
  resolvedAt: timestamp().nullable(),
  resolvedByName: z.string().nullable().describe("null with a resolvedAt: it closed itself"),
  resolution: z.string().nullable(),
  recipients: z.array(z.object({ userId: z.uuid(), name: z.string(), role: z.string() })),
  entries: z.array(EscalationEntrySchema).describe("Oldest first"),
  mayAct: z
    .boolean()
    .describe("Whether you may acknowledge it, add notes and actions, and resolve it (false once resolved)"),
  version: z.number(),
});
export type Escalation = z.infer<typeof EscalationSchema>;

export const EscalationListQuerySchema = z.object({
  state: z.enum(["unresolved", "open", "acknowledged", "resolved", "all"]).default("unresolved"),
  teamId: z.uuid().optional().describe("KPIs of this team, and of the teams below it unless scope is team"),
  scope: TeamScopeSchema.describe(
    "With teamId: subtree (default) for the team and every team below it, team for the team's own KPIs only",
  ),
  kpiId: z.uuid().optional(),
  mine: z.enum(["true", "false"]).optional().describe("Only escalations sent to you (your inbox)"),
  inMyScope: z
    .enum(["true", "false"])
    .optional()
    .describe(
      "Only escalations of KPIs in the teams you lead and every team below them; everything for admins and owners",
    ),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const AcknowledgeEscalationSchema = z.strictObject({
  version: VersionSchema,
  note: z.string().trim().max(4000).default(""),
});

export const EscalationEntryInputSchema = z.strictObject({
  kind: z.enum(["note", "action"]).describe("action: what will be done about it"),
  text: z.string().trim().min(1, "must not be empty").max(4000),
});

export const ResolveEscalationSchema = z.strictObject({
  version: VersionSchema,
  resolution: z.string().trim().min(1, "say how it was resolved").max(4000),
});

export const KpiFloorSchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  cycleId: z.uuid(),
  kpi: z.object({
    id: z.uuid(),
    key: z.string(),
    name: z.string(),
    teamId: z
      .uuid()
      .describe(
        "The KPI's team now: the floor's team or one below it when the floor was set up; a KPI moved to another team since keeps its floors",
      ),
    teamName: z.string(),
    ...kpiFormat,
    direction: DirectionSchema,
    value: z.number().nullable(),
    periodStart: z.string().nullable(),
    status: z.enum(["green", "amber", "red", "no_data"]).nullable(),
  }),
  ownerUserId: z.uuid(),
  ownerName: z.string(),
  threshold: z
    .number()
    .describe("An escalation opens when the KPI falls through it (rises above it for lower-is-better KPIs)"),
  breached: z.boolean(),
  version: z.number(),
});
export type KpiFloor = z.infer<typeof KpiFloorSchema>;

export const KpiFloorListQuerySchema = z.object({
  teamId: z.uuid(),
  cycleId: z.uuid(),
  scope: TeamScopeSchema.describe(
    "subtree (default): the floors of the team and of every team below it; team: the team's own floor",
  ),
});

export const CreateKpiFloorSchema = z.strictObject({
  teamId: z.uuid(),
  cycleId: z.uuid(),
  kpiId: z.uuid(),
  ownerUserId: z.uuid(),
  threshold: z.number().refine((n) => Number.isFinite(n) && Math.abs(n) < 1e15, "must be a finite number"),
});

export const UpdateKpiFloorSchema = z.strictObject({
  version: VersionSchema,
  ownerUserId: z.uuid().optional(),
  threshold: z
    .number()
    .refine((n) => Number.isFinite(n) && Math.abs(n) < 1e15, "must be a finite number")
    .optional(),
});

export const KpiFloorListSchema = z.object({ items: z.array(KpiFloorSchema) });
