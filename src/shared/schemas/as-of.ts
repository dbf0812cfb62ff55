import { z } from "zod";
import { calendarDate } from "./kpis.ts";

/**
 * `asOf`: show a page as it was at the end of this day in the organisation's time zone
 * (docs/as-of.md). Not in the future, not before the organisation existed.
 */
export const asOfParam = () =>
  calendarDate()
    .optional()
    .describe(
      "Show it as it was at the end of this day (YYYY-MM-DD) in the organisation's time zone: check-ins and values as known then, definitions as they stood. Not in the future, not before the organisation existed. Without it, today.",
    );

export const AsOfQuerySchema = z.object({ asOf: asOfParam() });
