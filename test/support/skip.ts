import { describe, it, type TestFunction } from "vitest";

/**
 * `describe` and `it` that skip their block when `reason` is given, and then carry the
 * reason in the block's title, so that the run's output says why (skipped-reporter.ts
 * lists skipped blocks by title after the summary).
 */
export function skipWhen(reason: string | false | undefined) {
  const title = (name: string) => (reason ? `${name} ${SKIPPED_MARK} ${reason})` : name);
  return {
    describe: (name: string, fn: () => void) => describe.skipIf(reason)(title(name), fn),
    it: (name: string, fn: TestFunction, timeout?: number) => it.skipIf(reason)(title(name), fn, timeout),
  };
}

/** Opens the reason in a skipped block's title. */
export const SKIPPED_MARK = "(skipped:";

/** The reason a block that needs PostgreSQL is skipped on PGlite. */
export const NEEDS_POSTGRES = "needs PostgreSQL (KEEL_TEST_ENGINE=postgres and TEST_DATABASE_URL)";
