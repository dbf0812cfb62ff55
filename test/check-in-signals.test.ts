/**
 * Every stored check-in keeps what Keel read in its note (note_signals), written in the
 * check-in's transaction on create and on edit, shown as `signals`; and the backfill
 * reads the notes of check-ins stored before, a batch at a time, resumably.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../src/db/client.ts";
import { backfillNoteSignals } from "../src/server/services/okr/note-signals-backfill.ts";
import { buildMetricKeyResult, buildObjective, buildTeam, cycleAround } from "./support/factories.ts";
import {
  type Harness,
  type Json,
  type Member,
  type OrgRef,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";
import { okrApi } from "./support/okr-api.ts";
import { pinToNoon } from "./support/world.ts";

let h: Harness;
let owner: SessionClient;
let org: OrgRef;
let okr: ReturnType<typeof okrApi>;
let lead: Member;
let emma: Member;
let outsider: Member;
let publicKr: Json;
let teamOnlyKr: Json;

beforeAll(async () => {
  h = await startHarness();
  const today = pinToNoon(h);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Sofie Laurent" },
    org: { name: "Ardennes Parcel" },
  }));
  okr = okrApi(h, org);
  lead = await h.addPerson(owner, org, "member", { name: "Hugo Peeters" });
  emma = await h.addPerson(owner, org, "member", { name: "Emma Claes" });
  outsider = await h.addPerson(owner, org, "member", { name: "Lucas Maes" });
  const team = await h.ok("POST", `${okr.base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Liège Depot", leadUserId: lead.id }),
  });
  await h.ok("POST", `${okr.base}/teams/${team.id}/members`, { as: owner, body: { userId: emma.id } });
  const cycle = await okr.createCycle(owner, { name: "Winter peak", ...cycleAround(today) });
  const objectiveOf = async (visibility: "organization" | "team") => {
    const draft = await okr.createObjective(
      lead.client,
      buildObjective({
        cycleId: cycle.id,
        teamId: team.id,
        ownerUserId: lead.id,
        visibility,
        keyResults: [buildMetricKeyResult({ ownerUserId: emma.id })],
      }),
    );
    return (await okr.activate(lead.client, draft.id)).keyResults[0];
  };
  publicKr = await objectiveOf("organization");
  teamOnlyKr = await objectiveOf("team");
});
afterAll(() => h?.close());

const storedSignals = async (checkInId: string) =>
  rowsOf<{ signals: Json }>(
    await h.db.execute(
      sql`select note_signals as signals from check_ins where organization_id = ${org.id} and id = ${checkInId}`,
    ),
  )[0]?.signals;

describe("signals of a check-in", () => {
  it("are stored with a new check-in and shown with it", async () => {
    const checkIn = await okr.checkIn(emma.client, publicKr.id, {
      value: 84,
      confidence: 6,
      note: "Sorting is faster. We are still waiting on the carrier for the new pickup slots.",
    });
    const expected = {
      analysed: true,
      reason: null,
      blockers: [
        { sentence: "We are still waiting on the carrier for the new pickup slots.", cue: "waiting" },
      ],
      tone: "negative",
    };
    expect(checkIn.signals).toEqual(expected);
    expect(await storedSignals(checkIn.id)).toEqual(expected);
    const [latest] = await okr.history(emma.client, publicKr.id);
    expect(latest.signals).toEqual(expected);
  });

  it("are read again when the note is edited, on the new version", async () => {
    const first = await okr.checkIn(emma.client, publicKr.id, {
      value: 85,
      confidence: 6,
      note: "Blocked by the warehouse system upgrade.",
    });
    expect(first.signals.blockers).toHaveLength(1);
    const edited = await h.ok("PATCH", `${okr.base}/check-ins/${first.id}`, {
      as: emma.client,
      body: { note: "The warehouse system upgrade is done, no blockers left." },
    });
    expect(edited.signals).toMatchObject({ analysed: true, blockers: [] });
    expect((await storedSignals(edited.id)).blockers).toEqual([]);
    // The replaced version keeps what was read in it.
    expect((await storedSignals(first.id)).blockers).toHaveLength(1);
  });

  it("say when a note was empty or not in English", async () => {
    const empty = await okr.checkIn(emma.client, publicKr.id, { value: 85, confidence: 6 });
    expect(empty.signals).toEqual({ analysed: false, reason: "empty", blockers: [], tone: "neutral" });
    const french = await okr.checkIn(emma.client, publicKr.id, {
      value: 85,
      confidence: 6,
      note: "Nous attendons toujours la réponse du transporteur pour les nouveaux créneaux.",
    });
    expect(french.signals).toMatchObject({ analysed: false, reason: "not-english", blockers: [] });
  });

  it("are hidden, like the note, from people outside a team-visible Objective's team", async () => {
    await okr.checkIn(emma.client, teamOnlyKr.id, {
      value: 83,
      confidence: 5,
      note: "Waiting on finance to approve the overtime budget.",
    });
    const [seenByTeam] = await okr.history(lead.client, teamOnlyKr.id);
    expect(seenByTeam.signals.blockers[0].sentence).toContain("overtime budget");
    const [seenOutside] = await okr.history(outsider.client, teamOnlyKr.id);
    expect(seenOutside.note).toBe("");
    expect(seenOutside.signals).toBeNull();
    expect(JSON.stringify(seenOutside)).not.toContain("overtime");
  });
});

describe("the backfill", () => {
  it("reads the notes of check-ins stored without signals, and can stop and resume", async () => {
    const notes = [
      "The customs broker still hasn't replied about the tariff codes.",
      "Good week, two new drivers started.",
      "No blockers, all on track.",
      "We are blocked by the depot's network outage.",
      "",
    ];
    const ids: string[] = [];
    for (const note of notes) {
      ids.push((await okr.checkIn(emma.client, publicKr.id, { value: 86, confidence: 6, note })).id);
    }
    await h.db.execute(sql`update check_ins set note_signals = null where organization_id = ${org.id}`);
    const pending = async () =>
      rowsOf<{ n: number }>(
        await h.db.execute(
          sql`select count(*)::int as n from check_ins where organization_id = ${org.id} and note_signals is null`,
        ),
      )[0]!.n;
    const before = await pending();
    expect(before).toBeGreaterThanOrEqual(notes.length);

    // Stopped after its first batch (an operator's Ctrl-C): that batch stays done.
    await expect(
      backfillNoteSignals(h.db, {
        batchSize: 2,
        onBatch: () => {
          throw new Error("stopped");
        },
      }),
    ).rejects.toThrow("stopped");
    expect(await pending()).toBe(before - 2);

    const resumed = await backfillNoteSignals(h.db, { batchSize: 2 });
    expect(resumed.written).toBe(before - 2);
    expect(await pending()).toBe(0);

    const read = await Promise.all(ids.map(storedSignals));
    expect(read.map((s) => s.blockers.map((b: Json) => b.cue))).toEqual([
      ["not-done-by-others"],
      [],
      [],
      ["blocked"],
      [],
    ]);
    expect(read[4]).toMatchObject({ analysed: false, reason: "empty" });
    // A second run finds nothing left to do.
    expect((await backfillNoteSignals(h.db, { batchSize: 2 })).read).toBe(0);
  });
});
