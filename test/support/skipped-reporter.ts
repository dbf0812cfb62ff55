import type { Reporter, TestModule, TestSuite } from "vitest/node";

/**
 * Lists what a run skipped, with the reason each skipped block carries in its title (see
 * skip.ts) or as the note of `context.skip(note)`: the default reporter shows only counts.
 */
export default class SkippedReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const lines: string[] = [];
    for (const module of modules) {
      const file = module.relativeModuleId;
      const skippedSuites = new Set<TestSuite>();
      for (const suite of module.children.allSuites()) {
        if (suite.state() !== "skipped") continue;
        skippedSuites.add(suite);
        if (suite.parent.type === "suite" && skippedSuites.has(suite.parent)) continue;
        lines.push(`${file} › ${suite.fullName}`);
      }
      for (const test of module.children.allTests("skipped")) {
        if (test.parent.type === "suite" && skippedSuites.has(test.parent)) continue;
        const note = test.result().note;
        lines.push(`${file} › ${test.fullName}${note ? ` (skipped: ${note})` : ""}`);
      }
    }
    if (lines.length === 0) return;
    console.log(`\nSkipped (${lines.length}):\n${lines.map((l) => `  ↓ ${l}`).join("\n")}\n`);
  }
}
