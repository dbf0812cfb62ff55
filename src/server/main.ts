import path from "node:path";
import { serve } from "@hono/node-server";
import { type Database, openDatabase } from "../db/client.ts";
import { acquireDataFolderLock } from "../db/data-folder-lock.ts";
import { longTimeouts } from "../db/pg-pool.ts";
import { createApp } from "./app.ts";
import type { Config } from "./config.ts";
import type { Deps } from "./context.ts";
import { closeLiveHub } from "./events/live-hub.ts";
import { startConnectorJob } from "./jobs/connector-job.ts";
import { startEmailJob } from "./jobs/email-job.ts";
import { startRecomputeJob } from "./jobs/recompute-job.ts";
import { startWebhookJob } from "./jobs/webhook-job.ts";
import { backgroundWorkOf } from "./lib/background-work.ts";
import { createLogger } from "./lib/logger.ts";
import { resolveSecretKey } from "./lib/secret-box.ts";
import { announceSetupCode, needsSetup } from "./services/setup-service.ts";

/** Opens the configured database: a PostgreSQL server, or PGlite in the data folder (locked). */
export async function openConfiguredDatabase(
  config: Config,
): Promise<{ database: Database; release: () => void }> {
  if (config.databaseUrl) {
    return {
      database: await openDatabase({
        engine: "postgres",
        url: config.databaseUrl,
        timeouts: config.databaseTimeouts,
        migrationTimeouts: {
          ...longTimeouts,
          connectMs: Math.max(config.databaseTimeouts.connectMs, longTimeouts.connectMs),
          statementMs: config.longStatementTimeoutMs,
          idleInTransactionMs: config.longStatementTimeoutMs,
        },
      }),
      release: () => {},
    };
  }
  const release = acquireDataFolderLock(config.dataDir);
  try {
    const database = await openDatabase({ engine: "pglite", dataDir: path.join(config.dataDir, "pglite") });
    return { database, release };
  } catch (err) {
    release();
    throw err;
  }
}

/** config → database → migrations → listen; stops cleanly on SIGTERM and SIGINT. */
export async function startServer(config: Config) {
  const logger = createLogger(config.logLevel);
  const started = performance.now();
  // Before the database: a missing key in production is a configuration error to report at once.
  const secretKey = resolveSecretKey(config, logger);
  const { database, release } = await openConfiguredDatabase(config);
  await database.migrate();
  const deps: Deps = {
    db: database.db,
    engine: database.engine,
    config,
    logger,
    now: () => new Date(),
    secretKey: () => secretKey,
  };
  if (await needsSetup(deps)) await announceSetupCode(deps);
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  const connectorJob = startConnectorJob(deps);
  const recomputeJob = startRecomputeJob(deps);
  const emailJob = startEmailJob(deps);
  const webhookJob = startWebhookJob(deps);
  logger.info(
    {
      port: config.port,
      engine: database.engine,
      email: config.smtp ? `${config.smtp.host}:${config.smtp.port}` : "off",
      dataDir: config.databaseUrl ? undefined : config.dataDir,
      startupMs: Math.round(performance.now() - started),
    },
    `Keel is listening on http://localhost:${config.port}`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing open requests");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    // Connector runs in flight finish (or time out) before the database closes under them.
    const jobsStopped = Promise.all([
      connectorJob.stop(),
      recomputeJob.stop(),
      emailJob?.stop(),
      webhookJob.stop(),
    ]);
    server.close(async () => {
      await jobsStopped;
      // Recomputes that bulk loads started and did not wait for finish first too.
      await backgroundWorkOf(database.db).drain();
      await closeLiveHub(database.db);
      await database.close();
      release();
      logger.info("stopped");
      process.exit(0);
    });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  return { server, deps };
}
