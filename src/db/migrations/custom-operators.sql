-- Backfill of users.is_operator (migration 0008_operators): an instance set up before
-- operators existed keeps one, the account that set it up (the oldest with a password),
-- so someone can still create organisations and name further operators.
UPDATE "users" SET "is_operator" = true
WHERE "id" = (
  SELECT "id" FROM "users" WHERE "password_hash" IS NOT NULL ORDER BY "created_at", "id" LIMIT 1
)
AND NOT EXISTS (SELECT 1 FROM "users" WHERE "is_operator");
