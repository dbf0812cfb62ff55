import { z } from "zod";
import { EscalationStateSchema, KpiFloorSchema } from "./escalations.ts";
import {
  BandsOutSchema,
  DirectionSchema,
  FrequencySchema,
  KpiStatusSchema,
  KpiUnitSchema,
  TrendSchema,
} from "./kpis.ts";
import { TeamHealthSchema } from "./okr-reviews.ts";
import { KeyResultKindSchema, StatusSchema } from "./okrs.ts";
import { MethodologySchema } from "./teams.ts";

/** GET /reports/consolidated(.csv.zip|.pdf): which subtree and which cycle. */
export const ConsolidatedReportQuerySchema = z.object({
  teamId: z
    .uuid()
    .optional()
    .describe("The team whose subtree the report covers; the whole organisation without"),
  cycleId: z
    .uuid()
    .optional()
    .describe("The cycle; without, the shortest running one (the quarter rather than its year)"),
});

export const ReportKeyResultSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: KeyResultKindSchema,
  ownerName: z.string().nullable(),
  startValue: z.number().nullable(),
  targetValue: z.number().nullable(),
  currentValue: z.number().nullable(),
  done: z.boolean(),
  unit: z.string(),
  progress: z.number().nullable().describe("Uncapped: 1.3 is 130 %"),
  status: StatusSchema,
  lastConfidence: z.number().nullable(),
  finalScore: z.number().nullable().describe("The grade 0–1 once scored"),
});

export const ReportObjectiveSchema = z.object({
  id: z.uuid(),
  title: z
    .string()
    .nullable()
    .describe("null when the Objective is visible to its team only and you are outside it"),
  restricted: z.boolean().describe("Counted, but its text and Key Results are not yours to read"),
  ownerName: z.string().nullable(),
  state: z.enum(["draft", "active", "closed"]),
  progress: z.number().nullable(),
  expectedProgress: z.number().nullable(),
  status: StatusSchema,
  grade: z.number().nullable(),
  outcome: z.enum(["achieved", "missed", "dropped"]).nullable(),
  keyResults: z.array(ReportKeyResultSchema).describe("Empty when restricted"),
});

export const ReportKpiSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  ownerName: z.string(),
  unit: KpiUnitSchema,
  decimals: z.number(),
  currency: z.string().nullable(),
  direction: DirectionSchema,
  frequency: FrequencySchema,
  value: z.number().nullable().describe("The current value (latest due period)"),
  periodStart: z.string().nullable(),
  status: KpiStatusSchema.nullable(),
  target: z.number().nullable().describe("The target of the bands in force now"),
  trend: TrendSchema,
  bands: z
    .array(BandsOutSchema)
    .describe("Every version of the bands, oldest first (the chart's background)"),
  values: z
    .array(z.object({ periodStart: z.string(), value: z.number() }))
    .describe("Values of the periods that start within the cycle, oldest first"),
});

export const ReportEscalationSchema = z.object({
  id: z.uuid(),
  kpiKey: z.string(),
  kpiName: z.string(),
  reason: z.enum(["red", "floor"]),
  state: EscalationStateSchema,
  periodStart: z.string(),
  value: z.number(),
  openedAt: z.string(),
  acknowledgedByName: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
});

export const ReportLintSummarySchema = z.object({
  open: z.number().int(),
  dismissed: z.number().int(),
  byRule: z.array(z.object({ rule: z.string(), open: z.number().int(), dismissed: z.number().int() })),
});

export const ReportTeamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  parentId: z.uuid().nullable(),
  depth: z.number().int().describe("0 for the report's top team(s)"),
  methodology: MethodologySchema,
  okrs: z
    .object({
      health: TeamHealthSchema.omit({ teamId: true, cycleId: true }),
      objectives: z.array(ReportObjectiveSchema),
      lint: ReportLintSummarySchema,
    })
    .nullable()
    .describe("null for a KPI-only team with no Objectives in the cycle"),
  kpis: z
    .object({
      kpis: z.array(ReportKpiSchema),
      floors: z.array(KpiFloorSchema),
      escalations: z.array(ReportEscalationSchema),
    })
    .nullable()
    .describe("null for an OKR-only team with no KPI, floor or escalation"),
});

export const ConsolidatedReportSchema = z.object({
  organization: z.object({ id: z.uuid(), name: z.string() }),
  subtree: z
    .object({ id: z.uuid(), name: z.string() })
    .nullable()
    .describe("The team at the top; null for the whole organisation"),
  cycle: z.object({
    id: z.uuid(),
    name: z.string(),
    state: z.enum(["planning", "active", "grading", "closed"]),
    startsOn: z.string(),
    endsOn: z.string(),
  }),
  generatedAt: z.string().describe("When the report was made (ISO 8601)"),
  teams: z.array(ReportTeamSchema).describe("Depth first, each team before the teams below it"),
  totals: z.object({
    teams: z.number().int(),
    objectives: z.number().int(),
    keyResults: z.number().int(),
    kpis: z.number().int(),
    floors: z.number().int(),
    escalations: z.number().int(),
    openFindings: z.number().int(),
  }),
});
export type ConsolidatedReport = z.infer<typeof ConsolidatedReportSchema>;
export type ReportTeam = z.infer<typeof ReportTeamSchema>;
export type ReportObjective = z.infer<typeof ReportObjectiveSchema>;
export type ReportKpi = z.infer<typeof ReportKpiSchema>;
export type ReportEscalation = z.infer<typeof ReportEscalationSchema>;
export type ReportLintSummary = z.infer<typeof ReportLintSummarySchema>;
