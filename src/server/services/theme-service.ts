import { changedFields } from "../../domain/no-op.ts";
import { notFound, versionConflict } from "../../shared/errors.ts";
import type { ListQuery } from "../../shared/schemas/common.ts";
import type { Actor, Deps } from "../context.ts";
import { pageFilter, toPage } from "../lib/pagination.ts";
import { authorize } from "../policies/org-policy.ts";
import { recordAudit } from "../repositories/audit-repository.ts";
import {
  findTheme,
  insertThemes,
  listThemes,
  pageThemes,
  updateTheme,
} from "../repositories/catalog-repository.ts";

type ThemeRow = NonNullable<Awaited<ReturnType<typeof findTheme>>>;

export function presentTheme(row: ThemeRow) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    perspective: row.perspective,
    position: row.position,
    archived: row.archivedAt !== null,
    version: row.version,
  };
}

export async function listThemesFor(deps: Deps, actor: Actor, query: ListQuery) {
  authorize(actor, "read");
  const rows = await pageThemes(deps.db, actor.organizationId, pageFilter(query, "integer"));
  const page = toPage(rows, query.limit, (r) => ({ k: String(r.position), id: r.id }));
  return { items: page.items.map(presentTheme), nextCursor: page.nextCursor };
}

export async function createTheme(deps: Deps, actor: Actor, input: { name: string; description: string }) {
  authorize(actor, "manage_themes");
  return deps.db.transaction(async (tx) => {
    const position = (await listThemes(tx, actor.organizationId)).length;
    const [row] = await insertThemes(tx, [
      { organizationId: actor.organizationId, ...input, perspective: null, position },
    ]);
    const theme = presentTheme(row!);
    await recordAudit(tx, actor, {
      action: "theme.created",
      entityType: "theme",
      entityId: theme.id,
      entityLabel: theme.name,
      after: theme,
    });
    return theme;
  });
}

export async function updateThemeFor(
  deps: Deps,
  actor: Actor,
  id: string,
  input: {
    version: number;
    name?: string | undefined;
    description?: string | undefined;
    archived?: boolean | undefined;
  },
) {
  authorize(actor, "manage_themes");
  return deps.db.transaction(async (tx) => {
    const before = await findTheme(tx, actor.organizationId, id);
    if (!before) throw notFound("That theme");
    const { version, archived, ...patch } = input;
    const update = {
      ...patch,
      ...(archived === undefined ? {} : { archivedAt: archived ? (before.archivedAt ?? deps.now()) : null }),
    };
    if (version !== before.version) throw versionConflict(`Theme "${before.name}"`);
    // Nothing changes: no version, no audit entry.
    if (changedFields(update, before).length === 0) return presentTheme(before);
    const after = await updateTheme(tx, actor.organizationId, id, version, update);
    if (!after) throw versionConflict(`Theme "${before.name}"`);
    await recordAudit(tx, actor, {
      action: "theme.updated",
      entityType: "theme",
      entityId: id,
      entityLabel: after.name,
      before: presentTheme(before),
      after: presentTheme(after),
    });
    return presentTheme(after);
  });
}
