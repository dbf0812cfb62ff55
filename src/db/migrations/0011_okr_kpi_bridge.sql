CREATE TABLE "kpi_drivers" (
	"organization_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"driver_kpi_id" uuid NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_drivers_organization_id_kpi_id_driver_kpi_id_pk" PRIMARY KEY("organization_id","kpi_id","driver_kpi_id")
);
--> statement-breakpoint
CREATE TABLE "kpi_promotions" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kpi_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"key_result_id" uuid NOT NULL,
	"promoted_by_user_id" uuid,
	"outcome" text,
	"final_value" double precision,
	"baseline_decision" text,
	"baseline_decided_by_user_id" uuid,
	"baseline_decided_at" timestamp with time zone,
	"baseline_effective_from" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "kpi_promotions_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "objective_health_kpis" (
	"organization_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objective_health_kpis_organization_id_objective_id_kpi_id_pk" PRIMARY KEY("organization_id","objective_id","kpi_id")
);
--> statement-breakpoint
CREATE TABLE "strategy_edges" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"from_kind" text NOT NULL,
	"from_id" uuid NOT NULL,
	"to_kind" text NOT NULL,
	"to_id" uuid NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_edges_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "key_results" ADD COLUMN "kpi_id" uuid;--> statement-breakpoint
ALTER TABLE "key_results" ADD COLUMN "kpi_read" text;--> statement-breakpoint
ALTER TABLE "kpi_drivers" ADD CONSTRAINT "kpi_drivers_kpi_fk" FOREIGN KEY ("organization_id","kpi_id") REFERENCES "public"."kpis"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_drivers" ADD CONSTRAINT "kpi_drivers_driver_fk" FOREIGN KEY ("organization_id","driver_kpi_id") REFERENCES "public"."kpis"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_promotions" ADD CONSTRAINT "kpi_promotions_kpi_fk" FOREIGN KEY ("organization_id","kpi_id") REFERENCES "public"."kpis"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_promotions" ADD CONSTRAINT "kpi_promotions_cycle_fk" FOREIGN KEY ("organization_id","cycle_id") REFERENCES "public"."cycles"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_promotions" ADD CONSTRAINT "kpi_promotions_key_result_fk" FOREIGN KEY ("organization_id","key_result_id") REFERENCES "public"."key_results"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_health_kpis" ADD CONSTRAINT "objective_health_kpis_objective_fk" FOREIGN KEY ("organization_id","objective_id") REFERENCES "public"."objectives"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_health_kpis" ADD CONSTRAINT "objective_health_kpis_kpi_fk" FOREIGN KEY ("organization_id","kpi_id") REFERENCES "public"."kpis"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_edges" ADD CONSTRAINT "strategy_edges_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_drivers_driver_idx" ON "kpi_drivers" USING btree ("organization_id","driver_kpi_id");--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_promotions_key_result_key" ON "kpi_promotions" USING btree ("organization_id","key_result_id");--> statement-breakpoint
CREATE INDEX "kpi_promotions_kpi_idx" ON "kpi_promotions" USING btree ("organization_id","kpi_id","created_at");--> statement-breakpoint
CREATE INDEX "kpi_promotions_cycle_idx" ON "kpi_promotions" USING btree ("organization_id","cycle_id");--> statement-breakpoint
CREATE INDEX "objective_health_kpis_kpi_idx" ON "objective_health_kpis" USING btree ("organization_id","kpi_id");--> statement-breakpoint
CREATE UNIQUE INDEX "strategy_edges_ends_key" ON "strategy_edges" USING btree ("organization_id","from_kind","from_id","to_kind","to_id");--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_kpi_fk" FOREIGN KEY ("organization_id","kpi_id") REFERENCES "public"."kpis"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "key_results_kpi_idx" ON "key_results" USING btree ("organization_id","kpi_id");