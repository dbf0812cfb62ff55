/**
 * What the 1:1 agenda tests share: Vistula Logistics, where Tomasz manages Ewa from
 * outside the Inbound squad that Anna leads, Noor works in the squad with no manager, Jan
 * is a member elsewhere, and helpers to raise a risk flag and to read and change agendas.
 */
import { buildMetricKeyResult, buildObjective, buildTeam, cycleAround } from "./factories.ts";
import { type Client, type Harness, HOUR, type Json, type Member, startHarnessWith } from "./harness.ts";
import { okrApi } from "./okr-api.ts";
import { pinToNoon } from "./world.ts";

export const WAITING = "We are still waiting on the platform team for the scanner API.";

export type OneOnOneWorld = Awaited<ReturnType<typeof setUp>>;

export async function startOneOnOneWorld(): Promise<OneOnOneWorld> {
  return startHarnessWith(setUp);
}

async function setUp(h: Harness) {
  const today = pinToNoon(h);
  const { owner, org } = await h.createOwnerWithOrg({
    person: { name: "Marta Nowak" },
    org: { name: "Vistula Logistics" },
  });
  const okr = okrApi(h, org);
  const base = okr.base;
  const admin = await h.addPerson(owner, org, "admin", { name: "Piotr Zielinski" });
  const lead = await h.addPerson(owner, org, "member", { name: "Anna Kowalska" });
  const manager = await h.addPerson(owner, org, "member", { name: "Tomasz Wojcik" });
  const newManager = await h.addPerson(owner, org, "member", { name: "Katarzyna Mazur" });
  const ewa = await h.addPerson(owner, org, "member", { name: "Ewa Lewandowska" });
  const noor = await h.addPerson(owner, org, "member", { name: "Noor Haddad" });
  const outsider = await h.addPerson(owner, org, "member", { name: "Jan Kaminski" });
  const viewer = await h.addPerson(owner, org, "viewer", { name: "Zofia Dabrowska" });

  async function setManager(person: Member, managerUserId: string | null) {
    const current = await h.ok("GET", `${base}/people/${person.id}`, { as: owner });
    return h.ok("PATCH", `${base}/people/${person.id}`, {
      as: owner,
      body: { version: current.version, managerUserId },
    });
  }
  await setManager(ewa, manager.id);
  const squad = await h.ok("POST", `${base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Inbound squad", leadUserId: lead.id }),
  });
  for (const p of [ewa, noor]) {
    await h.ok("POST", `${base}/teams/${squad.id}/members`, { as: owner, body: { userId: p.id } });
  }
  const cycle = await okr.createCycle(owner, { name: "Q1 inbound", ...cycleAround(today) });

  /** A fresh active KR of the squad owned by `by`, in an Objective of the given visibility. */
  async function newKeyResult(by: Member, visibility: "organization" | "team" = "organization") {
    const draft = await okr.createObjective(
      lead.client,
      buildObjective({
        cycleId: cycle.id,
        teamId: squad.id,
        ownerUserId: lead.id,
        visibility,
        title: `Unload every truck within two hours (${Math.random().toString(36).slice(2, 7)})`,
        keyResults: [
          buildMetricKeyResult({
            ownerUserId: by.id,
            title: "Trucks unloaded within 2 h from 60 % to 90 %",
            startValue: 60,
            targetValue: 90,
          }),
        ],
      }),
    );
    const objective = await okr.activate(lead.client, draft.id);
    return objective.keyResults[0] as Json;
  }

  /** A KR of `by` whose confidence falls 7 → 5 → 3 with a blocker in the last note: flagged. */
  async function flaggedKeyResult(by: Member, visibility: "organization" | "team" = "organization") {
    const kr = await newKeyResult(by, visibility);
    for (const [confidence, note] of [
      [7, "Good start, the new shift pattern works."],
      [5, "Slower week than the last."],
      [3, `Dock doors are fine. ${WAITING}`],
    ] as const) {
      h.clock.advance(HOUR);
      await okr.checkIn(by.client, kr.id, { value: 65, confidence, note });
    }
    return kr;
  }

  const pairPath = (m: Member, r: Member, slug = org.slug) => `/api/orgs/${slug}/one-on-ones/${m.id}/${r.id}`;
  const pair = (as: Client, m: Member, r: Member): Promise<Json> => h.ok("GET", pairPath(m, r), { as });
  const agendaPath = (agendaId: string, slug = org.slug) =>
    `/api/orgs/${slug}/one-on-one-agendas/${agendaId}`;
  const addItem = (as: Client, agendaId: string, body: unknown) =>
    h.request("POST", `${agendaPath(agendaId)}/items`, { as, body });
  const tick = (as: Client, agendaId: string, itemId: string, body: unknown) =>
    h.request("PATCH", `${agendaPath(agendaId)}/items/${itemId}`, { as, body });
  const close = (as: Client, agendaId: string, body: unknown) =>
    h.request("POST", `${agendaPath(agendaId)}/close`, { as, body });
  const itemsAbout = (agenda: Json, subjectId: string): Json[] =>
    agenda.items.filter((i: Json) => i.subject?.id === subjectId);

  return {
    h,
    today,
    owner,
    org,
    okr,
    base,
    admin,
    lead,
    manager,
    newManager,
    ewa,
    noor,
    outsider,
    viewer,
    squad,
    cycle,
    setManager,
    newKeyResult,
    flaggedKeyResult,
    pairPath,
    pair,
    agendaPath,
    addItem,
    tick,
    close,
    itemsAbout,
  };
}
