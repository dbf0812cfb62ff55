/**
 * Requests Keel accepts for the strategy routes, one per operation the fuzzing suite
 * must see answered 2xx (see accepted-requests.ts for the shape of a builder).
 */
import type { Builder } from "./accepted-requests.ts";
import { unique } from "./accepted-setups.ts";

/**
 * A theme of its own, so each sample's edge is new (one edge per cause and effect) and
 * neither end is one the fuzzing of the theme routes may have archived meanwhile.
 */
async function freshThemeId(c: Parameters<Builder>[0]): Promise<string> {
  const theme = await c.h.ok(
    "POST",
    `${c.base}/themes`,
    { as: c.w.owner, body: { name: `Supplier partnerships ${unique()}` } },
    201,
  );
  return theme.id;
}

export const strategyBuilders: Record<string, Builder> = {
  "POST /api/orgs/{org}/strategy-map/edges": async (c) => ({
    path: c.path,
    body: {
      from: { kind: "theme", id: await freshThemeId(c) },
      to: { kind: "theme", id: await freshThemeId(c) },
      label: "Reliable suppliers keep promises to customers",
    },
    as: c.w.owner,
  }),
  "PATCH /api/orgs/{org}/strategy-map/edges/{edgeId}": async (c) => ({
    path: c.path,
    body: { label: "Trained people run better processes" },
    as: c.w.owner,
  }),
  "DELETE /api/orgs/{org}/strategy-map/edges/{edgeId}": async (c) => {
    const edge = await c.h.ok(
      "POST",
      `${c.base}/strategy-map/edges`,
      {
        as: c.w.owner,
        body: {
          from: { kind: "theme", id: await freshThemeId(c) },
          to: { kind: "theme", id: await freshThemeId(c) },
        },
      },
      201,
    );
    return { path: `${c.base}/strategy-map/edges/${edge.id}`, as: c.w.owner };
  },
};
