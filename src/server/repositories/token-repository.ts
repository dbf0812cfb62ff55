import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { apiTokens, users } from "../../db/schema.ts";
import type { Role } from "../../domain/roles.ts";
import { likePattern, type PageFilter } from "../lib/pagination.ts";

const tokenColumns = {
  id: apiTokens.id,
  kind: apiTokens.kind,
  name: apiTokens.name,
  role: apiTokens.role,
  prefix: apiTokens.prefix,
  userId: apiTokens.userId,
  userName: users.name,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

/** A page of tokens, newest first; the cursor key is the creation time. */
export function listTokens(q: Queryable, organizationId: string, f: PageFilter, onlyUserId?: string) {
  const conditions: SQL[] = [eq(apiTokens.organizationId, organizationId)];
  if (onlyUserId) conditions.push(eq(apiTokens.userId, onlyUserId));
  if (f.q) conditions.push(sql`${apiTokens.name} ilike ${likePattern(f.q)}`);
  if (f.after) {
    conditions.push(
      sql`(date_trunc('milliseconds', ${apiTokens.createdAt}), ${apiTokens.id}) < (${f.after.k}::timestamptz, ${f.after.id}::uuid)`,
    );
  }
  // Cursors carry the time in milliseconds (JavaScript's precision), so rows are ordered
  // and compared at that precision: two rows in one millisecond are then told apart by id.
  return q
    .select(tokenColumns)
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.userId))
    .where(and(...conditions))
    .orderBy(sql`date_trunc('milliseconds', ${apiTokens.createdAt}) desc`, desc(apiTokens.id))
    .limit(f.limit + 1);
}

export function findToken(q: Queryable, organizationId: string, id: string) {
  return q
    .select(tokenColumns)
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.organizationId, organizationId), eq(apiTokens.id, id)))
    .then((r) => r[0]);
}

export async function insertToken(
  q: Queryable,
  v: {
    organizationId: string;
    kind: "personal" | "service";
    userId: string | null;
    name: string;
    role: Role;
    tokenHash: string;
    prefix: string;
    createdBy: string | null;
  },
) {
  const [row] = await q.insert(apiTokens).values(v).returning({ id: apiTokens.id });
  return row!.id;
}

export async function revokeToken(q: Queryable, organizationId: string, id: string, now: Date) {
  await q
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.organizationId, organizationId), eq(apiTokens.id, id)));
}
