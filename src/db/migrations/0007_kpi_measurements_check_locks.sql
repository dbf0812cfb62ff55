-- The check of inserted values' KPIs (0005) now also locks those KPIs `for key share`,
-- the lock a foreign key's check takes: a KPI a statement wrote values for cannot be
-- deleted (nor its key changed) until that statement's transaction ends, whichever
-- writer it was. Keel's writers lock the KPIs they write anyway; this holds for any other.
CREATE OR REPLACE FUNCTION kpi_measurements_check_kpis() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing record;
BEGIN
  PERFORM 1 FROM kpis k
  WHERE (k.organization_id, k.id) IN (SELECT DISTINCT organization_id, kpi_id FROM inserted)
  FOR KEY SHARE;
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
