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
          globalSetup: ["test/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
