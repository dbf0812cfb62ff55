import type { Harness, Json, OrgRef, SessionClient } from "./harness.ts";
import type { World } from "./world.ts";

/**
 * The 1:1 part of a world: the owner manages `person`, so the owner (the suites' caller) is
 * in a pair and may change its agenda; the agenda is opened once (which puts the KPI's
 * escalation on it) and holds an item the owner added.
 */
export async function buildOneOnOne(
  h: Harness,
  w: { org: OrgRef; owner: SessionClient; personId: string },
): Promise<Pick<World, "oneOnOne">> {
  const base = `/api/orgs/${w.org.slug}`;
  const person = await h.ok("GET", `${base}/people/${w.personId}`, { as: w.owner });
  await h.ok("PATCH", `${base}/people/${w.personId}`, {
    as: w.owner,
    body: { version: person.version, managerUserId: w.owner.userId },
  });
  const pair = await h.ok("GET", `${base}/one-on-ones/${w.owner.userId}/${w.personId}`, { as: w.owner });
  const agenda: Json = await h.ok(
    "POST",
    `${base}/one-on-one-agendas/${pair.agenda.id}/items`,
    { as: w.owner, body: { title: `${person.name}: the handover to the night shift` } },
    201,
  );
  const item = agenda.items.find((i: Json) => i.kind === "added");
  return {
    oneOnOne: { managerUserId: w.owner.userId, agendaId: agenda.id, itemId: item.id, itemTitle: item.title },
  };
}
