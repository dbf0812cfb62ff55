import { describe, expect, it } from "vitest";
import type { OkrStatus } from "./status.ts";
import { teamHealth } from "./team-health.ts";

const repeat = (status: OkrStatus, times: number): OkrStatus[] => Array.from({ length: times }, () => status);

describe("team health", () => {
  it("counts Objectives per status", () => {
    const health = teamHealth(["on_track", "on_track", "at_risk", "stale", "off_track"]);
    expect(health.counts).toEqual({ not_started: 0, on_track: 2, at_risk: 1, off_track: 1, stale: 1 });
    expect(health.total).toBe(5);
  });

  it("is on track when most Objectives are, despite one in trouble", () => {
    expect(teamHealth(["off_track", "on_track", "on_track", "on_track"]).overall).toBe("on_track");
  });

  it("is at risk when at least half are at risk or worse", () => {
    expect(teamHealth(["off_track", "at_risk", "on_track", "on_track"]).overall).toBe("at_risk");
    expect(teamHealth(["at_risk", "at_risk", "at_risk", "on_track"]).overall).toBe("at_risk");
  });

  it("is off track when at least half are off track; a tie leans to the worse word", () => {
    expect(teamHealth(["off_track", "on_track"]).overall).toBe("off_track");
    expect(teamHealth(["off_track", "off_track", "at_risk", "on_track"]).overall).toBe("off_track");
  });

  it("is stale when more than half of the started Objectives are stale", () => {
    expect(teamHealth(["stale", "stale", "on_track"]).overall).toBe("stale");
    // Half stale: judged on the other half.
    expect(teamHealth(["stale", "stale", "off_track", "on_track"]).overall).toBe("off_track");
    expect(teamHealth([...repeat("stale", 2), ...repeat("not_started", 5), "on_track"]).overall).toBe(
      "stale",
    );
  });

  it("has no word without Objectives, and says not started before any begins", () => {
    expect(teamHealth([]).overall).toBeNull();
    expect(teamHealth(repeat("not_started", 3)).overall).toBe("not_started");
    expect(teamHealth(["not_started", "on_track"]).overall).toBe("on_track");
  });
});
