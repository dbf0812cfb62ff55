/**
 * Requests Keel accepts for the kpi-links routes, one per operation the fuzzing suite
 * must see answered 2xx (see accepted-requests.ts for the shape of a builder).
 */
import type { Builder } from "./accepted-requests.ts";

export const kpiLinkBuilders: Record<string, Builder> = {};
