/**
 * Keel's relational schema. Migrations in ./migrations are generated from this file
 * with `npm run db:generate` and committed; they run on PGlite and on PostgreSQL alike,
 * so nothing here may need a server newer than PostgreSQL 15.
 *
 * Tenant-owned tables carry `organization_id` and include it in their primary, unique
 * and foreign keys, so one organisation's rows can be distributed together later.
 * Facts are append-only; definitions carry a `version` (optimistic locking) and every
 * change writes a full before/after snapshot to `audit_events` in the same transaction,
 * which is what makes "as of" a query (see docs/ARCHITECTURE.md).
 *
 * The tables live in one file per domain; this index re-exports them all, so drizzle-kit
 * (drizzle.config.ts) and the code import one module:
 * - schema-identity.ts: accounts, sessions, organisations, memberships, invitations,
 *   teams, API tokens, the audit log;
 * - schema-okrs.ts: cycles, themes, Objectives, alignment, Key Results, check-ins;
 * - schema-kpis.ts: KPIs, bands, measurements, connectors, floors, escalations;
 * - schema-bridge.ts: where the two meet: promotions, health KPIs, driver trees, the
 *   strategy map;
 * - schema-coach.ts: what the coach keeps: dismissed linter findings, risk flags,
 *   notifications;
 * - schema-one-on-ones.ts: 1:1 agendas and their items;
 * - schema-judgements.ts: statuses and linter findings kept for whole-organisation views;
 * - schema-delivery.ts: what leaves Keel: the email outbox, address proofs, scheduled
 *   slots, webhooks and their deliveries, scheduled reports.
 */
export * from "./schema-bridge.ts";
export * from "./schema-coach.ts";
export * from "./schema-delivery.ts";
export * from "./schema-identity.ts";
export * from "./schema-judgements.ts";
export * from "./schema-kpis.ts";
export * from "./schema-okrs.ts";
export * from "./schema-one-on-ones.ts";
