CREATE TABLE "key_result_flags" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key_result_id" uuid NOT NULL,
	"raised_by_check_in_id" uuid NOT NULL,
	"quote_check_in_id" uuid NOT NULL,
	"quote" text NOT NULL,
	"cue" text NOT NULL,
	"confidence_before" smallint NOT NULL,
	"confidence_now" smallint NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"resolved_by_user_id" uuid,
	"resolution_note" text,
	CONSTRAINT "key_result_flags_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "lint_dismissals" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"objective_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"rule" text NOT NULL,
	"reason" text NOT NULL,
	"dismissed_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lint_dismissals_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "note_signals" jsonb;--> statement-breakpoint
ALTER TABLE "key_result_flags" ADD CONSTRAINT "key_result_flags_kr_fk" FOREIGN KEY ("organization_id","key_result_id") REFERENCES "public"."key_results"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_result_flags" ADD CONSTRAINT "key_result_flags_check_in_fk" FOREIGN KEY ("organization_id","raised_by_check_in_id") REFERENCES "public"."check_ins"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lint_dismissals" ADD CONSTRAINT "lint_dismissals_objective_fk" FOREIGN KEY ("organization_id","objective_id") REFERENCES "public"."objectives"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "key_result_flags_one_open_key" ON "key_result_flags" USING btree ("organization_id","key_result_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "key_result_flags_kr_idx" ON "key_result_flags" USING btree ("organization_id","key_result_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "lint_dismissals_finding_key" ON "lint_dismissals" USING btree ("organization_id","objective_id","subject","rule");