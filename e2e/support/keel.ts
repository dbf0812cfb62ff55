import http from "node:http";
import type { AddressInfo } from "node:net";
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
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return { server: await startKeel(env, port), base: `http://127.0.0.1:${port}` };
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}
