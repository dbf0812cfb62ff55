-- KPI values are written thousands per statement. The bookkeeping each row needs is
-- done here once per statement, over the statement's transition tables, instead of
-- once per row (see kpiMeasurements in src/db/schema-kpis.ts).

-- 1. A value an upsert replaces moves to history, superseded now. Every correction path
--    (API, CSV, bulk, connectors, formulas) writes through an upsert, so none can skip it.
CREATE FUNCTION kpi_measurements_keep_replaced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi_measurement_history
    (organization_id, kpi_id, period_start, value, source, author_user_id, token_id, note, recorded_at, revision, superseded_at)
  SELECT organization_id, kpi_id, period_start, value, source, author_user_id, token_id, note, recorded_at, revision, now()
  FROM replaced;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_measurements_keep_replaced
  AFTER UPDATE ON kpi_measurements
  REFERENCING OLD TABLE AS replaced
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_measurements_keep_replaced();
--> statement-breakpoint

-- 2. Every inserted value names a KPI of its organisation: the foreign key's check,
--    made once per statement over the distinct KPIs of the batch.
CREATE FUNCTION kpi_measurements_check_kpis() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing record;
BEGIN
  SELECT n.organization_id, n.kpi_id INTO missing
  FROM (SELECT DISTINCT organization_id, kpi_id FROM inserted) n
  WHERE NOT EXISTS (SELECT 1 FROM kpis k WHERE k.organization_id = n.organization_id AND k.id = n.kpi_id)
  LIMIT 1;
  IF FOUND THEN
    RAISE foreign_key_violation USING
      MESSAGE = format('kpi_measurements: KPI %s of organisation %s does not exist', missing.kpi_id, missing.organization_id),
      CONSTRAINT = 'kpi_measurements_kpi_fk';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_measurements_check_kpis
  AFTER INSERT ON kpi_measurements
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_measurements_check_kpis();
--> statement-breakpoint

-- 3. The cascade: a deleted KPI takes its values with it.
CREATE FUNCTION kpis_delete_measurements() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM kpi_measurements m USING removed r
  WHERE m.organization_id = r.organization_id AND m.kpi_id = r.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpis_delete_measurements
  AFTER DELETE ON kpis
  REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION kpis_delete_measurements();
--> statement-breakpoint

-- 4. The value rides in the primary key's index, so sparklines and series are read from
--    the index alone (no visit to a heap page per value).
ALTER TABLE kpi_measurements
  DROP CONSTRAINT kpi_measurements_organization_id_kpi_id_period_start_pk,
  ADD CONSTRAINT kpi_measurements_organization_id_kpi_id_period_start_pk
    PRIMARY KEY (organization_id, kpi_id, period_start) INCLUDE (value);
