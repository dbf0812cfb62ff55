import type { Queryable } from "../../db/client.ts";
import { todayIn } from "../../domain/dates.ts";
import { balancedScorecardThemes } from "../../domain/default-themes.ts";
import { firstRunCycles } from "../../domain/fiscal-cycles.ts";
import { changedFields } from "../../domain/no-op.ts";
import {
  resolveStatusSettings,
  type StatusSettings,
  validateStatusSettings,
} from "../../domain/okr/status-settings.ts";
import type { Role } from "../../domain/roles.ts";
import { slugify } from "../../domain/slug.ts";
import { AppError, versionConflict } from "../../shared/errors.ts";
import type { Organization } from "../../shared/schemas/organizations.ts";
import type { Actor, Deps } from "../context.ts";
import { actorOrg, statusSettingsOf } from "../lib/actor-org.ts";
import { authorize } from "../policies/org-policy.ts";
import { type AuditEntry, recordAudit, recordAuditMany } from "../repositories/audit-repository.ts";
import { insertCycles, insertThemes } from "../repositories/catalog-repository.ts";
import {
  findOrganizationById,
  insertOrganization,
  slugTaken,
  updateOrganization,
} from "../repositories/organization-repository.ts";
import { findPerson, insertMembership } from "../repositories/people-repository.ts";
import { addTeamMember, findTeam, insertTeam } from "../repositories/team-repository.ts";
import { presentCycle } from "./cycle-service.ts";
import { requireMayCreateOrganizations } from "./instance-service.ts";
import { presentPerson } from "./people-service.ts";
import { presentTeam } from "./team-service.ts";
import { presentTheme } from "./theme-service.ts";

type OrgRow = NonNullable<Awaited<ReturnType<typeof findOrganizationById>>>;

export function presentOrganization(row: OrgRow, role: Role): Organization {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    timeZone: row.timeZone,
    weekStart: row.weekStart,
    fiscalYearStartMonth: row.fiscalYearStartMonth,
    reminderHour: row.reminderHour,
    isDemo: row.isDemo,
    okrStatusSettings: statusSettingsOf(row.okrSettings),
    role,
    version: row.version,
  };
}

/** The name's slug, or with the first free suffix (-2, -3, …) when it is taken. */
async function slugCandidate(q: Queryable, base: string, from: number): Promise<[string, number]> {
  for (let n = from; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await slugTaken(q, candidate))) return [candidate, n];
  }
}

/**
 * Inserts the organisation under the first free slug. Two organisations of the same
 * name created at once both find the same slug free; the insert that loses (it waits
 * for the winner) moves on to the next suffix instead of failing.
 */
async function insertWithFreeSlug(q: Queryable, input: NewOrganization) {
  const base = slugify(input.name);
  let from = 1;
  for (;;) {
    const [slug, n] = await slugCandidate(q, base, from);
    const org = await insertOrganization(q, { ...input, slug });
    if (org) return org;
    from = n + 1;
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
 * root of the tree, the four Balanced Scorecard themes, and its first cycles: the running
 * fiscal year and quarter (active, so an Objective set today can be checked in on) and
 * the next quarter (in planning, with the next fiscal year when it starts one). Runs inside the caller's transaction. Every row it creates gets
 * its audit event with the full entity as `after`, so "as of" queries see all of it.
 */
export async function createOrganizationIn(
  tx: Queryable,
  deps: Deps,
  input: NewOrganization,
  owner: { userId: string; name: string },
  requestId: string,
  options: { generateCycles?: boolean; ownerTitle?: string } = {},
) {
  const org = await insertWithFreeSlug(tx, input);
  const actor: Actor = {
    ...actorOrg(org),
    role: "owner",
    userId: owner.userId,
    tokenId: null,
    label: owner.name,
    requestId,
  };
  await insertMembership(tx, {
    organizationId: org.id,
    userId: owner.userId,
    role: "owner",
    title: options.ownerTitle ?? null,
  });
  await recordAudit(tx, actor, {
    action: "organization.created",
    entityType: "organization",
    entityId: org.id,
    entityLabel: org.name,
    after: org,
  });
  const ownerPerson = (await findPerson(tx, org.id, owner.userId))!;
  await recordAudit(tx, actor, {
    action: "membership.created",
    entityType: "membership",
    entityId: owner.userId,
    entityLabel: ownerPerson.name,
    after: presentPerson(ownerPerson),
  });
  const themeRows = await insertThemes(
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
    after: presentTeam((await findTeam(tx, org.id, companyTeamId))!),
  });
  await recordAuditMany(
    tx,
    actor,
    themeRows.map((row) => ({
      action: "theme.created",
      entityType: "theme",
      entityId: row.id,
      entityLabel: row.name,
      after: presentTheme(row),
    })),
  );
  if (options.generateCycles !== false) {
    const today = todayIn(org.timeZone, deps.now());
    const cycleRows = await insertCycles(
      tx,
      firstRunCycles(today, org.fiscalYearStartMonth).map((c) => ({ ...c, organizationId: org.id })),
    );
    await recordAuditMany(tx, actor, cycleRows.map(cycleCreated));
  }
  return { org, actor, companyTeamId };
}

/** The audit entry of a newly created cycle. */
export function cycleCreated(row: Parameters<typeof presentCycle>[0]): AuditEntry {
  return {
    action: "cycle.created",
    entityType: "cycle",
    entityId: row.id,
    entityLabel: row.name,
    after: presentCycle(row),
  };
}

export async function createOrganization(
  deps: Deps,
  input: NewOrganization,
  owner: { userId: string; name: string },
  requestId: string,
): Promise<Organization> {
  await requireMayCreateOrganizations(deps, owner.userId);
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
    reminderHour?: number;
    okrStatusSettings?: Partial<StatusSettings> | undefined;
  },
): Promise<Organization> {
  authorize(actor, "manage_settings");
  const { version, okrStatusSettings, ...patch } = input;
  return deps.db.transaction(async (tx) => {
    const before = await findOrganizationById(tx, actor.organizationId);
    let okrSettings: Partial<StatusSettings> | undefined;
    if (okrStatusSettings) {
      // Merge into what the organisation already changed, then check the bands stay ordered.
      okrSettings = { ...((before?.okrSettings ?? {}) as Partial<StatusSettings>), ...okrStatusSettings };
      const issues = validateStatusSettings(resolveStatusSettings(okrSettings));
      if (issues.length > 0) {
        throw new AppError(
          "validation_failed",
          `okrStatusSettings.${issues[0]!.field}: ${issues[0]!.message}`,
          {
            issues: issues.map((i) => ({ field: `okrStatusSettings.${i.field}`, message: i.message })),
          },
        );
      }
    }
    const update = { ...patch, ...(okrSettings ? { okrSettings } : {}) };
    if (before && before.version !== version) throw versionConflict("The organisation");
    // Nothing changes: no version, no audit entry.
    if (before && changedFields(update, before).length === 0) return presentOrganization(before, actor.role);
    const after = await updateOrganization(tx, actor.organizationId, version, update);
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
