import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

/**
 * Migrates one embedded database for the whole run: every journey's server starts from a
 * copy of it (support/keel.ts) instead of creating and migrating a database of its own,
 * which was most of each journey's start-up. The copy is still an instance nobody has set
 * up, so first-run journeys meet the setup page as a newcomer would.
 */
export default function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-e2e-migrated-"));
  const root = path.resolve(import.meta.dirname, "../..");
  const result = spawnSync(process.execPath, [path.join(root, "bin/keel.js"), "migrate"], {
    cwd: root,
    env: { ...process.env, KEEL_DATA_DIR: dir, LOG_LEVEL: "warn" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`keel migrate failed: ${result.stderr || result.stdout}`);
  project.provide("keelMigratedDataDir", dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    keelMigratedDataDir: string;
  }
}
