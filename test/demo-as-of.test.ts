/**
 * The demo can be shown as of a day of last quarter (docs/as-of.md): its structure is as
 * old as its back-dated story, so the leadership home of that day shows last quarter
 * running, its Objectives judged from the check-ins known then, and KPI values of then.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/domain/dates.ts";
import { expectError, type Harness, type Json, type SessionClient, startHarness } from "./support/harness.ts";

let h: Harness;
let owner: SessionClient;
const base = "/api/orgs/nordwind-logistics";
let previous: Json;

beforeAll(async () => {
  h = await startHarness();
  const reply = await h.request("POST", "/api/setup", {
    body: {
      start: "demo",
      name: "Priya Kaya",
      email: "priya.kaya@example.com",
      password: "demo password 2026",
    },
  });
  expect(reply.status).toBe(201);
  owner = await h.signIn("priya.kaya@example.com", "demo password 2026");
  const cycles = (await h.ok("GET", `${base}/cycles`, { as: owner })).items as Json[];
  previous = cycles.find((c) => c.state === "closed")!;
});
afterAll(() => h?.close());

describe("the demo as of a day of last quarter", () => {
  it("shows last quarter running, with its teams' Objectives judged then and KPI values of then", async () => {
    const day = addDays(previous.startsOn, 45);
    const home = await h.ok("GET", `${base}/leadership-home?asOf=${day}`, { as: owner });
    expect(home.cycle).toMatchObject({ id: previous.id, state: "active" });
    const withObjectives = (home.teams as Json[]).filter((t) => t.objectives > 0);
    expect(withObjectives.length).toBeGreaterThan(3);
    // Halfway through, Objectives have progressed, but nothing is graded yet.
    const progress = withObjectives.map((t) => t.progress).filter((p) => p !== null);
    expect(progress.some((p) => p > 0 && p < 1)).toBe(true);
    const today = await h.ok("GET", `${base}/leadership-home?cycleId=${previous.id}`, { as: owner });
    expect(home.teams).not.toEqual(today.teams);
    const valued = (home.kpis.items as Json[]).filter((k) => k.current.value !== null);
    expect(valued.length).toBeGreaterThan(0);
    for (const k of valued) expect(k.current.periodStart <= day).toBe(true);
  });

  it("refuses a day before the demo's story began", async () => {
    const reply = await h.request(
      "GET",
      `${base}/leadership-home?asOf=${addDays(previous.startsOn, -1500)}`,
      {
        as: owner,
      },
    );
    await expectError(reply, 400, "validation_failed", "asOf");
  });
});
