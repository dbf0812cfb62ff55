import { migrationsApplied } from "../../db/migration-status.ts";
import type { Deps } from "../context.ts";
import { pingDatabase } from "../repositories/system-repository.ts";

/**
 * Whether this instance may take traffic: the database answers and every committed
 * migration is applied. Any failure on the way counts as an unreachable database.
 */
export async function readiness(
  deps: Deps,
): Promise<"ready" | "migrations pending" | "database unreachable"> {
  try {
    await pingDatabase(deps.db);
    return (await migrationsApplied(deps.db)) ? "ready" : "migrations pending";
  } catch {
    return "database unreachable";
  }
}
