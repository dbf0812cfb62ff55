/**
 * Requests Keel accepts for the risk-flag routes, one per operation the fuzzing suite
 * must see answered 2xx (see accepted-requests.ts for the shape of a builder).
 */
import type { Builder } from "./accepted-requests.ts";
import { unique } from "./accepted-setups.ts";

/**
 * A KR of its own in the world's running quarter whose confidence fell 7 → 5 → 3 with a
 * blocker in the notes: it has an open flag for the owner (an admin of sorts) to resolve.
 */
const flaggedKeyResult: Builder = async (c) => {
  const { h, w, base } = c;
  const as = w.owner;
  const draft = await h.ok(
    "POST",
    `${base}/objectives`,
    {
      as,
      body: {
        cycleId: w.okrCycle.id,
        teamId: w.team.id,
        ownerUserId: w.person.id,
        title: `Clear the customs backlog ${unique()}`,
        keyResults: [
          {
            title: "Shipments cleared within a day from 70 to 95",
            kind: "metric",
            ownerUserId: w.person.id,
            startValue: 70,
            targetValue: 95,
            unit: "%",
          },
        ],
      },
    },
    201,
  );
  const active = await h.ok("PATCH", `${base}/objectives/${draft.id}`, {
    as,
    body: { version: draft.version, state: "active", acknowledgeFindings: true },
  });
  const kr = active.keyResults[0];
  for (const [confidence, note] of [
    [7, "Good start."],
    [5, "Slower than hoped."],
    [3, "We are still waiting on the broker for the new tariff codes."],
  ] as const) {
    await h.ok(
      "POST",
      `${base}/key-results/${kr.id}/check-ins`,
      { as, body: { value: 72, confidence, note } },
      201,
    );
  }
  return { path: `${base}/key-results/${kr.id}/flag/resolve`, body: { note: "Called the broker." }, as };
};

export const checkInNoteBuilders: Record<string, Builder> = {
  "POST /api/orgs/{org}/check-in-notes/analyze": async (c) => ({
    path: c.path,
    body: { note: "We are still waiting on the carrier for the new rates." },
    as: c.w.owner,
  }),
  "POST /api/orgs/{org}/key-results/{keyResultId}/flag/resolve": flaggedKeyResult,
};
