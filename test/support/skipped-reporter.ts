import type { Reporter, TestModule, TestSuite } from "vitest/node";
import { SKIPPED_MARK } from "./skip.ts";

/**
 * Lists what a run skipped for a reason, which each such block carries in its title (see
 * skip.ts) or as the note of `context.skip(note)`: the default reporter shows only counts.
 * Tests left out by a name filter (-t) are not listed.
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
        if (suite.name.includes(SKIPPED_MARK)) lines.push(`${file} › ${suite.fullName}`);
      }
      for (const test of module.children.allTests("skipped")) {
        if (test.parent.type === "suite" && skippedSuites.has(test.parent)) continue;
        const result = test.result();
        const note = result.state === "skipped" ? result.note : undefined;
        if (note) lines.push(`${file} › ${test.fullName} (skipped: ${note})`);
        else if (test.name.includes(SKIPPED_MARK)) lines.push(`${file} › ${test.fullName}`);
      }
    }
    if (lines.length === 0) return;
    console.log(`\nSkipped (${lines.length}):\n${lines.map((l) => `  ↓ ${l}`).join("\n")}\n`);
  }
}
