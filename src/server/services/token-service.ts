import { may, type Role, roleAtLeast } from "../../domain/roles.ts";
import { AppError, fieldError, notFound } from "../../shared/errors.ts";
import type { ListQuery } from "../../shared/schemas/common.ts";
import type { Actor, Deps } from "../context.ts";
import { pageFilter, toPage } from "../lib/pagination.ts";
import { randomSecret, sha256 } from "../lib/secrets.ts";
import { authorize } from "../policies/org-policy.ts";
import { recordAudit } from "../repositories/audit-repository.ts";
import { findToken, insertToken, listTokens, revokeToken } from "../repositories/token-repository.ts";

type TokenRow = NonNullable<Awaited<ReturnType<typeof findToken>>>;

export function presentToken(row: TokenRow) {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Admins see every token of the organisation; others see their own personal tokens. */
export async function listTokensFor(deps: Deps, actor: Actor, query: ListQuery) {
  authorize(actor, "read");
  const all = may(actor.role, "manage_service_tokens");
  if (!all && !actor.userId) return { items: [], nextCursor: null };
  const rows = await listTokens(
    deps.db,
    actor.organizationId,
    pageFilter(query, "timestamp"),
    all ? undefined : actor.userId!,
  );
  const page = toPage(rows, query.limit, (r) => ({ k: r.createdAt.toISOString(), id: r.id }));
  return { items: page.items.map(presentToken), nextCursor: page.nextCursor };
}

export async function createToken(
  deps: Deps,
  actor: Actor,
  input: { kind: "personal" | "service"; name: string; role: Role },
) {
  if (actor.tokenId) {
    throw new AppError(
      "forbidden",
      "API tokens cannot create other tokens; sign in to the web app to create one.",
    );
  }
  if (input.kind === "service") authorize(actor, "manage_service_tokens");
  else authorize(actor, "create_personal_token");
  if (!roleAtLeast(actor.role, input.role))
    throw fieldError("role", `cannot exceed your own role (${actor.role})`);
  const secret = `keel_${randomSecret(32)}`;
  return deps.db.transaction(async (tx) => {
    const id = await insertToken(tx, {
      organizationId: actor.organizationId,
      kind: input.kind,
      userId: input.kind === "personal" ? actor.userId : null,
      name: input.name,
      role: input.role,
      tokenHash: sha256(secret),
      prefix: secret.slice(0, 12),
      createdBy: actor.userId,
    });
    const token = presentToken((await findToken(tx, actor.organizationId, id))!);
    await recordAudit(tx, actor, {
      action: "token.created",
      entityType: "token",
      entityId: id,
      entityLabel: token.name,
      after: token,
    });
    return { token, secret };
  });
}

export async function revokeTokenFor(deps: Deps, actor: Actor, id: string) {
  return deps.db.transaction(async (tx) => {
    const before = await findToken(tx, actor.organizationId, id);
    const own = before?.kind === "personal" && before.userId !== null && before.userId === actor.userId;
    if (!before || (!own && !may(actor.role, "manage_service_tokens"))) throw notFound("That token");
    if (before.revokedAt) return presentToken(before);
    await revokeToken(tx, actor.organizationId, id, deps.now());
    const after = presentToken((await findToken(tx, actor.organizationId, id))!);
    await recordAudit(tx, actor, {
      action: "token.revoked",
      entityType: "token",
      entityId: id,
      entityLabel: before.name,
      before: presentToken(before),
      after,
    });
    return after;
  });
}
