/**
 * The demo's KPI values: every planned value in one INSERT, and the first versions of the
 * corrected ones in history.
 */
import { sql } from "drizzle-orm";
import { kpiMeasurementHistory } from "../../db/schema.ts";
import { roundTo } from "./demo-kpi-history.ts";
import { demoCorrections } from "./demo-kpi-stories.ts";
import type { KpiSeedContext, PlannedKpi } from "./seed-kpis.ts";

/** A PostgreSQL array literal of strings (nulls as NULL), for one array parameter. */
function textArray(items: ReadonlyArray<string | null>): string {
  return `{${items.map((s) => (s === null ? "NULL" : `"${s.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`)).join(",")}}`;
}

/**
 * Every value in one INSERT (arrays unnested: one parameter per column, whatever the
 * count), then the superseded first versions of the corrected ones in another.
 */
export async function insertMeasurements(
  ctx: KpiSeedContext,
  planned: PlannedKpi[],
  feedTokenId: string | null,
) {
  const cols = {
    kpi: [] as string[],
    period: [] as string[],
    value: [] as string[],
    source: [] as string[],
    author: [] as Array<string | null>,
    token: [] as Array<string | null>,
    note: [] as string[],
    recorded: [] as string[],
    revision: [] as string[],
  };
  const corrections = new Map(demoCorrections.map((c) => [c.kpi, c]));
  const history: Array<typeof kpiMeasurementHistory.$inferInsert> = [];
  for (const p of planned) {
    const source = p.def.formula ? "formula" : (p.def.source ?? "manual");
    const author = source === "manual" || source === "import" ? p.ownerUserId : null;
    const token = source === "api" ? feedTokenId : null;
    const correction = corrections.get(p.def.key);
    const corrected = correction ? p.periods.length - 1 - correction.periodsAgo : -1;
    p.periods.forEach((periodStart, k) => {
      let recorded = p.recordedAt[k]!;
      let note = "";
      let revision = 1;
      if (k === corrected && correction) {
        const later = new Date(recorded.getTime() + correction.daysLater * 86_400_000);
        history.push({
          organizationId: ctx.organizationId,
          kpiId: p.id,
          periodStart,
          value: roundTo(p.values[k]! + correction.delta, p.def.decimals),
          source,
          authorUserId: author,
          tokenId: token,
          note: correction.firstNote,
          recordedAt: recorded,
          revision: 1,
          supersededAt: later,
        });
        recorded = later;
        note = correction.why;
        revision = 2;
      }
      cols.kpi.push(p.id);
      cols.period.push(periodStart);
      cols.value.push(String(p.values[k]));
      cols.source.push(source);
      cols.author.push(author);
      cols.token.push(token);
      cols.note.push(note);
      cols.recorded.push(recorded.toISOString());
      cols.revision.push(String(revision));
    });
  }
  await ctx.tx.execute(sql`
    insert into kpi_measurements
      (organization_id, kpi_id, period_start, value, source, author_user_id, token_id, note, recorded_at, revision)
    select ${ctx.organizationId}::uuid, kpi_id, period_start, value, source, author_user_id, token_id, note, recorded_at, revision
    from unnest(${`{${cols.kpi.join(",")}}`}::uuid[], ${`{${cols.period.join(",")}}`}::date[],
                ${`{${cols.value.join(",")}}`}::float8[], ${textArray(cols.source)}::text[],
                ${textArray(cols.author)}::uuid[], ${textArray(cols.token)}::uuid[], ${textArray(cols.note)}::text[],
                ${`{${cols.recorded.join(",")}}`}::timestamptz[], ${`{${cols.revision.join(",")}}`}::int[])
      as m(kpi_id, period_start, value, source, author_user_id, token_id, note, recorded_at, revision)`);
  if (history.length > 0) await ctx.tx.insert(kpiMeasurementHistory).values(history);
}
