import type { Queryable } from "../../db/client.ts";
import { changedFields } from "../../domain/no-op.ts";
import { buildTree, wouldCreateLoop } from "../../domain/team-tree.ts";
import { AppError, fieldError, notFound, versionConflict } from "../../shared/errors.ts";
import type { ListQuery } from "../../shared/schemas/common.ts";
import type { Team, TeamNode } from "../../shared/schemas/teams.ts";
import type { Actor, Deps } from "../context.ts";
import { decodeCursor, pageFilter, toPage } from "../lib/pagination.ts";
import { authorize } from "../policies/org-policy.ts";
import { teamMemberIds } from "../repositories/as-of-repository.ts";
import { recordAudit } from "../repositories/audit-repository.ts";
import {
  addTeamMember,
  allTeams,
  findTeam,
  insertTeam,
  isActiveMember,
  listTeamMembers,
  listTeams,
  lockTeamTree,
  parentMap,
  removeTeamMember,
  updateTeam,
} from "../repositories/team-repository.ts";

type TeamRow = NonNullable<Awaited<ReturnType<typeof findTeam>>>;

export function presentTeam(row: TeamRow): Team {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    kind: row.kind,
    methodology: row.methodology,
    leadUserId: row.leadUserId,
    leadName: row.leadName,
    memberCount: row.memberCount,
    archived: row.archivedAt !== null,
    version: row.version,
  };
}

/**
 * A team as the audit log keeps it: as the API shows it, with everyone on it, so the
 * latest `after` is the team and its membership as of then (docs/as-of.md).
 */
async function teamSnapshot(q: Queryable, organizationId: string, team: Team) {
  return { ...team, memberUserIds: await teamMemberIds(q, organizationId, team.id) };
}

export async function listTeamsPage(
  deps: Deps,
  actor: Actor,
  query: ListQuery & { includeArchived: boolean },
) {
  authorize(actor, "read");
  const rows = await listTeams(deps.db, actor.organizationId, {
    q: query.q,
    includeArchived: query.includeArchived,
    after: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const page = toPage(rows, query.limit, (r) => ({ k: r.sortKey, id: r.id }));
  return { items: page.items.map(presentTeam), nextCursor: page.nextCursor };
}

/** The whole tree; a team whose parent is archived (and hidden) shows as a root. */
export async function teamTree(
  deps: Deps,
  actor: Actor,
  includeArchived: boolean,
): Promise<{ roots: TeamNode[] }> {
  authorize(actor, "read");
  const rows = await allTeams(deps.db, actor.organizationId, includeArchived);
  return { roots: buildTree(rows.map(presentTeam)) as TeamNode[] };
}

export async function getTeam(deps: Deps, actor: Actor, id: string): Promise<Team> {
  authorize(actor, "read");
  const row = await findTeam(deps.db, actor.organizationId, id);
  if (!row) throw notFound("That team");
  return presentTeam(row);
}

async function checkParent(q: Queryable, actor: Actor, parentId: string | null) {
  if (!parentId) return;
  const parent = await findTeam(q, actor.organizationId, parentId);
  if (!parent) throw fieldError("parentId", "is not a team of this organisation");
  if (parent.archivedAt) throw fieldError("parentId", "is archived; restore it first or pick another parent");
}

async function checkLead(q: Queryable, actor: Actor, leadUserId: string | null | undefined) {
  if (leadUserId && !(await isActiveMember(q, actor.organizationId, leadUserId))) {
    throw fieldError("leadUserId", "is not an active member of this organisation");
  }
}

export async function createTeam(
  deps: Deps,
  actor: Actor,
  input: {
    name: string;
    parentId: string | null;
    kind: string;
    methodology: "okr" | "kpi" | "both";
    leadUserId: string | null;
  },
): Promise<Team> {
  authorize(actor, "manage_teams");
  return deps.db.transaction(async (tx) => {
    await lockTeamTree(tx, actor.organizationId);
    await checkParent(tx, actor, input.parentId);
    await checkLead(tx, actor, input.leadUserId);
    const id = await insertTeam(tx, { organizationId: actor.organizationId, ...input });
    if (input.leadUserId) await addTeamMember(tx, actor.organizationId, id, input.leadUserId);
    const team = presentTeam((await findTeam(tx, actor.organizationId, id))!);
    await recordAudit(tx, actor, {
      action: "team.created",
      entityType: "team",
      entityId: id,
      entityLabel: team.name,
      after: await teamSnapshot(tx, actor.organizationId, team),
    });
    return team;
  });
}

export async function updateTeamDetails(
  deps: Deps,
  actor: Actor,
  id: string,
  input: {
    version: number;
    name?: string | undefined;
    kind?: string | undefined;
    methodology?: "okr" | "kpi" | "both" | undefined;
    leadUserId?: string | null | undefined;
    parentId?: string | null | undefined;
    archived?: boolean | undefined;
  },
): Promise<Team> {
  authorize(actor, "manage_teams");
  return deps.db.transaction(async (tx) => {
    // Moves and archiving change the tree's shape: checked and applied one at a time.
    if (input.parentId !== undefined || input.archived !== undefined)
      await lockTeamTree(tx, actor.organizationId);
    const beforeRow = await findTeam(tx, actor.organizationId, id);
    if (!beforeRow) throw notFound("That team");
    const { version, archived, ...patch } = input;
    if (patch.parentId !== undefined && patch.parentId !== beforeRow.parentId) {
      await checkParent(tx, actor, patch.parentId);
      if (wouldCreateLoop(id, patch.parentId, await parentMap(tx, actor.organizationId))) {
        throw fieldError("parentId", "would put the team inside itself; pick a team outside its subtree");
      }
    }
    await checkLead(tx, actor, patch.leadUserId);
    const update: Parameters<typeof updateTeam>[4] = { ...patch };
    if (archived !== undefined) {
      if (archived && beforeRow.parentId === null && !beforeRow.archivedAt) {
        const roots = (await allTeams(tx, actor.organizationId, false)).filter((t) => t.parentId === null);
        if (roots.length === 1) throw new AppError("conflict", "The last top-level team cannot be archived.");
      }
      update.archivedAt = archived ? (beforeRow.archivedAt ?? deps.now()) : null;
    }
    if (version !== beforeRow.version) throw versionConflict(`Team "${beforeRow.name}"`);
    if (changedFields(update, beforeRow).length === 0) return presentTeam(beforeRow);
    const before = await teamSnapshot(tx, actor.organizationId, presentTeam(beforeRow));
    const updated = await updateTeam(tx, actor.organizationId, id, version, update);
    if (!updated) throw versionConflict(`Team "${beforeRow.name}"`);
    if (patch.leadUserId) await addTeamMember(tx, actor.organizationId, id, patch.leadUserId);
    const after = presentTeam((await findTeam(tx, actor.organizationId, id))!);
    const action =
      archived !== undefined && archived !== (beforeRow.archivedAt !== null)
        ? archived
          ? "team.archived"
          : "team.restored"
        : patch.parentId !== undefined && patch.parentId !== beforeRow.parentId
          ? "team.moved"
          : "team.updated";
    await recordAudit(tx, actor, {
      action,
      entityType: "team",
      entityId: id,
      entityLabel: after.name,
      before,
      after: await teamSnapshot(tx, actor.organizationId, after),
    });
    return after;
  });
}

const firstMembersPage: ListQuery = { limit: 200 };

async function membersPage(q: Queryable, actor: Actor, teamId: string, query: ListQuery) {
  const rows = await listTeamMembers(q, actor.organizationId, teamId, pageFilter(query));
  const page = toPage(rows, query.limit, (r) => ({ k: r.sortKey, id: r.userId }));
  return { items: page.items.map(({ sortKey: _k, ...m }) => m), nextCursor: page.nextCursor };
}

export async function teamMembers(deps: Deps, actor: Actor, teamId: string, query: ListQuery) {
  authorize(actor, "read");
  if (!(await findTeam(deps.db, actor.organizationId, teamId))) throw notFound("That team");
  return membersPage(deps.db, actor, teamId, query);
}

export async function addMemberToTeam(deps: Deps, actor: Actor, teamId: string, userId: string) {
  authorize(actor, "manage_teams");
  return deps.db.transaction(async (tx) => {
    const team = await findTeam(tx, actor.organizationId, teamId);
    if (!team) throw notFound("That team");
    if (!(await isActiveMember(tx, actor.organizationId, userId))) {
      throw fieldError("userId", "is not an active member of this organisation");
    }
    const before = await teamSnapshot(tx, actor.organizationId, presentTeam(team));
    if (await addTeamMember(tx, actor.organizationId, teamId, userId)) {
      const after = presentTeam((await findTeam(tx, actor.organizationId, teamId))!);
      await recordAudit(tx, actor, {
        action: "team.member_added",
        entityType: "team",
        entityId: teamId,
        entityLabel: team.name,
        before: { ...before, userId },
        after: { ...(await teamSnapshot(tx, actor.organizationId, after)), userId },
      });
    }
    return membersPage(tx, actor, teamId, firstMembersPage);
  });
}

export async function removeMemberFromTeam(deps: Deps, actor: Actor, teamId: string, userId: string) {
  authorize(actor, "manage_teams");
  return deps.db.transaction(async (tx) => {
    const team = await findTeam(tx, actor.organizationId, teamId);
    if (!team) throw notFound("That team");
    if (team.leadUserId === userId) {
      throw new AppError(
        "conflict",
        "This person leads the team. Choose another lead (or none) before removing them.",
      );
    }
    const before = await teamSnapshot(tx, actor.organizationId, presentTeam(team));
    if (!(await removeTeamMember(tx, actor.organizationId, teamId, userId)))
      throw notFound("That team member");
    const after = presentTeam((await findTeam(tx, actor.organizationId, teamId))!);
    await recordAudit(tx, actor, {
      action: "team.member_removed",
      entityType: "team",
      entityId: teamId,
      entityLabel: team.name,
      before: { ...before, userId },
      after: { ...(await teamSnapshot(tx, actor.organizationId, after)), userId },
    });
    return membersPage(tx, actor, teamId, firstMembersPage);
  });
}
