CREATE TABLE "key_result_judgements" (
	"organization_id" uuid NOT NULL,
	"key_result_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"status" text NOT NULL,
	"progress" double precision,
	"check_in_due" boolean,
	"check_in_overdue" boolean,
	"days_since_last_check_in" integer,
	CONSTRAINT "key_result_judgements_organization_id_key_result_id_pk" PRIMARY KEY("organization_id","key_result_id")
);
--> statement-breakpoint
CREATE TABLE "lint_cycle_judgements" (
	"organization_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"linted_on" date,
	"stale" boolean DEFAULT true NOT NULL,
	"generation" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "lint_cycle_judgements_organization_id_cycle_id_pk" PRIMARY KEY("organization_id","cycle_id")
);
--> statement-breakpoint
CREATE TABLE "lint_findings" (
	"organization_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"cycle_id" uuid NOT NULL,
	"key_result_id" uuid,
	"rule" text NOT NULL,
	"severity" text NOT NULL,
	"message" text NOT NULL,
	CONSTRAINT "lint_findings_organization_id_objective_id_position_pk" PRIMARY KEY("organization_id","objective_id","position")
);
--> statement-breakpoint
CREATE TABLE "objective_judgements" (
	"organization_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"cycle_id" uuid,
	"status" text,
	"progress" double precision,
	"expected_progress" double precision,
	"check_ins_expected" integer DEFAULT 0 NOT NULL,
	"check_ins_done" integer DEFAULT 0 NOT NULL,
	"check_ins_overdue" integer DEFAULT 0 NOT NULL,
	"judged_on" date,
	"stale" boolean DEFAULT true NOT NULL,
	"generation" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "objective_judgements_organization_id_objective_id_pk" PRIMARY KEY("organization_id","objective_id")
);
--> statement-breakpoint
ALTER TABLE "key_result_judgements" ADD CONSTRAINT "key_result_judgements_objective_fk" FOREIGN KEY ("organization_id","objective_id") REFERENCES "public"."objective_judgements"("organization_id","objective_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_result_judgements" ADD CONSTRAINT "key_result_judgements_key_result_fk" FOREIGN KEY ("organization_id","key_result_id") REFERENCES "public"."key_results"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lint_cycle_judgements" ADD CONSTRAINT "lint_cycle_judgements_cycle_fk" FOREIGN KEY ("organization_id","cycle_id") REFERENCES "public"."cycles"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lint_findings" ADD CONSTRAINT "lint_findings_objective_fk" FOREIGN KEY ("organization_id","objective_id") REFERENCES "public"."objectives"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_judgements" ADD CONSTRAINT "objective_judgements_objective_fk" FOREIGN KEY ("organization_id","objective_id") REFERENCES "public"."objectives"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "key_result_judgements_objective_idx" ON "key_result_judgements" USING btree ("organization_id","objective_id");--> statement-breakpoint
CREATE INDEX "lint_findings_cycle_idx" ON "lint_findings" USING btree ("organization_id","cycle_id");--> statement-breakpoint
CREATE INDEX "objective_judgements_cycle_idx" ON "objective_judgements" USING btree ("organization_id","cycle_id");--> statement-breakpoint

-- Stored judgements (src/db/schema-judgements.ts) are marked stale by the transaction that
-- changes what they were judged from, whatever path wrote it (API, import, rollover, seed).
-- The triggers only mark: the reader that next needs a stale row re-judges it with the
-- domain rules (src/server/services/okr/stored-judgements.ts). Bumping `generation` makes a
-- re-judgement that read the facts before this change fail to overwrite the mark.

-- 1. Statuses. An Objective is judged from its own row and its KRs' rows (a check-in writes
--    the KR's current value, confidence and last check-in).
CREATE FUNCTION objective_judgements_mark_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE objective_judgements j SET stale = true, generation = j.generation + 1
  FROM (SELECT DISTINCT organization_id, objective_id FROM changed) c
  WHERE j.organization_id = c.organization_id AND j.objective_id = c.objective_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION objective_judgements_mark_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE objective_judgements j SET stale = true, generation = j.generation + 1
  FROM (SELECT DISTINCT organization_id, objective_id FROM gone) c
  WHERE j.organization_id = c.organization_id AND j.objective_id = c.objective_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION objective_judgements_mark_objectives() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE objective_judgements j SET stale = true, generation = j.generation + 1
  FROM (SELECT DISTINCT organization_id, id FROM changed) c
  WHERE j.organization_id = c.organization_id AND j.objective_id = c.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER key_results_judgements_inserted AFTER INSERT ON key_results
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION objective_judgements_mark_changed();
--> statement-breakpoint
CREATE TRIGGER key_results_judgements_updated AFTER UPDATE ON key_results
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION objective_judgements_mark_changed();
--> statement-breakpoint
CREATE TRIGGER key_results_judgements_moved AFTER UPDATE ON key_results
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION objective_judgements_mark_gone();
--> statement-breakpoint
CREATE TRIGGER key_results_judgements_deleted AFTER DELETE ON key_results
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION objective_judgements_mark_gone();
--> statement-breakpoint
CREATE TRIGGER objectives_judgements_updated AFTER UPDATE ON objectives
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION objective_judgements_mark_objectives();
--> statement-breakpoint

-- A cycle's dates and state set every pace and cadence in it.
CREATE FUNCTION objective_judgements_mark_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE objective_judgements SET stale = true, generation = generation + 1
  WHERE organization_id = NEW.organization_id AND cycle_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER cycles_judgements_updated AFTER UPDATE ON cycles FOR EACH ROW
  WHEN (OLD.starts_on IS DISTINCT FROM NEW.starts_on OR OLD.ends_on IS DISTINCT FROM NEW.ends_on
        OR OLD.state IS DISTINCT FROM NEW.state)
  EXECUTE FUNCTION objective_judgements_mark_cycle();
--> statement-breakpoint

-- The organisation's day (time zone), week start and status bands judge all of its OKRs.
CREATE FUNCTION objective_judgements_mark_organization() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE objective_judgements SET stale = true, generation = generation + 1
  WHERE organization_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organizations_judgements_updated AFTER UPDATE ON organizations FOR EACH ROW
  WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone OR OLD.week_start IS DISTINCT FROM NEW.week_start
        OR OLD.okr_settings IS DISTINCT FROM NEW.okr_settings)
  EXECUTE FUNCTION objective_judgements_mark_organization();
--> statement-breakpoint

-- 2. Linter findings, kept per cycle: what an Objective is linted against is its team's other
--    Objectives, its parents, the company's Objectives and its team's floors in the same
--    cycle. Changes to other cycles (history rules), teams and KPI values are picked up by the
--    daily re-lint (`linted_on`). Check-ins change nothing the linter reads, so they mark nothing.
CREATE FUNCTION lint_cycle_judgements_mark_cycles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE lint_cycle_judgements j SET stale = true, generation = j.generation + 1
  FROM (SELECT DISTINCT organization_id, cycle_id FROM changed) c
  WHERE j.organization_id = c.organization_id AND j.cycle_id = c.cycle_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION lint_cycle_judgements_mark_objectives() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE lint_cycle_judgements j SET stale = true, generation = j.generation + 1
  FROM (SELECT DISTINCT o.organization_id, o.cycle_id FROM changed c
        JOIN objectives o ON o.organization_id = c.organization_id AND o.id = c.objective_id) c
  WHERE j.organization_id = c.organization_id AND j.cycle_id = c.cycle_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER objectives_lint_inserted AFTER INSERT ON objectives
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION lint_cycle_judgements_mark_cycles();
--> statement-breakpoint
CREATE TRIGGER objectives_lint_updated AFTER UPDATE ON objectives
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION lint_cycle_judgements_mark_cycles();
--> statement-breakpoint
CREATE TRIGGER objectives_lint_moved AFTER UPDATE ON objectives
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION lint_cycle_judgements_mark_cycles();
--> statement-breakpoint
CREATE TRIGGER objectives_lint_deleted AFTER DELETE ON objectives
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION lint_cycle_judgements_mark_cycles();
--> statement-breakpoint
CREATE TRIGGER kpi_floors_lint_inserted AFTER INSERT ON kpi_floors
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION lint_cycle_judgements_mark_cycles();
--> statement-breakpoint
CREATE TRIGGER kpi_floors_lint_updated AFTER UPDATE ON kpi_floors
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION lint_cycle_judgements_mark_cycles();
--> statement-breakpoint
CREATE TRIGGER kpi_floors_lint_deleted AFTER DELETE ON kpi_floors
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION lint_cycle_judgements_mark_cycles();
--> statement-breakpoint
CREATE TRIGGER key_results_lint_inserted AFTER INSERT ON key_results
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION lint_cycle_judgements_mark_objectives();
--> statement-breakpoint
CREATE TRIGGER key_results_lint_deleted AFTER DELETE ON key_results
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION lint_cycle_judgements_mark_objectives();
--> statement-breakpoint
CREATE TRIGGER objective_health_kpis_lint_inserted AFTER INSERT ON objective_health_kpis
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION lint_cycle_judgements_mark_objectives();
--> statement-breakpoint
CREATE TRIGGER objective_health_kpis_lint_deleted AFTER DELETE ON objective_health_kpis
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION lint_cycle_judgements_mark_objectives();
--> statement-breakpoint
CREATE FUNCTION lint_cycle_judgements_mark_alignments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE lint_cycle_judgements j SET stale = true, generation = j.generation + 1
  FROM (SELECT DISTINCT o.organization_id, o.cycle_id FROM changed c
        JOIN objectives o ON o.organization_id = c.organization_id AND o.id = c.child_id) c
  WHERE j.organization_id = c.organization_id AND j.cycle_id = c.cycle_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER objective_alignments_lint_inserted AFTER INSERT ON objective_alignments
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION lint_cycle_judgements_mark_alignments();
--> statement-breakpoint
CREATE TRIGGER objective_alignments_lint_updated AFTER UPDATE ON objective_alignments
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION lint_cycle_judgements_mark_alignments();
--> statement-breakpoint
CREATE TRIGGER objective_alignments_lint_deleted AFTER DELETE ON objective_alignments
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION lint_cycle_judgements_mark_alignments();
--> statement-breakpoint
-- A KR's definition (not its check-ins) is what the linter reads.
CREATE FUNCTION lint_cycle_judgements_mark_key_result() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE lint_cycle_judgements j SET stale = true, generation = j.generation + 1
  FROM objectives o
  WHERE o.organization_id = NEW.organization_id AND o.id IN (OLD.objective_id, NEW.objective_id)
    AND j.organization_id = o.organization_id AND j.cycle_id = o.cycle_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER key_results_lint_updated AFTER UPDATE ON key_results FOR EACH ROW
  WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.kind IS DISTINCT FROM NEW.kind
        OR OLD.owner_user_id IS DISTINCT FROM NEW.owner_user_id OR OLD.start_value IS DISTINCT FROM NEW.start_value
        OR OLD.target_value IS DISTINCT FROM NEW.target_value OR OLD.unit IS DISTINCT FROM NEW.unit
        OR OLD.kpi_id IS DISTINCT FROM NEW.kpi_id OR OLD.archived_at IS DISTINCT FROM NEW.archived_at
        OR OLD.objective_id IS DISTINCT FROM NEW.objective_id OR OLD.position IS DISTINCT FROM NEW.position)
  EXECUTE FUNCTION lint_cycle_judgements_mark_key_result();
