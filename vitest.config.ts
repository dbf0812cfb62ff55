import { defineConfig } from "vitest/config";

// Three projects: pure unit tests beside the code, integration tests through
// createApp().request() on a real database, and browser journeys in Chromium.
export default defineConfig({
  test: {
    // The default reporter shows only how many tests were skipped: the second says why.
    reporters: ["default", "./test/support/skipped-reporter.ts"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts"],
          environment: "node",
          // Pure code without mocks, fake timers or stubbed globals: files may share a
          // worker's module graph, so the run stops paying a worker start per file.
          pool: "threads",
          isolate: false,
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          // Each file opens its own database and app (test/support/harness.ts), so files
          // need no fresh module graph: sharing the worker's halves the suite's time (the
          // app's imports were about 2.5 s per file).
          isolate: false,
          // Vitest's default is one worker fewer than the cores: on the two-core CI
          // machine that is one, and the suite ran file after file. A worker waits on its
          // database as much as it computes, so two keep both cores busy.
          maxWorkers: 2,
          globalSetup: ["test/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          globalSetup: ["e2e/support/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // A page answers a click through a request and a re-render: on a loaded two-core
          // CI machine that has taken more than expect.poll's default second (a 1:1 that
          // had just been closed still showed its ticked item). Polls end as soon as they
          // pass, so a longer limit costs only the runs that would have failed.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
