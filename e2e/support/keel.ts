import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { type RunningServer, startKeel } from "../../scripts/lib/keel-process.ts";

/** A port nobody listens on right now: journeys may run beside other Keel processes. */
export async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * `keel serve` on a free port, with its base URL. Another process may take the port
 * between the probe and the listen; Keel then exits, and the next free port is tried.
 */
export async function startKeelOnFreePort(
  env: Record<string, string>,
): Promise<{ server: RunningServer; base: string }> {
  if (env.KEEL_DATA_DIR) startFromMigratedCopy(env.KEEL_DATA_DIR);
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return { server: await startKeel(env, port), base: `http://127.0.0.1:${port}` };
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}

/**
 * An empty data folder becomes a copy of the run's migrated database (support/global-setup.ts),
 * so the server skips creating and migrating one; a folder with data is left as it is.
 */
function startFromMigratedCopy(dataDir: string) {
  const empty = !fs.existsSync(dataDir) || fs.readdirSync(dataDir).length === 0;
  if (empty) fs.cpSync(inject("keelMigratedDataDir"), dataDir, { recursive: true });
}

/**
 * Keel on a fresh copy of the run's demo folder (support/global-setup.ts): the demo
 * organisation set up by DEMO_OWNER (support/demo-owner.ts), who signs in to use it.
 * `stop` also removes the copy.
 */
export type DemoKeel = { server: RunningServer; base: string; dataDir: string; stop: () => Promise<void> };

export async function startDemoKeel(env: Record<string, string> = {}): Promise<DemoKeel> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-e2e-journey-"));
  fs.cpSync(inject("keelDemoDataDir"), dataDir, { recursive: true });
  const { server, base } = await startKeelOnFreePort({ ...env, KEEL_DATA_DIR: dataDir });
  return {
    server,
    base,
    dataDir,
    stop: async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
