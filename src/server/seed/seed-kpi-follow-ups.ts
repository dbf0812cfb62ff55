/**
 * What the demo's KPIs bring along: the service tokens that feed values (the transport
 * system's feed, and the connector that reads Keel's own API), the KPI floors of this
 * quarter, and the escalations: the two KPIs red right now, and last winter's red spell
 * that a person resolved. Escalations open through the escalation service, as the
 * recompute would open them; what people did afterwards is written as they would have.
 */
import { bandsInForce } from "../../domain/kpi/bands.ts";
import { valueStatus } from "../../domain/kpi/status.ts";
import { sealSecret } from "../lib/secret-box.ts";
import { randomSecret, sha256 } from "../lib/secrets.ts";
import { insertEntry, updateUnresolvedEscalation } from "../repositories/escalation-repository.ts";
import { insertFloor } from "../repositories/floor-repository.ts";
import {
  type BackdatedAuditEvent,
  dateEscalationOpenedEvents,
} from "../repositories/seed/audit-seed-repository.ts";
import { insertConnectorAfterRuns } from "../repositories/seed/kpi-seed-repository.ts";
import { insertBackdatedServiceTokens } from "../repositories/seed/token-seed-repository.ts";
import { openEscalation } from "../services/kpi/escalation-service.ts";
import {
  type DemoEscalationEntry,
  demoFloors,
  openDemoEscalations,
  pastDemoEscalations,
} from "./demo-kpi-stories.ts";
import { at } from "./demo-okr-trajectories.ts";
import type { KpiSeedContext, PlannedKpi } from "./seed-kpis.ts";

const hours = (date: Date, n: number) => new Date(date.getTime() + n * 3_600_000);

/** The connector's credentials are sealed for its row, as the connector service seals them. */
const connectorSecretContext = (organizationId: string, kpiId: string) =>
  `kpi_connector:${organizationId}:${kpiId}`;

export async function seedKpiFollowUps(
  ctx: KpiSeedContext,
  byKey: Map<string, PlannedKpi>,
): Promise<{ feedTokenId: string; audit: BackdatedAuditEvent[] }> {
  const { tx, organizationId } = ctx;
  const audit: BackdatedAuditEvent[] = [];
  const kpi = (key: string) => {
    const p = byKey.get(key);
    if (!p) throw new Error(`demo KPIs: no KPI "${key}"`);
    return p;
  };
  const asPerson = (row: BackdatedAuditEvent, userId: string): BackdatedAuditEvent => ({
    ...row,
    actorUserId: userId,
    actorLabel: ctx.nameOf(userId),
  });

  // Service tokens. Their secrets are never shown: the feed's is thrown away (the demo
  // has no transport system), the connector's is sealed into its credentials.
  const firstKpi = [...byKey.values()].reduce((a, b) => (a.createdAt < b.createdAt ? a : b));
  const connected = [...byKey.values()].find((p) => p.def.source === "connector");
  const tokens = [
    { name: "Transport system feed", role: "member" as const, createdAt: hours(firstKpi.createdAt, -20) },
    ...(connected
      ? [{ name: "Keel demo connector", role: "viewer" as const, createdAt: hours(connected.createdAt, 1) }]
      : []),
  ].map((t) => ({ ...t, secret: `keel_${randomSecret(32)}` }));
  const tokenRows = await insertBackdatedServiceTokens(
    tx,
    organizationId,
    tokens.map((t) => ({
      name: t.name,
      role: t.role,
      tokenHash: sha256(t.secret),
      prefix: t.secret.slice(0, 12),
      createdBy: ctx.actor.userId,
      createdAt: t.createdAt,
    })),
  );
  for (const row of tokenRows) {
    const { tokenHash: _hash, ...shown } = row;
    audit.push(ctx.event(row.createdAt, "token.created", "token", row.id, row.name, null, shown));
  }

  // The connector: Hub Hamburg's headcount from Keel's own API, every day.
  if (connected) {
    const base = (ctx.deps.config.publicUrl ?? `http://127.0.0.1:${ctx.deps.config.port}`).replace(
      /\/+$/,
      "",
    );
    const url = `${base}/api/orgs/${ctx.actor.orgSlug}/teams/${connected.teamId}`;
    const secret = tokens[1]!.secret;
    const sealed = sealSecret(
      ctx.deps.secretKey(),
      JSON.stringify({ headers: { Authorization: `Bearer ${secret}` } }),
      connectorSecretContext(organizationId, connected.id),
    );
    const last = connected.values.length - 1;
    const createdAt = hours(connected.createdAt, 2);
    await insertConnectorAfterRuns(tx, {
      organizationId,
      kpiId: connected.id,
      kind: "http_json",
      url,
      jsonPath: "$.memberCount",
      query: null,
      secretCiphertext: sealed,
      enabled: true,
      // Due at once: the first run after setup fetches this month's value.
      nextRunAt: ctx.deps.now(),
      lastRunAt: connected.recordedAt[last]!,
      lastOutcome: "succeeded",
      lastValue: connected.values[last]!,
      createdAt,
    });
    audit.push(
      ctx.event(
        createdAt,
        "kpi_connector.created",
        "kpi_connector",
        connected.id,
        `${connected.def.name} (${connected.def.key})`,
        null,
        {
          kind: "http_json",
          url,
          jsonPath: "$.memberCount",
          query: null,
          enabled: true,
          hasCredentials: true,
          headerNames: ["Authorization"],
          version: 1,
        },
      ),
    );
  }

  // KPI floors of the active quarter, set up in its planning.
  const floorCreated = at(ctx.activeCycle.startsOn, -60 * 24 * 4);
  for (const [i, f] of demoFloors.entries()) {
    const p = kpi(f.kpi);
    const floor = {
      organizationId,
      teamId: ctx.teamId(f.team),
      cycleId: ctx.activeCycle.id,
      kpiId: p.id,
      ownerUserId: ctx.person(f.owner),
      threshold: f.threshold,
      createdAt: new Date(floorCreated.getTime() + i * 60_000),
    };
    const row = await insertFloor(tx, floor);
    if (!row) throw new Error(`demo KPIs: ${p.def.key} is on ${f.team}'s floor twice`);
    audit.push(
      ctx.event(floor.createdAt, "kpi_floor.created", "kpi_floor", row.id, p.def.name, null, {
        id: row.id,
        teamId: floor.teamId,
        cycleId: floor.cycleId,
        kpi: { id: p.id, key: p.def.key, name: p.def.name },
        ownerUserId: floor.ownerUserId,
        threshold: floor.threshold,
        // The version a new floor starts at.
        version: 1,
      }),
    );
  }

  // Escalations: opened by Keel at the first red value of a spell, then what people did.
  const redAt = (p: PlannedKpi) =>
    p.values.map((v, k) => valueStatus(v, p.def.direction, bandsInForce(p.bands, p.periods[k]!)) === "red");
  const open = async (p: PlannedKpi, k: number) => {
    const openedAt = p.recordedAt[k]!;
    const id = await openEscalation(tx, {
      organizationId,
      kpiId: p.id,
      reason: "red",
      floorId: null,
      periodStart: p.periods[k]!,
      value: p.values[k]!,
      now: openedAt,
    });
    if (!id) throw new Error(`demo KPIs: ${p.def.key} already has an unresolved escalation`);
    return { id, openedAt };
  };
  // What people did, one step at a time as they did it: each change of state is a version.
  const step = async (
    p: PlannedKpi,
    id: string,
    when: Date,
    userId: string,
    kind: "acknowledged" | "resolved" | DemoEscalationEntry["kind"],
    text: string,
  ) => {
    const patch =
      kind === "acknowledged"
        ? { state: "acknowledged" as const, acknowledgedAt: when, acknowledgedByUserId: userId }
        : kind === "resolved"
          ? { state: "resolved" as const, resolvedAt: when, resolvedByUserId: userId, resolution: text }
          : null;
    if (patch) {
      const moved = await updateUnresolvedEscalation(
        tx,
        organizationId,
        id,
        { version: null, states: ["open", "acknowledged"] },
        patch,
      );
      if (!moved) throw new Error(`demo KPIs: the escalation of ${p.def.key} is resolved already`);
    }
    await insertEntry(tx, {
      organizationId,
      escalationId: id,
      kind,
      authorUserId: userId,
      text,
      createdAt: when,
    });
    const action =
      kind === "note"
        ? "escalation.note_added"
        : kind === "action"
          ? "escalation.action_added"
          : `escalation.${kind}`;
    audit.push(asPerson(ctx.event(when, action, "escalation", id, p.def.name, null, { kind, text }), userId));
  };

  for (const past of pastDemoEscalations) {
    const p = kpi(past.kpi);
    const first = redAt(p).indexOf(true);
    if (first < 0) throw new Error(`demo KPIs: ${p.def.key} has no red spell to escalate`);
    const { id, openedAt } = await open(p, first);
    const resolver = ctx.person(past.resolvedBy);
    await step(p, id, hours(openedAt, 3), resolver, "acknowledged", "");
    for (const e of past.entries)
      await step(p, id, hours(openedAt, 24 * e.daysAfterOpening + 2), ctx.person(e.by), e.kind, e.text);
    await step(
      p,
      id,
      hours(openedAt, 24 * past.resolvedDaysAfterOpening),
      resolver,
      "resolved",
      past.resolution,
    );
  }
  for (const current of openDemoEscalations) {
    const p = kpi(current.kpi);
    const red = redAt(p);
    let first = red.length - 1;
    if (!red[first]) throw new Error(`demo KPIs: ${p.def.key} is not red now`);
    while (first > 0 && red[first - 1]) first--;
    const { id, openedAt } = await open(p, first);
    if (current.acknowledgedBy) {
      await step(
        p,
        id,
        hours(openedAt, 2),
        ctx.person(current.acknowledgedBy),
        "acknowledged",
        current.acknowledgement ?? "",
      );
    }
    for (const e of current.entries)
      await step(p, id, hours(openedAt, 24 * e.daysAfterOpening + 1), ctx.person(e.by), e.kind, e.text);
  }
  // Keel's "opened" audit events are written as of now; date them when they happened.
  await dateEscalationOpenedEvents(tx, organizationId);

  return { feedTokenId: tokenRows[0]!.id, audit };
}
