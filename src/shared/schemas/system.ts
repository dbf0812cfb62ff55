import { z } from "zod";

/** GET /health: the process is up. */
export const HealthSchema = z.object({ status: z.literal("ok") });

/** GET /ready when the database answers and every migration is applied. */
export const ReadySchema = z.object({ status: z.literal("ready"), engine: z.string() });

/** GET /ready otherwise (503). */
export const NotReadySchema = z.object({ status: z.literal("not_ready"), reason: z.string() });
