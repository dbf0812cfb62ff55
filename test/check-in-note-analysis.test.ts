/**
 * POST /check-in-notes/analyze: what Keel reads in a note before it is saved. Any member
 * may ask, viewers included; bad input is a 400 naming the field; empty, very long and
 * non-English notes are answered, never a crash.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectError,
  type Harness,
  type Member,
  type OrgRef,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";

let h: Harness;
let owner: SessionClient;
let org: OrgRef;
let viewer: Member;
let member: Member;
let outsider: SessionClient;

beforeAll(async () => {
  h = await startHarness();
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Ingrid Solberg" },
    org: { name: "Fjordline Freight" },
  }));
  viewer = await h.addPerson(owner, org, "viewer", { name: "Ola Nordmann" });
  member = await h.addPerson(owner, org, "member", { name: "Kari Hansen" });
  ({ owner: outsider } = await h.createOwnerWithOrg({
    person: { name: "Pieter Claes" },
    org: { name: "Scheldt Cargo" },
  }));
});
afterAll(() => h?.close());

const analyze = (as: SessionClient, body: unknown, slug = org.slug) =>
  h.request("POST", `/api/orgs/${slug}/check-in-notes/analyze`, { as, body });

describe("analysing a note", () => {
  it("finds the blocker with its sentence and cue, and reads the tone", async () => {
    const reply = await analyze(member.client, {
      note: "Dock 4 is staffed again. We are still waiting on the platform team for the scanner API.",
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toEqual({
      analysed: true,
      reason: null,
      blockers: [
        { sentence: "We are still waiting on the platform team for the scanner API.", cue: "waiting" },
      ],
      tone: "negative",
    });
  });

  it("lets a viewer ask, since nothing is stored", async () => {
    const reply = await analyze(viewer.client, { note: "Blocked by legal on the carrier contract." });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.blockers).toHaveLength(1);
  });

  it("does not take negations for blockers", async () => {
    const reply = await analyze(member.client, {
      note: "No blockers this week. The vendor issue is resolved and the team is on track.",
    });
    expect(reply.body.blockers).toEqual([]);
    expect(reply.body.analysed).toBe(true);
  });

  it("says an empty note was not analysed", async () => {
    for (const note of ["", "   ", "-"]) {
      const reply = await analyze(member.client, { note });
      expect(reply.status, reply.text).toBe(200);
      expect(reply.body).toEqual({ analysed: false, reason: "empty", blockers: [], tone: "neutral" });
    }
  });

  it("says a note in another language was not analysed, without guessing blockers", async () => {
    const reply = await analyze(member.client, {
      note: "Vi venter fortsatt på svar fra leverandøren, og kontrakten er ikke signert ennå.",
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toEqual({ analysed: false, reason: "not-english", blockers: [], tone: "neutral" });
  });

  it("takes a note as long as a check-in takes, and refuses a longer one naming the field", async () => {
    const sentence = "We are waiting on the customs broker for the new tariff codes. ";
    const longest = sentence.repeat(Math.floor(4000 / sentence.length));
    const accepted = await analyze(member.client, { note: longest });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body.blockers.length).toBeGreaterThan(10);

    expectError(await analyze(member.client, { note: "x".repeat(4001) }), 400, "validation_failed", "note");
  });

  it("refuses a body without a note, a note that is not text, and unknown fields", async () => {
    expectError(await analyze(member.client, {}), 400, "validation_failed", "note");
    expectError(await analyze(member.client, { note: 42 }), 400, "validation_failed", "note");
    expectError(await analyze(member.client, { note: "fine", keyResultId: "x" }), 400, "validation_failed");
  });

  it("answers 404 in an organisation the caller does not belong to", async () => {
    expectError(await analyze(outsider, { note: "Blocked by IT." }), 404, "not_found");
  });
});
