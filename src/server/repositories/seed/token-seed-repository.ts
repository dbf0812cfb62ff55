/**
 * Service tokens of a seeded organisation, created as of the day the seed's story has
 * them made (insertToken dates a token by the transaction).
 */
import type { Queryable } from "../../../db/client.ts";
import { apiTokens } from "../../../db/schema.ts";
import type { Role } from "../../../domain/roles.ts";

export type SeededTokenRow = typeof apiTokens.$inferSelect;

/** Creates service tokens in one statement and returns their rows in the order given. */
export async function insertBackdatedServiceTokens(
  q: Queryable,
  organizationId: string,
  tokens: ReadonlyArray<{
    name: string;
    role: Role;
    tokenHash: string;
    prefix: string;
    createdBy: string | null;
    createdAt: Date;
  }>,
): Promise<SeededTokenRow[]> {
  if (tokens.length === 0) return [];
  return q
    .insert(apiTokens)
    .values(tokens.map((t) => ({ organizationId, kind: "service" as const, userId: null, ...t })))
    .returning();
}
