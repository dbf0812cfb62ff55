ALTER TABLE "kpi_recompute_queue" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_recompute_queue" ADD COLUMN "not_before" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_recompute_queue" ADD COLUMN "last_error" text;