/** Shortcuts to the OKR API of one organisation, for the okr-*.test.ts files and KPI floor tests. */
import type { Client, Harness, Json, OrgRef } from "./harness.ts";

export function okrApi(h: Harness, org: OrgRef) {
  const base = `/api/orgs/${org.slug}`;
  const api = {
    base,
    /** A custom cycle, moved through its states up to `state`. */
    async createCycle(
      as: Client,
      body: { name: string; startsOn: string; endsOn: string },
      state: "planning" | "active" | "grading" | "closed" = "active",
    ): Promise<Json> {
      const cycle = await h.ok("POST", `${base}/cycles`, { as, body }, 201);
      const path = ["planning", "active", "grading", "closed"];
      let current = cycle;
      for (const next of path.slice(1, path.indexOf(state) + 1))
        current = await api.moveCycle(as, cycle.id, next);
      return current;
    },
    async moveCycle(as: Client, cycleId: string, state: string, reason?: string): Promise<Json> {
      const cycle = await h.ok("GET", `${base}/cycles/${cycleId}`, { as });
      return h.ok("PATCH", `${base}/cycles/${cycleId}`, {
        as,
        body: {
          version: cycle.version,
          state,
          ...(reason ? { reason } : {}),
          ...(state === "active" ? { acknowledgeFindings: true } : {}),
        },
      });
    },
    createObjective: (as: Client, body: unknown): Promise<Json> =>
      h.ok("POST", `${base}/objectives`, { as, body }, 201),
    getObjective: (as: Client, id: string): Promise<Json> => h.ok("GET", `${base}/objectives/${id}`, { as }),
    /** PATCH an Objective at its current version. */
    async updateObjective(as: Client, id: string, patch: Record<string, unknown>): Promise<Json> {
      const current = await h.ok("GET", `${base}/objectives/${id}`, { as });
      return h.ok("PATCH", `${base}/objectives/${id}`, { as, body: { version: current.version, ...patch } });
    },
    // Tests of other rules acknowledge the linter's findings (okr-lint.test.ts tests the question).
    activate: (as: Client, id: string): Promise<Json> =>
      api.updateObjective(as, id, { state: "active", acknowledgeFindings: true }),
    /** A KR as its Objective shows it now. */
    async keyResult(as: Client, objectiveId: string, keyResultId: string): Promise<Json> {
      const objective = await h.ok("GET", `${base}/objectives/${objectiveId}`, { as });
      return objective.keyResults.find((k: { id: string }) => k.id === keyResultId);
    },
    /** PATCH a KR at its current version; answers the Objective. */
    async updateKeyResult(
      as: Client,
      objectiveId: string,
      keyResultId: string,
      patch: Record<string, unknown>,
    ): Promise<Json> {
      const kr = await api.keyResult(as, objectiveId, keyResultId);
      return h.ok("PATCH", `${base}/key-results/${keyResultId}`, {
        as,
        body: { version: kr.version, ...patch },
      });
    },
    checkIn: (as: Client, keyResultId: string, body: Record<string, unknown>): Promise<Json> =>
      h.ok("POST", `${base}/key-results/${keyResultId}/check-ins`, { as, body }, 201),
    history: async (as: Client, keyResultId: string): Promise<Json[]> =>
      (await h.ok("GET", `${base}/key-results/${keyResultId}/check-ins`, { as })).items,
    /** Audit events of one entity, newest first (needs an admin). */
    audit: async (as: Client, entityId: string, action?: string): Promise<Json[]> =>
      (
        await h.ok(
          "GET",
          `${base}/audit?entityId=${entityId}&limit=200${action ? `&action=${encodeURIComponent(action)}` : ""}`,
          { as },
        )
      ).items,
  };
  return api;
}
