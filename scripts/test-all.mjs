// `npm test`: every check Keel has, in order, stopping at the first failure.
// typecheck → lint → unit → integration on PGlite → integration on PostgreSQL (when
// TEST_DATABASE_URL is set) → browser journeys in Chromium (when Chromium is present).
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const steps = [
  ["typecheck", ["npx", "tsc", "--noEmit"]],
  ["lint", ["npx", "biome", "check", "."]],
  ["unit tests", ["npx", "vitest", "run", "--project", "unit"]],
  [
    "integration tests on PGlite",
    ["npx", "vitest", "run", "--project", "integration"],
    { KEEL_TEST_ENGINE: "pglite" },
  ],
];
if (process.env.TEST_DATABASE_URL) {
  steps.push([
    "integration tests on PostgreSQL",
    ["npx", "vitest", "run", "--project", "integration"],
    { KEEL_TEST_ENGINE: "postgres" },
  ]);
} else {
  console.log(
    "\n• integration tests on PostgreSQL: skipped (set TEST_DATABASE_URL=postgres://… to run them)",
  );
}
if (fs.existsSync(chromium)) {
  steps.push(["web build", ["node", "scripts/build-web-if-stale.mjs"]]);
  steps.push([
    "browser journeys in Chromium",
    ["npx", "vitest", "run", "--project", "e2e"],
    { CHROMIUM_PATH: chromium },
  ]);
} else {
  console.log(
    `\n• browser journeys: skipped (no Chromium at ${chromium}; install it with \`apt-get install -y chromium\`)`,
  );
}

const started = Date.now();
for (const [name, [cmd, ...args], env = {}] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}: ${cmd} ${args.join(" ")}`);
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
