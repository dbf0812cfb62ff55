/** The entry form: the KPIs a person feeds by hand, with the period to enter. */
import { z } from "zod";
import { KpiSchema, PointSchema } from "./kpis.ts";

export const EntryFormItemSchema = z.object({
  kpi: KpiSchema,
  periodStart: z.string().describe("The period to enter: the current one"),
  periodLabel: z.string(),
  value: z.number().nullable().describe("The value already entered for that period"),
  previous: PointSchema.nullable(),
});

/** GET /kpi-entry: the KPIs you feed by hand. */
export const EntryFormSchema = z.object({ items: z.array(EntryFormItemSchema) });
