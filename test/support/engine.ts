/** Which database engine the integration suite runs on, from the environment. */
export type TestEngine = "pglite" | "postgres";

declare module "vitest" {
  export interface ProvidedContext {
    keelEngine: TestEngine;
    /** pglite: path of a dump of a freshly migrated instance. */
    keelPgliteDump: string;
    /**
     * postgres: where to create per-file databases, their name prefix for this run, and the
     * migrated database they are copied from.
     */
    keelPostgres: { adminUrl: string; prefix: string; template: string };
  }
}

export function engineFromEnv(env: NodeJS.ProcessEnv = process.env): TestEngine {
  const engine = env.KEEL_TEST_ENGINE ?? "pglite";
  if (engine !== "pglite" && engine !== "postgres") {
    throw new Error(`KEEL_TEST_ENGINE must be pglite or postgres, not "${engine}"`);
  }
  return engine;
}

export function postgresUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      "KEEL_TEST_ENGINE=postgres needs TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test",
    );
  }
  return url;
}

/** The same server URL pointing at another database. */
export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
