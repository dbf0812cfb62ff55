/**
 * Requests Keel accepts for the 1:1 routes (see accepted-requests.ts for the shape of a
 * builder). The owner manages the world's person, so the owner may change their agenda;
 * each builder reads the pair's open agenda afresh, since fuzzing may have closed the
 * world's one (a closed meeting takes no changes).
 */

import type { Builder } from "./accepted-requests.ts";
import type { Json } from "./harness.ts";

async function openAgenda(c: Parameters<Builder>[0]): Promise<Json> {
  const pair = await c.h.ok("GET", `${c.base}/one-on-ones/${c.w.oneOnOne.managerUserId}/${c.w.person.id}`, {
    as: c.w.owner,
  });
  return pair.agenda;
}

export const oneOnOneBuilders: Record<string, Builder> = {
  "POST /api/orgs/{org}/one-on-one-agendas/{agendaId}/items": async (c) => ({
    path: `${c.base}/one-on-one-agendas/${(await openAgenda(c)).id}/items`,
    body: { title: "Next quarter's dock schedule" },
    as: c.w.owner,
  }),
  "PATCH /api/orgs/{org}/one-on-one-agendas/{agendaId}/items/{itemId}": async (c) => {
    const agenda = await openAgenda(c);
    return {
      path: `${c.base}/one-on-one-agendas/${agenda.id}/items/${agenda.items[0].id}`,
      body: { done: true },
      as: c.w.owner,
    };
  },
  "POST /api/orgs/{org}/one-on-one-agendas/{agendaId}/close": async (c) => ({
    path: `${c.base}/one-on-one-agendas/${(await openAgenda(c)).id}/close`,
    body: { notes: "Agreed on the handover checklist." },
    as: c.w.owner,
  }),
};
