import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startKeel } from "../../scripts/lib/keel-process.ts";
import { DEMO_OWNER } from "./demo-owner.ts";
import { freePort } from "./keel.ts";

/**
 * Prepares two data folders for the whole run, which every journey's server starts from a
 * copy of (support/keel.ts) instead of building its own:
 * - a migrated embedded database that nobody has set up, so first-run journeys meet the
 *   setup page as a newcomer would;
 * - the same with the demo organisation set up through the API by DEMO_OWNER, for the
 *   journeys that work in the demo (seeding it took each of them seconds).
 */
export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, "../..");
  const migrated = fs.mkdtempSync(path.join(os.tmpdir(), "keel-e2e-migrated-"));
  const demo = fs.mkdtempSync(path.join(os.tmpdir(), "keel-e2e-demo-"));
  const removeAll = () => {
    fs.rmSync(migrated, { recursive: true, force: true });
    fs.rmSync(demo, { recursive: true, force: true });
  };
  try {
    const result = spawnSync(process.execPath, [path.join(root, "bin/keel.js"), "migrate"], {
      cwd: root,
      env: { ...process.env, KEEL_DATA_DIR: migrated, LOG_LEVEL: "warn" },
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`keel migrate failed: ${result.stderr || result.stdout}`);
    fs.cpSync(migrated, demo, { recursive: true });
    await setUpDemoIn(demo);
  } catch (err) {
    removeAll();
    throw err;
  }
  project.provide("keelMigratedDataDir", migrated);
  project.provide("keelDemoDataDir", demo);
  return removeAll;
}

/** Starts Keel on the folder, sets up the demo as DEMO_OWNER, and stops it cleanly. */
async function setUpDemoIn(dataDir: string) {
  const server = await startKeel({ KEEL_DATA_DIR: dataDir }, await freePort());
  try {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ start: "demo", ...DEMO_OWNER }),
    });
    if (res.status !== 201) throw new Error(`demo setup failed: ${res.status} ${await res.text()}`);
  } finally {
    await server.stop();
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    keelMigratedDataDir: string;
    keelDemoDataDir: string;
  }
}
