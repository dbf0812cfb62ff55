import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export type RunningServer = {
  process: ChildProcess;
  port: number;
  readyMs: number;
  stop: () => Promise<void>;
};

/** Starts `keel serve` as a separate process and waits for /api/ready. */
export async function startKeel(env: Record<string, string>, port: number): Promise<RunningServer> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, "bin/keel.js"), "serve"], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "warn", PORT: String(port), ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  for (;;) {
    if (exited) throw new Error("keel serve exited before it was ready");
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/ready`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const readyMs = performance.now() - started;
  return {
    process: child,
    port,
    readyMs,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Sets up the demo organisation through the API and returns the session cookie. */
export async function setUpDemo(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      start: "demo",
      name: "Bench Owner",
      email: "bench@example.com",
      password: "bench password 123",
    }),
  });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get("set-cookie") ?? "";
  return cookie.split(";")[0]!;
}
