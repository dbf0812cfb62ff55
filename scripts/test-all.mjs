// `npm test`: every check Keel has, stopping at the first failure.
// Two lanes run side by side, because no single step keeps both cores of a small machine
// busy (the browser journeys mostly wait on a browser, PostgreSQL's run on its server):
//   lane 1: typecheck → lint → unit → integration on PGlite
//   lane 2: web build → browser journeys in Chromium (when Chromium is present)
//           → integration on PostgreSQL (when TEST_DATABASE_URL is set)
// Integration on PGlite waits for the web build (its build-budget test reads dist/web).
// Each step's output is printed whole when it ends. KEEL_TEST_SERIAL=1 runs the steps one
// after another instead, printing as they go.
import { spawn } from "node:child_process";
import fs from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const serial = process.env.KEEL_TEST_SERIAL === "1";

/** @type {Array<{ name: string, lane: 1 | 2, cmd: string[], env?: Record<string, string>, needs?: string[] }>} */
const steps = [
  { name: "typecheck", lane: 1, cmd: ["npx", "tsc", "--noEmit"] },
  { name: "lint", lane: 1, cmd: ["npx", "biome", "check", "."] },
  { name: "unit tests", lane: 1, cmd: ["npx", "vitest", "run", "--project", "unit"] },
  {
    name: "integration tests on PGlite",
    lane: 1,
    cmd: ["npx", "vitest", "run", "--project", "integration"],
    env: { KEEL_TEST_ENGINE: "pglite" },
    needs: ["web build"],
  },
  { name: "web build", lane: 2, cmd: ["node", "scripts/build-web-if-stale.mjs"] },
];
if (fs.existsSync(chromium)) {
  steps.push({
    name: "browser journeys in Chromium",
    lane: 2,
    cmd: ["npx", "vitest", "run", "--project", "e2e"],
    env: { CHROMIUM_PATH: chromium },
  });
} else {
  console.log(
    `• browser journeys: skipped (no Chromium at ${chromium}; install it with \`apt-get install -y chromium\`)`,
  );
}
if (process.env.TEST_DATABASE_URL) {
  steps.push({
    name: "integration tests on PostgreSQL",
    lane: 2,
    cmd: ["npx", "vitest", "run", "--project", "integration"],
    env: { KEEL_TEST_ENGINE: "postgres" },
  });
} else {
  console.log("• integration tests on PostgreSQL: skipped (set TEST_DATABASE_URL=postgres://… to run them)");
}

const started = Date.now();
const running = new Set();
const finished = new Map();
let failed = false;

/** Runs one step; resolves when it passed, exits the whole run when it failed. */
function run(step) {
  const t0 = Date.now();
  const [cmd, ...args] = step.cmd;
  if (serial) console.log(`\n▶ ${step.name}: ${step.cmd.join(" ")}`);
  const child = spawn(cmd, args, {
    stdio: serial ? "inherit" : ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? "1", ...step.env },
  });
  running.add(child);
  const output = [];
  child.stdout?.on("data", (d) => output.push(d));
  child.stderr?.on("data", (d) => output.push(d));
  return new Promise((resolve) => {
    child.on("close", (status) => {
      running.delete(child);
      if (failed) return;
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      if (!serial) {
        console.log(`\n▶ ${step.name}: ${step.cmd.join(" ")}`);
        process.stdout.write(Buffer.concat(output));
      }
      if (status !== 0) {
        failed = true;
        console.error(`\n✖ ${step.name} failed after ${seconds} s`);
        for (const other of running) other.kill("SIGTERM");
        process.exit(status ?? 1);
      }
      console.log(`✔ ${step.name} (${seconds} s)`);
      resolve();
    });
  });
}

/** A step's promise, started once its lane and what it needs let it. */
function done(name) {
  return finished.get(name);
}

if (serial) {
  const order = ["web build", ...steps.map((s) => s.name).filter((n) => n !== "web build")];
  for (const name of order) await run(steps.find((s) => s.name === name));
} else {
  // Register every step's promise before any starts, so a step can wait for another lane's.
  const gates = new Map(
    steps.map((s) => {
      let resolve;
      const promise = new Promise((r) => {
        resolve = r;
      });
      return [s.name, { promise, resolve }];
    }),
  );
  for (const s of steps) finished.set(s.name, gates.get(s.name).promise);
  const lane = async (n) => {
    for (const step of steps.filter((s) => s.lane === n)) {
      await Promise.all((step.needs ?? []).map(done));
      await run(step);
      gates.get(step.name).resolve();
    }
  };
  await Promise.all([lane(1), lane(2)]);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
