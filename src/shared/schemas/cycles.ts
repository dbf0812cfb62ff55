import { z } from "zod";
import { nameSchema, VersionSchema } from "./common.ts";

export const CycleStateSchema = z.enum(["planning", "active", "grading", "closed"]);
export const isoDate = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
    .refine(
      // Year 0000 parses in JavaScript but does not exist for PostgreSQL (1 BC is 0001 BC).
      (d) =>
        !d.startsWith("0000") &&
        !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
        new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
      "is not a real date",
    );

export const CycleSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(["quarter", "year", "custom"]),
  startsOn: z.string(),
  endsOn: z.string(),
  state: CycleStateSchema,
  version: z.number(),
});
export type Cycle = z.infer<typeof CycleSchema>;

export const CreateCycleSchema = z.strictObject({
  name: nameSchema(80),
  startsOn: isoDate(),
  endsOn: isoDate(),
});

export const GenerateCyclesSchema = z.strictObject({
  fiscalYear: z
    .number()
    .int()
    .min(2000)
    .max(2100)
    .describe("Fiscal year, named by the calendar year it starts in"),
  includePast: z
    .boolean()
    .default(false)
    .describe("Also create the cycles that ended before today (left out by default)"),
});

export const UpdateCycleSchema = z.strictObject({
  version: VersionSchema,
  name: nameSchema(80).optional(),
  startsOn: isoDate().optional(),
  endsOn: isoDate().optional(),
  state: CycleStateSchema.optional(),
  reason: z.string().trim().max(500).optional().describe("Why; required when reopening a closed cycle"),
  acknowledgeFindings: z
    .boolean()
    .optional()
    .describe(
      "Start (activate) the cycle despite open linter warnings on its Objectives (409 open_findings without it); audited",
    ),
});
