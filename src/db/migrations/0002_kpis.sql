CREATE TABLE "escalation_entries" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"escalation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"author_user_id" uuid,
	"text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalation_entries_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "escalation_recipients" (
	"organization_id" uuid NOT NULL,
	"escalation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "escalation_recipients_organization_id_escalation_id_user_id_pk" PRIMARY KEY("organization_id","escalation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "escalations" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kpi_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"floor_id" uuid,
	"state" text DEFAULT 'open' NOT NULL,
	"period_start" date NOT NULL,
	"value" double precision NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_user_id" uuid,
	"resolved_at" timestamp with time zone,
	"resolved_by_user_id" uuid,
	"resolution" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "escalations_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "kpi_bands" (
	"organization_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"target" double precision,
	"green_min" double precision,
	"green_max" double precision,
	"red_min" double precision,
	"red_max" double precision,
	CONSTRAINT "kpi_bands_organization_id_kpi_id_effective_from_pk" PRIMARY KEY("organization_id","kpi_id","effective_from")
);
--> statement-breakpoint
CREATE TABLE "kpi_connectors" (
	"organization_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"url" text,
	"json_path" text,
	"query" text,
	"secret_ciphertext" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"next_run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_run_at" timestamp with time zone,
	"last_outcome" text,
	"last_error" text,
	"last_value" double precision,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_connectors_organization_id_kpi_id_pk" PRIMARY KEY("organization_id","kpi_id")
);
--> statement-breakpoint
CREATE TABLE "kpi_floors" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"threshold" double precision NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_floors_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "kpi_formula_inputs" (
	"organization_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"input_kpi_id" uuid NOT NULL,
	CONSTRAINT "kpi_formula_inputs_organization_id_kpi_id_input_kpi_id_pk" PRIMARY KEY("organization_id","kpi_id","input_kpi_id")
);
--> statement-breakpoint
CREATE TABLE "kpi_measurement_history" (
	"organization_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"kpi_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	"author_user_id" uuid,
	"token_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"revision" integer NOT NULL,
	"superseded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_measurement_history_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "kpi_measurements" (
	"organization_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	"author_user_id" uuid,
	"token_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "kpi_measurements_organization_id_kpi_id_period_start_pk" PRIMARY KEY("organization_id","kpi_id","period_start")
);
--> statement-breakpoint
CREATE TABLE "kpi_recompute_queue" (
	"organization_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"from_period" date NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_recompute_queue_organization_id_kpi_id_pk" PRIMARY KEY("organization_id","kpi_id")
);
--> statement-breakpoint
CREATE TABLE "kpis" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"unit" text NOT NULL,
	"decimals" smallint DEFAULT 0 NOT NULL,
	"currency" text,
	"direction" text NOT NULL,
	"frequency" text NOT NULL,
	"aggregation" text NOT NULL,
	"theme_id" uuid,
	"formula" text,
	"state" text DEFAULT 'active' NOT NULL,
	"close_after_green_periods" smallint DEFAULT 2 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpis_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "escalation_entries" ADD CONSTRAINT "escalation_entries_escalation_fk" FOREIGN KEY ("organization_id","escalation_id") REFERENCES "public"."escalations"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_recipients" ADD CONSTRAINT "escalation_recipients_escalation_fk" FOREIGN KEY ("organization_id","escalation_id") REFERENCES "public"."escalations"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_kpi_fk" FOREIGN KEY ("organization_id","kpi_id") REFERENCES "public"."kpis"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_bands" ADD CONSTRAINT "kpi_bands_kpi_fk" FOREIGN KEY ("organization_id","kpi_id") REFERENCES "public"."kpis"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_connectors" ADD CONSTRAINT "kpi_connectors_kpi_fk" FOREIGN KEY ("organization_id","kpi_id") REFERENCES "public"."kpis"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_floors" ADD CONSTRAINT "kpi_floors_team_fk" FOREIGN KEY ("organization_id","team_id") REFERENCES "public"."teams"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_floors" ADD CONSTRAINT "kpi_floors_cycle_fk" FOREIGN KEY ("organization_id","cycle_id") REFERENCES "public"."cycles"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_floors" ADD CONSTRAINT "kpi_floors_kpi_fk" FOREIGN KEY ("organization_id","kpi_id") REFERENCES "public"."kpis"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_floors" ADD CONSTRAINT "kpi_floors_owner_fk" FOREIGN KEY ("organization_id","owner_user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_formula_inputs" ADD CONSTRAINT "kpi_formula_inputs_kpi_fk" FOREIGN KEY ("organization_id","kpi_id") REFERENCES "public"."kpis"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_formula_inputs" ADD CONSTRAINT "kpi_formula_inputs_input_fk" FOREIGN KEY ("organization_id","input_kpi_id") REFERENCES "public"."kpis"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_measurement_history" ADD CONSTRAINT "kpi_measurement_history_kpi_fk" FOREIGN KEY ("organization_id","kpi_id") REFERENCES "public"."kpis"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_measurements" ADD CONSTRAINT "kpi_measurements_kpi_fk" FOREIGN KEY ("organization_id","kpi_id") REFERENCES "public"."kpis"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_recompute_queue" ADD CONSTRAINT "kpi_recompute_queue_kpi_fk" FOREIGN KEY ("organization_id","kpi_id") REFERENCES "public"."kpis"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_team_fk" FOREIGN KEY ("organization_id","team_id") REFERENCES "public"."teams"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_owner_fk" FOREIGN KEY ("organization_id","owner_user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_theme_fk" FOREIGN KEY ("organization_id","theme_id") REFERENCES "public"."themes"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "escalation_entries_escalation_idx" ON "escalation_entries" USING btree ("organization_id","escalation_id","created_at");--> statement-breakpoint
CREATE INDEX "escalation_recipients_user_idx" ON "escalation_recipients" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "escalations_one_unresolved_key" ON "escalations" USING btree ("organization_id","kpi_id") WHERE state <> 'resolved';--> statement-breakpoint
CREATE INDEX "escalations_state_idx" ON "escalations" USING btree ("organization_id","state");--> statement-breakpoint
CREATE INDEX "kpi_connectors_due_idx" ON "kpi_connectors" USING btree ("next_run_at");--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_floors_team_cycle_kpi_key" ON "kpi_floors" USING btree ("organization_id","team_id","cycle_id","kpi_id");--> statement-breakpoint
CREATE INDEX "kpi_floors_kpi_idx" ON "kpi_floors" USING btree ("organization_id","kpi_id");--> statement-breakpoint
CREATE INDEX "kpi_formula_inputs_input_idx" ON "kpi_formula_inputs" USING btree ("organization_id","input_kpi_id");--> statement-breakpoint
CREATE INDEX "kpi_measurement_history_period_idx" ON "kpi_measurement_history" USING btree ("organization_id","kpi_id","period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "kpis_key_key" ON "kpis" USING btree ("organization_id","key");--> statement-breakpoint
CREATE INDEX "kpis_team_idx" ON "kpis" USING btree ("organization_id","team_id");--> statement-breakpoint
CREATE INDEX "kpis_owner_idx" ON "kpis" USING btree ("organization_id","owner_user_id");