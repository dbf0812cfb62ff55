// `npm test`: every check Keel has, stopping at the first failure.
// Two steps run at a time, because no single step keeps both cores of a small machine busy
// (the browser journeys mostly wait on a browser, PostgreSQL's run on its server). Steps
// start in the order listed below as soon as a slot is free and what they need has passed:
// the long ones first, and the PostgreSQL run in four shards that fill whichever slot
// frees up, so both slots end at about the same time.
// Integration on PGlite waits for the web build (its build-budget test reads dist/web).
// Each step's output is printed whole when it ends. KEEL_TEST_SERIAL=1 runs the steps one
// after another instead, printing as they go.
import { spawn } from "node:child_process";
import fs from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const serial = process.env.KEEL_TEST_SERIAL === "1";
const slots = serial ? 1 : 2;
/** The PostgreSQL run's shards (vitest --shard), each its own step. */
const PG_SHARDS = serial ? 1 : 4;
/**
 * Random samples per operation in the API fuzzing suite on PostgreSQL. The full count runs
 * on PGlite; on PostgreSQL the suite checks that the second engine agrees, which a third
 * of the samples shows as well (KEEL_FUZZ_RUNS overrides both).
 */
const PG_FUZZ_RUNS = process.env.KEEL_FUZZ_RUNS ?? "10";

/** @type {Array<{ name: string, cmd: string[], env?: Record<string, string>, needs?: string[] }>} */
const steps = [{ name: "web build", cmd: ["node", "scripts/build-web-if-stale.mjs"] }];
steps.push({ name: "typecheck", cmd: ["npx", "tsc", "--noEmit"] });
if (fs.existsSync(chromium)) {
  steps.push({
    name: "browser journeys in Chromium",
    cmd: ["npx", "vitest", "run", "--project", "e2e"],
    env: { CHROMIUM_PATH: chromium },
    needs: ["web build"],
  });
} else {
  console.log(
    `• browser journeys: skipped (no Chromium at ${chromium}; install it with \`apt-get install -y chromium\`)`,
  );
}
steps.push(
  {
    name: "integration tests on PGlite",
    cmd: ["npx", "vitest", "run", "--project", "integration"],
    env: { KEEL_TEST_ENGINE: "pglite" },
    needs: ["web build"],
  },
  { name: "lint", cmd: ["npx", "biome", "check", "."] },
  { name: "unit tests", cmd: ["npx", "vitest", "run", "--project", "unit"] },
);
if (process.env.TEST_DATABASE_URL) {
  for (let shard = 1; shard <= PG_SHARDS; shard++) {
    const sharded = PG_SHARDS > 1;
    steps.push({
      name: `integration tests on PostgreSQL${sharded ? ` (${shard} of ${PG_SHARDS})` : ""}`,
      cmd: [
        "npx",
        "vitest",
        "run",
        "--project",
        "integration",
        ...(sharded ? [`--shard=${shard}/${PG_SHARDS}`] : []),
      ],
      env: { KEEL_TEST_ENGINE: "postgres", KEEL_FUZZ_RUNS: PG_FUZZ_RUNS },
      needs: ["web build"],
    });
  }
} else {
  console.log("• integration tests on PostgreSQL: skipped (set TEST_DATABASE_URL=postgres://… to run them)");
}

const started = Date.now();
const running = new Set();
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
      const at = ((Date.now() - started) / 1000).toFixed(0);
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
      console.log(`✔ ${step.name} (${seconds} s, ended at ${at} s)`);
      resolve();
    });
  });
}

// A free slot takes the first waiting step whose needs have passed.
const waiting = [...steps];
const passed = new Set();
await new Promise((allDone) => {
  let busy = 0;
  const fill = () => {
    while (busy < slots) {
      const next = waiting.findIndex((s) => (s.needs ?? []).every((n) => passed.has(n)));
      if (next === -1) break;
      const [step] = waiting.splice(next, 1);
      busy++;
      run(step).then(() => {
        busy--;
        passed.add(step.name);
        if (waiting.length === 0 && busy === 0) allDone();
        else fill();
      });
    }
  };
  fill();
});
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
