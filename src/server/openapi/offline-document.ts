import { createApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import { createLogger } from "../lib/logger.ts";
import { openApiDocument } from "./document.ts";

/**
 * Keel's OpenAPI document built in-process, with no database, server or network: the
 * routes declare their schemas when they are registered, so an app that never answers a
 * request describes the same API as a running one. Used to generate the typed client.
 */
export function offlineOpenApiDocument() {
  const app = createApp({
    // Never queried; an object because the app keys its outage watch by the database.
    db: {} as never,
    engine: "pglite",
    config: loadConfig({ NODE_ENV: "test", KEEL_DATA_DIR: "/nonexistent", LOG_LEVEL: "silent" }),
    logger: createLogger("silent"),
    now: () => new Date(),
    secretKey: () => Buffer.alloc(32),
  });
  return openApiDocument(app);
}
