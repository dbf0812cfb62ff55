import { describe, expect, it } from "vitest";
import { resolveStatusSettings } from "../../domain/okr/status-settings.ts";
import type { Role } from "../../domain/roles.ts";
import type { Actor } from "../context.ts";
import {
  kpiValueWriter,
  LEADS_NOTHING,
  leadershipMatters,
  mayActOnEscalation,
  mayEnterKpiValues,
  mayManageTeamKpis,
} from "./kpi-policy.ts";
import {
  mayCheckIn,
  mayEditObjective,
  mayReadObjectiveText,
  OUTSIDE_TEAM,
  teamStandingMatters,
} from "./okr-policy.ts";

function actor(role: Role, who: { userId?: string | null; tokenId?: string | null } = {}): Actor {
  return {
    organizationId: "org-1",
    orgSlug: "nordwind",
    orgName: "Nordwind Logistics",
    timeZone: "Europe/Berlin",
    weekStart: 1,
    fiscalYearStartMonth: 1,
    okrStatusSettings: resolveStatusSettings({}),
    role,
    userId: who.userId === undefined ? "ines" : who.userId,
    tokenId: who.tokenId ?? null,
    label: "Ines Okafor",
    requestId: "req-1",
  };
}

const teamObjective = { teamId: "sales", ownerUserId: "marco", visibility: "team" as const };
const onTeam = { worksOnTeam: true };

describe("OKR policy", () => {
  it("lets a member change a team's Objective only when they work on that team", () => {
    expect(mayEditObjective(actor("member"), teamObjective, onTeam)).toBe(true);
    expect(mayEditObjective(actor("member"), teamObjective, OUTSIDE_TEAM)).toBe(false);
    expect(mayEditObjective(actor("viewer"), teamObjective, onTeam)).toBe(false);
    expect(mayEditObjective(actor("admin"), teamObjective, OUTSIDE_TEAM)).toBe(true);
  });

  it("leaves a personal Objective to its owner", () => {
    const personal = { teamId: null, ownerUserId: "ines" };
    expect(mayEditObjective(actor("member"), personal, OUTSIDE_TEAM)).toBe(true);
    expect(mayEditObjective(actor("member", { userId: "marco" }), personal, OUTSIDE_TEAM)).toBe(false);
  });

  it("lets a KR's contributor check in without being on the team", () => {
    const kr = { ownerUserId: "marco", contributorUserIds: ["ines"] };
    expect(mayCheckIn(actor("member"), kr, teamObjective, OUTSIDE_TEAM)).toBe(true);
    expect(mayCheckIn(actor("member", { userId: "lena" }), kr, teamObjective, OUTSIDE_TEAM)).toBe(false);
  });

  it("shows team-visible text to the team, the owner and admins only", () => {
    expect(mayReadObjectiveText(actor("viewer"), teamObjective, onTeam)).toBe(true);
    expect(mayReadObjectiveText(actor("member"), teamObjective, OUTSIDE_TEAM)).toBe(false);
    expect(mayReadObjectiveText(actor("member", { userId: "marco" }), teamObjective, OUTSIDE_TEAM)).toBe(
      true,
    );
    expect(
      mayReadObjectiveText(actor("member"), { ...teamObjective, visibility: "organization" }, OUTSIDE_TEAM),
    ).toBe(true);
  });

  it("asks about the team tree only for people whose answer depends on it", () => {
    expect(teamStandingMatters(actor("member"), teamObjective)).toBe(true);
    expect(teamStandingMatters(actor("admin"), teamObjective)).toBe(false);
    expect(teamStandingMatters(actor("member"), { teamId: null })).toBe(false);
    expect(teamStandingMatters(actor("member", { userId: null, tokenId: "t" }), teamObjective)).toBe(false);
  });
});

describe("KPI policy", () => {
  const kpi = { ownerUserId: "marco", teamId: "sales" };
  const leads = { leadsTeamOrAbove: true };

  it("lets leads of the team or above define its KPIs, not other members", () => {
    expect(mayManageTeamKpis(actor("member"), leads)).toBe(true);
    expect(mayManageTeamKpis(actor("member"), LEADS_NOTHING)).toBe(false);
    expect(mayManageTeamKpis(actor("viewer"), leads)).toBe(false);
    expect(mayManageTeamKpis(actor("admin"), LEADS_NOTHING)).toBe(true);
  });

  it("lets the owner, the leads and member-rank service tokens enter values", () => {
    expect(mayEnterKpiValues(actor("member", { userId: "marco" }), kpi, LEADS_NOTHING)).toBe(true);
    expect(mayEnterKpiValues(actor("member"), kpi, leads)).toBe(true);
    expect(mayEnterKpiValues(actor("member"), kpi, LEADS_NOTHING)).toBe(false);
    expect(mayEnterKpiValues(actor("member", { userId: null, tokenId: "t" }), kpi, LEADS_NOTHING)).toBe(true);
    expect(mayEnterKpiValues(actor("viewer", { userId: null, tokenId: "t" }), kpi, LEADS_NOTHING)).toBe(
      false,
    );
  });

  it("judges many KPIs against the teams the person leads", () => {
    const mayWrite = kpiValueWriter(actor("member"), new Set(["sales"]));
    expect(mayWrite(kpi)).toBe(true);
    expect(mayWrite({ ownerUserId: "marco", teamId: "finance" })).toBe(false);
    expect(mayWrite({ ownerUserId: "ines", teamId: "finance" })).toBe(true);
  });

  it("lets recipients, leads and admins act on an escalation, never a token or a viewer", () => {
    const escalation = { recipients: [{ userId: "ines" }] };
    expect(mayActOnEscalation(actor("member"), escalation, LEADS_NOTHING)).toBe(true);
    expect(mayActOnEscalation(actor("member", { userId: "lena" }), escalation, leads)).toBe(true);
    expect(mayActOnEscalation(actor("member", { userId: "lena" }), escalation, LEADS_NOTHING)).toBe(false);
    expect(mayActOnEscalation(actor("viewer"), escalation, leads)).toBe(false);
    expect(mayActOnEscalation(actor("admin", { userId: null, tokenId: "t" }), escalation, leads)).toBe(false);
  });

  it("needs leadership only for members who are no admins", () => {
    expect(leadershipMatters(actor("member"))).toBe(true);
    expect(leadershipMatters(actor("admin"))).toBe(false);
    expect(leadershipMatters(actor("viewer"))).toBe(false);
  });
});
