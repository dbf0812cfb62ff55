import { keepsCredentialTarget } from "../../../domain/kpi/connector-target.ts";
import { roleAtLeast } from "../../../domain/roles.ts";
import { AppError, fieldError, notFound, versionConflict } from "../../../shared/errors.ts";
import { IdSchema } from "../../../shared/schemas/common.ts";
import type {
  Connector,
  ConnectorRun,
  PutConnectorInput,
  SavedConnector,
} from "../../../shared/schemas/connectors.ts";
import type { Actor, Deps } from "../../context.ts";
import { manageTeamKpisForbidden } from "../../policies/kpi-policy.ts";
import { authorize } from "../../policies/org-policy.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import {
  type ConnectorRow,
  deleteConnector,
  findConnector,
  insertConnector,
  replaceConnector,
} from "../../repositories/connector-repository.ts";
import { findKpi } from "../../repositories/kpi-repository.ts";
import {
  type Credentials,
  openCredentials,
  presentConnector,
  sealCredentials,
  UNREADABLE,
} from "./connector-credentials.ts";
import { runConnector } from "./connector-run-service.ts";
import { JsonPathSyntaxError, parseJsonPath } from "./connector-runners/json-path.ts";
import { postgresTargetOf } from "./connector-runners/postgres-sql.ts";
import { checkTarget, httpTarget, type Target, targetPolicyOf } from "./connector-runners/target-guard.ts";
import { requireManageTeamKpis } from "./kpi-access.ts";

/**
 * A KPI's connector: reading it (anyone in the organisation, never its credentials),
 * setting it up, replacing and removing it (admins and the team's leads, audited), and
 * running it by hand. Scheduled runs: connector-run-service.ts and jobs/connector-job.ts.
 */

/** The audit snapshot: the configuration without secrets or run state. */
function auditSnapshot(c: Connector) {
  return {
    kind: c.kind,
    url: c.url,
    jsonPath: c.jsonPath,
    query: c.query,
    enabled: c.enabled,
    hasCredentials: c.hasCredentials,
    headerNames: c.headerNames,
    version: c.version,
  };
}

type KpiRow = NonNullable<Awaited<ReturnType<typeof findKpi>>>;

async function kpiOrThrow(q: Parameters<typeof findKpi>[0], actor: Actor, kpiId: string) {
  const kpi = await findKpi(q, actor.organizationId, kpiId);
  if (!kpi) throw notFound("That KPI");
  return kpi;
}

/** Formula KPIs compute their values and archived ones take none: neither can have a feed. */
function requireFeedable(kpi: KpiRow) {
  if (kpi.formula) {
    throw fieldError(
      "formula",
      `KPI "${kpi.key}" is computed from its formula; a connector can only feed a KPI without one`,
    );
  }
  if (kpi.state !== "active") {
    throw fieldError("state", `KPI "${kpi.key}" is archived; restore it before giving it a connector`);
  }
}

const noConnector = (kpi: KpiRow) =>
  new AppError(
    "not_found",
    `KPI "${kpi.key}" has no connector. Admins and the leads of its team can set one up (PUT …/connector).`,
  );

/**
 * The KPI whose connector the actor may set up, change, remove or run (admins and the
 * leads of its team); 403 or 404 otherwise. Answered before anything in the request is
 * read or any host resolved, so a viewer or a member without the right learns nothing
 * from validation messages or DNS answers.
 */
export async function requireConnectorManager(deps: Deps, actor: Actor, kpiId: string): Promise<KpiRow> {
  // No query for a role that never may (viewers, viewer tokens).
  if (!roleAtLeast(actor.role, "member")) throw manageTeamKpisForbidden();
  const kpi = await kpiOrThrow(deps.db, actor, kpiId);
  await requireManageTeamKpis(deps.db, actor, kpi.teamId);
  return kpi;
}

/**
 * The connector routes' first step, ahead of the validation of the path and body: the
 * same check. A malformed id is left to the path's validation (no KPI has it), after the
 * role check.
 */
export async function authorizeConnectorRequest(deps: Deps, actor: Actor, kpiId: string): Promise<void> {
  if (!roleAtLeast(actor.role, "member")) throw manageTeamKpisForbidden();
  if (IdSchema.safeParse(kpiId).success) await requireConnectorManager(deps, actor, kpiId);
}

export async function getConnector(deps: Deps, actor: Actor, kpiId: string): Promise<Connector> {
  authorize(actor, "read");
  const kpi = await kpiOrThrow(deps.db, actor, kpiId);
  const row = await findConnector(deps.db, actor.organizationId, kpiId);
  if (!row) throw noConnector(kpi);
  return presentConnector(deps, row);
}

/** Creates or replaces a KPI's connector; credentials omitted are kept, null removes them. */
export async function putConnector(
  deps: Deps,
  actor: Actor,
  kpiId: string,
  input: PutConnectorInput,
): Promise<SavedConnector> {
  authorize(actor, "read");
  await requireConnectorManager(deps, actor, kpiId);
  if (input.kind === "http_json") {
    try {
      parseJsonPath(input.jsonPath ?? "");
    } catch (err) {
      if (err instanceof JsonPathSyntaxError) throw fieldError("jsonPath", err.message);
      throw err;
    }
  }
  if (input.kind === "http_json" && input.url) {
    await refuseBlockedTarget(deps, "url", httpTarget(input.url));
  }
  if (typeof input.connectionString === "string") {
    let target: ReturnType<typeof postgresTargetOf>;
    try {
      target = postgresTargetOf(input.connectionString);
    } catch (err) {
      throw fieldError("connectionString", (err as Error).message);
    }
    await refuseBlockedTarget(deps, "connectionString", { host: target.host, port: target.port });
  }
  return deps.db.transaction(async (tx) => {
    const kpi = await kpiOrThrow(tx, actor, kpiId);
    await requireManageTeamKpis(tx, actor, kpi.teamId);
    requireFeedable(kpi);
    const existing = await findConnector(tx, actor.organizationId, kpiId, true);
    const what = `The connector of KPI "${kpi.key}"`;
    // No version: the caller meant to add one, and someone else added a connector first
    // (or the caller forgot it had one). Either way: load it, then replace it by version.
    if (existing && input.version === undefined) {
      throw new AppError(
        "version_conflict",
        `KPI "${kpi.key}" already has a connector, perhaps added by someone else just now. Reload it, then send its version to replace it.`,
      );
    }
    // A version but no connector: someone deleted the one this edit was based on.
    if (!existing && input.version !== undefined) throw versionConflict(what);
    if (existing && existing.version !== input.version) throw versionConflict(what);

    const { credentials, dropped } = mergeCredentials(deps, existing, input);
    const secretCiphertext = sealCredentials(deps, actor.organizationId, kpiId, credentials);
    const http = input.kind === "http_json";
    const config = {
      kind: input.kind,
      url: http ? (input.url ?? null) : null,
      jsonPath: http ? (input.jsonPath ?? null) : null,
      query: http ? null : (input.query?.trim() ?? null),
      secretCiphertext,
      enabled: input.enabled,
    };
    const now = deps.now();
    const before = existing ? presentConnector(deps, existing) : undefined;
    const row = existing
      ? await replaceConnector(tx, actor.organizationId, kpiId, existing.version, {
          ...config,
          nextRunAt: now,
          now,
        })
      : await insertConnector(tx, { organizationId: actor.organizationId, kpiId, ...config, nextRunAt: now });
    if (!row) throw versionConflict(what);
    const after = presentConnector(deps, row);
    await recordAudit(tx, actor, {
      action: existing ? "kpi_connector.updated" : "kpi_connector.created",
      entityType: "kpi_connector",
      entityId: kpiId,
      entityLabel: `${kpi.name} (${kpi.key})`,
      before: before ? auditSnapshot(before) : undefined,
      after: existing
        ? {
            ...auditSnapshot(after),
            credentialsChanged: dropped || credentialsChanged(existing, input),
            credentialsDropped: dropped,
          }
        : auditSnapshot(after),
    });
    return { ...after, credentialsDropped: dropped };
  });
}

/** How long a save waits for DNS before leaving the check to the runs. */
const SAVE_RESOLVE_MS = 2_000;

/**
 * Refuses, naming the field, a target the connector may not reach (target-guard.ts):
 * when the host is an IP address or resolves at once. A host that does not resolve now
 * is saved; every run checks again and fails with the reason.
 */
async function refuseBlockedTarget(deps: Deps, field: string, target: Target) {
  const checked = await checkTarget(targetPolicyOf(deps.config), target, SAVE_RESOLVE_MS);
  if (!checked.ok && checked.refused) throw fieldError(field, checked.reason);
}

/** Whether a save replaced or removed stored credentials (the audit cannot show values). */
function credentialsChanged(existing: ConnectorRow, input: PutConnectorInput): boolean {
  if (existing.kind !== input.kind) return existing.secretCiphertext !== null;
  return input.kind === "http_json" ? input.headers !== undefined : input.connectionString !== undefined;
}

/**
 * The credentials a saved connector will hold, and whether stored ones were dropped.
 * Omitted fields keep what is stored (the edit form never sees the values, so it cannot
 * send them back), but only while the connector keeps the target they were saved for
 * (domain/kpi/connector-target.ts): a new HTTP origin or query string drops stored headers,
 * a new query needs the connection string again. A change of kind drops the other kind's.
 */
function mergeCredentials(
  deps: Deps,
  existing: ConnectorRow | undefined,
  input: PutConnectorInput,
): { credentials: Credentials; dropped: boolean } {
  const sameTarget =
    existing !== undefined &&
    keepsCredentialTarget(
      existing.kind === "http_json"
        ? { kind: "http_json", url: existing.url }
        : { kind: "postgres_sql", query: existing.query },
      input.kind === "http_json"
        ? { kind: "http_json", url: input.url }
        : { kind: "postgres_sql", query: input.query },
    );
  const sameKind = existing?.kind === input.kind;
  const stored: ReturnType<typeof openCredentials> =
    existing && sameTarget ? openCredentials(deps, existing) : { ok: true, credentials: {} };
  const unreadable = (field: string) =>
    fieldError(field, `${UNREADABLE} Send ${field} again (null removes them).`);
  if (input.kind === "http_json") {
    let headers = input.headers ?? undefined;
    // Stored headers the save leaves out although the URL now points elsewhere.
    const dropped =
      input.headers === undefined && sameKind && !sameTarget && existing?.secretCiphertext != null;
    if (input.headers === undefined) {
      if (!stored.ok) throw unreadable("headers");
      headers = stored.credentials.headers;
    }
    return { credentials: headers && Object.keys(headers).length > 0 ? { headers } : {}, dropped };
  }
  let connectionString = input.connectionString ?? undefined;
  if (input.connectionString === undefined) {
    if (sameKind && !sameTarget && existing?.secretCiphertext != null) {
      throw fieldError(
        "connectionString",
        "must be entered again: the query changed, and a stored connection string is only used with the query it was saved with",
      );
    }
    if (!stored.ok) throw unreadable("connectionString");
    connectionString = stored.credentials.connectionString;
  }
  if (!connectionString) throw fieldError("connectionString", "is required for a postgres_sql connector");
  return { credentials: { connectionString }, dropped: false };
}

export async function removeConnector(deps: Deps, actor: Actor, kpiId: string): Promise<{ ok: true }> {
  authorize(actor, "read");
  await requireConnectorManager(deps, actor, kpiId);
  return deps.db.transaction(async (tx) => {
    const kpi = await kpiOrThrow(tx, actor, kpiId);
    await requireManageTeamKpis(tx, actor, kpi.teamId);
    const existing = await findConnector(tx, actor.organizationId, kpiId, true);
    if (!existing) throw noConnector(kpi);
    await deleteConnector(tx, actor.organizationId, kpiId);
    await recordAudit(tx, actor, {
      action: "kpi_connector.deleted",
      entityType: "kpi_connector",
      entityId: kpiId,
      entityLabel: `${kpi.name} (${kpi.key})`,
      before: auditSnapshot(presentConnector(deps, existing)),
    });
    return { ok: true as const };
  });
}

/** "Run now": runs the connector at once (even a paused one) and answers with the outcome. */
export async function runConnectorNow(deps: Deps, actor: Actor, kpiId: string): Promise<ConnectorRun> {
  authorize(actor, "read");
  const kpi = await requireConnectorManager(deps, actor, kpiId);
  requireFeedable(kpi);
  if (!(await findConnector(deps.db, actor.organizationId, kpiId))) throw noConnector(kpi);
  const run = await runConnector(deps, actor.organizationId, kpiId);
  if (!run) {
    throw new AppError(
      "conflict",
      `The connector of KPI "${kpi.key}" was changed or removed while it ran; reload it and run it again.`,
    );
  }
  return run;
}
