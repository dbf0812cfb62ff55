ALTER TABLE "invitations" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "title" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "manager_user_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "is_operator" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Hand-written backfill, also in custom-operators.sql: the oldest account with a password becomes an operator.
UPDATE "users" SET "is_operator" = true
WHERE "id" = (
  SELECT "id" FROM "users" WHERE "password_hash" IS NOT NULL ORDER BY "created_at", "id" LIMIT 1
)
AND NOT EXISTS (SELECT 1 FROM "users" WHERE "is_operator");
