import type { Database } from "../db/client.ts";
import { DataFolderLockedError } from "../db/data-folder-lock.ts";
import { loadConfig } from "../server/config.ts";
import type { Deps } from "../server/context.ts";
import { createLogger } from "../server/lib/logger.ts";
import { resolveSecretKey } from "../server/lib/secret-box.ts";
import { openConfiguredDatabase } from "../server/main.ts";

/**
 * Opens the database for a one-off command, migrated. On the embedded database this
 * refuses while a running Keel holds the data folder.
 */
export async function openForCommand(): Promise<{
  deps: Deps;
  database: Database;
  done: () => Promise<void>;
}> {
  const config = loadConfig();
  try {
    const { database, release } = await openConfiguredDatabase(config);
    await database.migrate();
    const logger = createLogger(process.env.LOG_LEVEL ?? "warn");
    let secretKey: Buffer | undefined;
    const deps: Deps = {
      db: database.db,
      engine: database.engine,
      config,
      logger,
      now: () => new Date(),
      // Resolved on first use: commands that never touch connector credentials (users,
      // backups) must not fail for want of KEEL_SECRET_KEY.
      secretKey: () => {
        secretKey ??= resolveSecretKey(config, logger);
        return secretKey;
      },
    };
    return {
      deps,
      database,
      done: async () => {
        await database.close();
        release();
      },
    };
  } catch (err) {
    if (err instanceof DataFolderLockedError) {
      console.error(`keel: ${err.message}`);
      process.exit(3);
    }
    throw err;
  }
}
