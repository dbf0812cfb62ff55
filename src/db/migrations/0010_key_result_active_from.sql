ALTER TABLE "key_results" ADD COLUMN "needs_new_target" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "key_results" ADD COLUMN "active_from" date;