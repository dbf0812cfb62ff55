CREATE TABLE "check_ins" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key_result_id" uuid NOT NULL,
	"author_user_id" uuid,
	"value" double precision,
	"done" boolean,
	"confidence" smallint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"supersedes_id" uuid,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "check_ins_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "key_result_contributors" (
	"organization_id" uuid NOT NULL,
	"key_result_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "key_result_contributors_organization_id_key_result_id_user_id_pk" PRIMARY KEY("organization_id","key_result_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "key_results" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"objective_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"owner_user_id" uuid,
	"start_value" double precision,
	"target_value" double precision,
	"unit" text DEFAULT '' NOT NULL,
	"weight" double precision DEFAULT 1 NOT NULL,
	"commitment" text DEFAULT 'aspirational' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"current_value" double precision,
	"done" boolean DEFAULT false NOT NULL,
	"last_confidence" smallint,
	"last_check_in_at" timestamp with time zone,
	"final_score" double precision,
	"score_comment" text,
	"rolled_over_from_id" uuid,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_results_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "objective_alignments" (
	"organization_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"parent_id" uuid NOT NULL,
	"weight" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objective_alignments_organization_id_child_id_parent_id_pk" PRIMARY KEY("organization_id","child_id","parent_id")
);
--> statement-breakpoint
CREATE TABLE "objectives" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"team_id" uuid,
	"owner_user_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"theme_id" uuid,
	"state" text DEFAULT 'draft' NOT NULL,
	"outcome" text,
	"visibility" text DEFAULT 'organization' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"grade" double precision,
	"retrospective" text,
	"rolled_over_from_id" uuid,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objectives_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "okr_settings" jsonb;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_kr_fk" FOREIGN KEY ("organization_id","key_result_id") REFERENCES "public"."key_results"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_result_contributors" ADD CONSTRAINT "key_result_contributors_kr_fk" FOREIGN KEY ("organization_id","key_result_id") REFERENCES "public"."key_results"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_result_contributors" ADD CONSTRAINT "key_result_contributors_member_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_objective_fk" FOREIGN KEY ("organization_id","objective_id") REFERENCES "public"."objectives"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_owner_fk" FOREIGN KEY ("organization_id","owner_user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_alignments" ADD CONSTRAINT "objective_alignments_child_fk" FOREIGN KEY ("organization_id","child_id") REFERENCES "public"."objectives"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_alignments" ADD CONSTRAINT "objective_alignments_parent_fk" FOREIGN KEY ("organization_id","parent_id") REFERENCES "public"."objectives"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_cycle_fk" FOREIGN KEY ("organization_id","cycle_id") REFERENCES "public"."cycles"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_team_fk" FOREIGN KEY ("organization_id","team_id") REFERENCES "public"."teams"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_owner_fk" FOREIGN KEY ("organization_id","owner_user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_theme_fk" FOREIGN KEY ("organization_id","theme_id") REFERENCES "public"."themes"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_ins_kr_time_idx" ON "check_ins" USING btree ("organization_id","key_result_id","created_at");--> statement-breakpoint
CREATE INDEX "key_result_contributors_user_idx" ON "key_result_contributors" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE INDEX "key_results_objective_idx" ON "key_results" USING btree ("organization_id","objective_id");--> statement-breakpoint
CREATE INDEX "key_results_owner_idx" ON "key_results" USING btree ("organization_id","owner_user_id");--> statement-breakpoint
CREATE INDEX "objective_alignments_parent_idx" ON "objective_alignments" USING btree ("organization_id","parent_id");--> statement-breakpoint
CREATE INDEX "objectives_cycle_team_idx" ON "objectives" USING btree ("organization_id","cycle_id","team_id");--> statement-breakpoint
CREATE INDEX "objectives_owner_idx" ON "objectives" USING btree ("organization_id","owner_user_id");