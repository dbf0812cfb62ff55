import type { Queryable } from "../../db/client.ts";
import { todayIn } from "../../domain/dates.ts";
import { balancedScorecardThemes } from "../../domain/default-themes.ts";
import { fiscalYearCycles, fiscalYearOf } from "../../domain/fiscal-cycles.ts";
import type { Role } from "../../domain/roles.ts";
import { slugify } from "../../domain/slug.ts";
import { versionConflict } from "../../shared/errors.ts";
import type { Organization } from "../../shared/schemas/organizations.ts";
import type { Actor, Deps } from "../context.ts";
import { authorize } from "../policies/org-policy.ts";
import { recordAudit } from "../repositories/audit-repository.ts";
import { insertCycles, insertThemes } from "../repositories/catalog-repository.ts";
import {
  findOrganizationById,
  insertOrganization,
  slugTaken,
  updateOrganization,
} from "../repositories/organization-repository.ts";
import { insertMembership } from "../repositories/people-repository.ts";
import { addTeamMember, insertTeam } from "../repositories/team-repository.ts";

type OrgRow = NonNullable<Awaited<ReturnType<typeof findOrganizationById>>>;

export function presentOrganization(row: OrgRow, role: Role): Organization {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    timeZone: row.timeZone,
    weekStart: row.weekStart,
    fiscalYearStartMonth: row.fiscalYearStartMonth,
    isDemo: row.isDemo,
    role,
    version: row.version,
  };
}

async function uniqueSlug(q: Queryable, name: string): Promise<string> {
  const base = slugify(name);
  if (!(await slugTaken(q, base))) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!(await slugTaken(q, candidate))) return candidate;
  }
}

export type NewOrganization = {
  name: string;
  timeZone: string;
  weekStart: number;
  fiscalYearStartMonth: number;
  isDemo?: boolean;
};

/**
 * Creates an organisation ready to use: the creator as owner, a company team at the
 * root of the tree, the four Balanced Scorecard themes, and the current fiscal year's
 * cycles (in planning). Runs inside the caller's transaction.
 */
export async function createOrganizationIn(
  tx: Queryable,
  deps: Deps,
  input: NewOrganization,
  owner: { userId: string; name: string },
  requestId: string,
  options: { generateCycles?: boolean } = {},
) {
  const org = await insertOrganization(tx, { ...input, slug: await uniqueSlug(tx, input.name) });
  const actor: Actor = {
    organizationId: org.id,
    orgSlug: org.slug,
    orgName: org.name,
    timeZone: org.timeZone,
    role: "owner",
    userId: owner.userId,
    tokenId: null,
    label: owner.name,
    requestId,
  };
  await insertMembership(tx, { organizationId: org.id, userId: owner.userId, role: "owner" });
  await recordAudit(tx, actor, {
    action: "organization.created",
    entityType: "organization",
    entityId: org.id,
    entityLabel: org.name,
    after: org,
  });
  await recordAudit(tx, actor, {
    action: "membership.created",
    entityType: "membership",
    entityId: owner.userId,
    entityLabel: owner.name,
    after: { userId: owner.userId, role: "owner", status: "active" },
  });
  await insertThemes(
    tx,
    balancedScorecardThemes.map((t, i) => ({
      organizationId: org.id,
      name: t.name,
      description: t.description,
      perspective: t.perspective,
      position: i,
    })),
  );
  const companyTeamId = await insertTeam(tx, {
    organizationId: org.id,
    name: org.name,
    parentId: null,
    kind: "company",
    methodology: "both",
    leadUserId: owner.userId,
  });
  await addTeamMember(tx, org.id, companyTeamId, owner.userId);
  await recordAudit(tx, actor, {
    action: "team.created",
    entityType: "team",
    entityId: companyTeamId,
    entityLabel: org.name,
    after: { id: companyTeamId, name: org.name, kind: "company", parentId: null, leadUserId: owner.userId },
  });
  if (options.generateCycles !== false) {
    const today = todayIn(org.timeZone, deps.now());
    const fy = fiscalYearOf(today, org.fiscalYearStartMonth);
    await insertCycles(
      tx,
      fiscalYearCycles(fy, org.fiscalYearStartMonth).map((c) => ({ ...c, organizationId: org.id })),
    );
  }
  return { org, actor, companyTeamId };
}

export async function createOrganization(
  deps: Deps,
  input: NewOrganization,
  owner: { userId: string; name: string },
  requestId: string,
): Promise<Organization> {
  const { org } = await deps.db.transaction((tx) => createOrganizationIn(tx, deps, input, owner, requestId));
  return presentOrganization(org, "owner");
}

export async function getOrganization(deps: Deps, actor: Actor): Promise<Organization> {
  const row = await findOrganizationById(deps.db, actor.organizationId);
  return presentOrganization(row!, actor.role);
}

export async function updateOrganizationSettings(
  deps: Deps,
  actor: Actor,
  input: {
    version: number;
    name?: string;
    timeZone?: string;
    weekStart?: number;
    fiscalYearStartMonth?: number;
  },
): Promise<Organization> {
  authorize(actor, "manage_settings");
  const { version, ...patch } = input;
  return deps.db.transaction(async (tx) => {
    const before = await findOrganizationById(tx, actor.organizationId);
    const after = await updateOrganization(tx, actor.organizationId, version, patch);
    if (!after) throw versionConflict("The organisation");
    await recordAudit(tx, actor, {
      action: "organization.updated",
      entityType: "organization",
      entityId: after.id,
      entityLabel: after.name,
      before,
      after,
    });
    return presentOrganization(after, actor.role);
  });
}
