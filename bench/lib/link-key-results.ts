import pg from "pg";

/**
 * Makes live metric KRs of cycles not yet closed read `percent` % of the reference
 * organisation's KPIs (every n-th KPI ordered by frequency and key, so the daily KPIs the
 * bulk scenario feeds are linked in the same share), one KR per KPI, each with its
 * promotion row, as linking in the KR form would. The bulk scenario then pays for reading
 * new values into those KRs. Links made by an earlier run are kept; returns how many KPIs
 * KRs read and how many of them are daily.
 */
export async function linkKeyResultsToKpis(databaseUrl: string, percent: number) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const every = Math.max(1, Math.round(100 / percent));
    await client.query("begin");
    await client.query(
      `create temp table bench_links on commit drop as
       with k as (
         select organization_id, id, frequency, row_number() over (order by frequency, key) as n
         from kpis where state = 'active' and formula is null
       ), picked as (
         select organization_id, id, row_number() over (order by n) as slot from k where n % $1 = 0
       ), krs as (
         select kr.organization_id, kr.id, o.cycle_id, row_number() over (order by kr.id) as slot
         from key_results kr
         join objectives o on o.organization_id = kr.organization_id and o.id = kr.objective_id
         join cycles c on c.organization_id = o.organization_id and c.id = o.cycle_id
         where kr.kind = 'metric' and kr.archived_at is null and kr.kpi_id is null
           and c.state <> 'closed' and o.state <> 'closed'
       )
       select p.organization_id, p.id as kpi_id, krs.id as key_result_id, krs.cycle_id
       from picked p join krs on krs.organization_id = p.organization_id and krs.slot = p.slot
       where not exists (select 1 from key_results r where r.organization_id = p.organization_id and r.kpi_id = p.id)`,
      [every],
    );
    await client.query(
      `update key_results t set kpi_id = l.kpi_id, kpi_read = 'latest'
       from bench_links l where t.organization_id = l.organization_id and t.id = l.key_result_id`,
    );
    await client.query(
      `insert into kpi_promotions (organization_id, kpi_id, cycle_id, key_result_id)
       select organization_id, kpi_id, cycle_id, key_result_id from bench_links
       on conflict do nothing`,
    );
    await client.query("commit");
    const { rows } = await client.query(
      `select count(distinct kr.kpi_id)::int as kpis,
              count(distinct kr.kpi_id) filter (where k.frequency = 'daily')::int as daily,
              (select count(*)::int from kpis where state = 'active' and formula is null) as total,
              (select count(*)::int from kpis where state = 'active' and formula is null and frequency = 'daily') as total_daily
       from key_results kr join kpis k on k.organization_id = kr.organization_id and k.id = kr.kpi_id
       where kr.archived_at is null`,
    );
    return rows[0] as { kpis: number; daily: number; total: number; total_daily: number };
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
