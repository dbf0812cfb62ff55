/**
 * Column helpers shared by the schema files (schema-identity.ts, schema-okrs.ts,
 * schema-kpis.ts), so every table records its timestamps the same way.
 */
import { timestamp } from "drizzle-orm/pg-core";

/** When the row was written; set by the database. */
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
/** When the row last changed; services set it on every update. */
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
