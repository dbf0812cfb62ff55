/**
 * Row types of the schema's tables, for code outside the repositories that handles rows
 * but must not reach the tables themselves (biome.json restricts importing the schema
 * there, and Biome cannot tell a type-only import apart).
 */
import type { checkIns, invitations, keyResultFlags, users } from "./schema.ts";

export type UserRow = typeof users.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;
export type CheckInRow = typeof checkIns.$inferSelect;
export type KeyResultFlagRow = typeof keyResultFlags.$inferSelect;
