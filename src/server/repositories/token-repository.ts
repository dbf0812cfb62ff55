import { and, desc, eq, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { apiTokens, users } from "../../db/schema.ts";
import type { Role } from "../../domain/roles.ts";

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

export function listTokens(q: Queryable, organizationId: string, onlyUserId?: string) {
  const conditions: SQL[] = [eq(apiTokens.organizationId, organizationId)];
  if (onlyUserId) conditions.push(eq(apiTokens.userId, onlyUserId));
  return q
    .select(tokenColumns)
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.userId))
    .where(and(...conditions))
    .orderBy(desc(apiTokens.createdAt), apiTokens.id)
    .limit(500);
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
