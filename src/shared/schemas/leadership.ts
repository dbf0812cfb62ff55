/**
 * The leadership home (docs/leadership-home.md): OKR health per team, the KPI strip and the
 * counts of what needs a leader's look, each count with the list behind it. Every list takes
 * the same filters as the home, so a count always equals the length of the list it opens.
 */
import { z } from "zod";
import { KpiCardSchema } from "./kpis.ts";
import { LintRuleSchema, LintSeveritySchema } from "./okr-lint.ts";
import { StatusSchema } from "./okrs.ts";

export const LeadershipQuerySchema = z.object({
  teamId: z
    .uuid()
    .optional()
    .describe("The subtree to show (the team and every team below it); without it, everything in your scope"),
  themeId: z.uuid().optional().describe("Only Objectives, KRs and KPIs of this strategic theme"),
  cycleId: z
    .uuid()
    .optional()
    .describe(
      "The cycle whose OKRs are shown; without it, the active cycle (the shortest running one today)",
    ),
});

const StatusCountsSchema = z.object({
  not_started: z.number().int(),
  on_track: z.number().int(),
  at_risk: z.number().int(),
  off_track: z.number().int(),
  stale: z.number().int(),
});

/** One team's own Objectives in the cycle, summed up by the team-health rule (docs/okr-status.md). */
export const LeadershipTeamRowSchema = z.object({
  teamId: z.uuid(),
  name: z.string(),
  parentId: z.uuid().nullable(),
  depth: z.number().int().describe("0 for the top of the shown subtree"),
  methodology: z.enum(["okr", "kpi", "both"]),
  overall: StatusSchema.nullable().describe("The team's one word; null with no Objectives in the cycle"),
  objectives: z.number().int().describe("Objectives counted (active and closed, own team only)"),
  counts: StatusCountsSchema.describe("Objectives per status"),
  progress: z
    .number()
    .nullable()
    .describe("Mean progress of its Objectives (0–1); null when none has progress"),
  expectedProgress: z.number().nullable().describe("Mean expected progress of the same Objectives today"),
  checkIns: z.object({
    expected: z.number().int().describe("KRs whose weekly check-in is expected this week"),
    done: z.number().int().describe("Of those, KRs checked in since the week started"),
  }),
});

export const LeadershipCountSchema = z.object({
  count: z.number().int(),
  list: z
    .enum(["escalations", "flags", "findings", "overdue-check-ins"])
    .describe("The list behind the count"),
});

export const LeadershipKpiSchema = KpiCardSchema.extend({
  reason: z
    .enum(["headline", "company", "red"])
    .describe(
      "Chosen by an admin, a KPI of a top-level team, or red in scope (the last two when none is chosen)",
    ),
});

export const LeadershipHomeSchema = z.object({
  cycle: z
    .object({
      id: z.uuid(),
      name: z.string(),
      state: z.enum(["planning", "active", "grading", "closed"]),
      startsOn: z.string(),
      endsOn: z.string(),
    })
    .nullable()
    .describe("null when no cycle was asked for and none is active: the OKR parts are then empty"),
  scope: z.object({
    teamId: z.uuid().nullable(),
    themeId: z.uuid().nullable(),
    wholeOrganization: z.boolean().describe("Owners and admins without teamId see the whole organisation"),
  }),
  overall: StatusSchema.nullable().describe("The team-health word over every Objective in scope"),
  teams: z
    .array(LeadershipTeamRowSchema)
    .describe("Every team in scope, in tree order (names A–Z under each parent)"),
  kpis: z.object({
    source: z.enum(["chosen", "default"]),
    items: z.array(LeadershipKpiSchema),
  }),
  counts: z.object({
    openEscalations: LeadershipCountSchema,
    flaggedKeyResults: LeadershipCountSchema,
    lintFindings: LeadershipCountSchema,
    overdueCheckIns: LeadershipCountSchema,
  }),
});

const itemTeam = { teamId: z.uuid().nullable(), teamName: z.string().nullable() };

export const LeadershipEscalationsSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      kpiId: z.uuid(),
      kpiName: z.string(),
      state: z.enum(["open", "acknowledged"]),
      reason: z.enum(["red", "floor"]),
      openedAt: z.string(),
      ...itemTeam,
    }),
  ),
});

export const LeadershipFlagsSchema = z.object({
  items: z.array(
    z.object({
      flagId: z.uuid(),
      keyResultId: z.uuid(),
      keyResultTitle: z.string(),
      objectiveId: z.uuid(),
      objectiveTitle: z.string(),
      ownerName: z.string().nullable(),
      raisedAt: z.string(),
      ...itemTeam,
    }),
  ),
});

export const LeadershipFindingsSchema = z.object({
  items: z.array(
    z.object({
      objectiveId: z.uuid(),
      objectiveTitle: z.string(),
      keyResultId: z.uuid().nullable(),
      rule: LintRuleSchema,
      severity: LintSeveritySchema,
      message: z.string(),
      ...itemTeam,
    }),
  ),
});

export const LeadershipOverdueCheckInsSchema = z.object({
  items: z.array(
    z.object({
      keyResultId: z.uuid(),
      keyResultTitle: z.string(),
      objectiveId: z.uuid(),
      objectiveTitle: z.string(),
      ownerName: z.string().nullable(),
      lastCheckInAt: z.string().nullable(),
      daysSinceLastCheckIn: z.number().int().nullable().describe("null when never checked in"),
      ...itemTeam,
    }),
  ),
});

/** The organisation's chosen headline KPIs, in order. */
export const KpiHeadlinesSchema = z.object({
  kpiIds: z.array(z.uuid()),
  kpis: z.array(z.object({ id: z.uuid(), key: z.string(), name: z.string(), teamName: z.string() })),
});

export const MAX_KPI_HEADLINES = 12;

export const SetKpiHeadlinesSchema = z.strictObject({
  kpiIds: z
    .array(z.uuid())
    .max(MAX_KPI_HEADLINES, `at most ${MAX_KPI_HEADLINES} headline KPIs`)
    .refine((ids) => new Set(ids).size === ids.length, "each KPI at most once")
    .describe(
      "Active KPIs of the organisation, in the order the strip shows them; [] returns to the default",
    ),
});
