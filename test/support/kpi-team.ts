/**
 * The organisation the KPI tests (kpi-definitions, kpi-values, kpi-board) and the HTTP
 * connector tests work in: Elbe Freight on a Wednesday, where Jonas leads Hub Hamburg (a
 * team on OKRs and KPIs), Anna owns its KPIs, Paul is a member with no part in them and
 * Lea a viewer; with helpers to define KPIs and enter values. Each file starts one of its
 * own, since files get databases of their own.
 */
import { todayIn } from "../../src/domain/dates.ts";
import { periodStartOf } from "../../src/domain/kpi/periods.ts";
import { buildTeam } from "./factories.ts";
import { tenantFingerprint } from "./fingerprint.ts";
import {
  type Harness,
  type HarnessOptions,
  type Json,
  type SessionClient,
  startHarnessWith,
} from "./harness.ts";

export const NOW = "2026-11-18T11:00:00Z"; // a Wednesday: the weekly period began Monday 16 November

/** The start of the week (Monday) that holds a date. */
export const weekly = (date: string) =>
  periodStartOf(date, "weekly", { weekStart: 1, fiscalYearStartMonth: 1 });

export type KpiTeam = Awaited<ReturnType<typeof setUpOrganisation>>;

/** Starts the harness (with the environment given) at NOW and sets up the organisation. */
export async function startKpiTeam(env?: HarnessOptions["env"]): Promise<KpiTeam> {
  return startHarnessWith(setUpOrganisation, { env });
}

async function setUpOrganisation(h: Harness) {
  h.clock.set(NOW);
  const { owner, org } = await h.createOwnerWithOrg({
    person: { name: "Ines Albers" },
    org: { name: "Elbe Freight" },
  });
  const base = `/api/orgs/${org.slug}`;
  const today = todayIn("UTC", h.clock.now());
  const lead = await h.addPerson(owner, org, "member", { name: "Jonas Petersen" });
  const anna = await h.addPerson(owner, org, "member", { name: "Anna Krüger" });
  const outsider = await h.addPerson(owner, org, "member", { name: "Paul Weber" });
  const viewer = await h.addPerson(owner, org, "viewer", { name: "Lea Hansen" });
  const hub: Json = await h.ok("POST", `${base}/teams`, {
    as: owner,
    body: { ...buildTeam({ name: "Hub Hamburg", leadUserId: lead.id }), methodology: "both" },
  });

  /** A weekly percentage KPI of Hub Hamburg owned by Anna: green from 92, red below 85. */
  function kpiBody(overrides: Record<string, unknown> = {}) {
    return {
      key: "on_time_rate",
      name: "On-time delivery rate",
      ownerUserId: anna.id,
      teamId: hub.id,
      unit: "percent",
      decimals: 1,
      direction: "higher_is_better",
      frequency: "weekly",
      aggregation: "average",
      bands: [{ effectiveFrom: "2026-01-01", target: 95, greenMin: 92, redMin: 85 }],
      ...overrides,
    };
  }

  const createKpi = (body: Record<string, unknown>, as: SessionClient = lead.client) =>
    h.ok("POST", `${base}/kpis`, { as, body }, 201);
  const enter = (kpiId: string, body: Record<string, unknown>, as: SessionClient = anna.client) =>
    h.ok("POST", `${base}/kpis/${kpiId}/measurements`, { as, body }, 201);
  const fingerprint = () => tenantFingerprint(h.db, org.id);

  return {
    h,
    owner,
    org,
    base,
    today,
    lead,
    anna,
    outsider,
    viewer,
    hub,
    kpiBody,
    createKpi,
    enter,
    fingerprint,
    close: () => h.close(),
  };
}
