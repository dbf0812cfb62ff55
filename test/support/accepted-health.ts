/**
 * Requests Keel accepts for the health routes, one per operation the fuzzing suite
 * must see answered 2xx (see accepted-requests.ts for the shape of a builder).
 */
import type { Builder } from "./accepted-requests.ts";

export const healthBuilders: Record<string, Builder> = {};
