ALTER TABLE "kpi_measurements" DROP CONSTRAINT "kpi_measurements_kpi_fk";
