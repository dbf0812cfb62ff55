// `npm run build:web` (run by `npm start`): builds the web app into dist/web only when
// the build is missing or older than any of its inputs, so starting Keel stays fast.
// Works on a fresh clone after `npm ci`. Vite and everything else only the build needs
// are dev dependencies: a production install (`npm ci --omit=dev`) serves a dist/web
// built beforehand, and this script then only confirms it is current.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const output = path.join(root, "dist/web/index.html");
const inputDirs = ["src/web", "src/shared"];
const inputFiles = ["index.html", "vite.config.ts", "package-lock.json"];

/** Newest modification time (ms) among the files under `dir`, or 0 when it does not exist. */
function newestIn(dir) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestIn(full));
    else if (entry.isFile()) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function newestInput() {
  let newest = 0;
  for (const dir of inputDirs) newest = Math.max(newest, newestIn(path.join(root, dir)));
  for (const file of inputFiles) {
    const full = path.join(root, file);
    if (fs.existsSync(full)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

const builtAt = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
const changedAt = newestInput();

if (builtAt > 0 && builtAt >= changedAt) {
  console.log("Web app build is current (dist/web).");
} else {
  console.log(builtAt === 0 ? "Building the web app (dist/web)…" : "Web app sources changed; rebuilding…");
  const started = Date.now();
  // What is served is always the production build: a test runner's NODE_ENV=test (or a
  // developer's NODE_ENV=development) would otherwise ship React's development bundle,
  // half a megabyte heavier and slower.
  process.env.NODE_ENV = "production";
  let build;
  try {
    ({ build } = await import("vite"));
  } catch (error) {
    if (error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
    console.error(
      "Vite is not installed (a production install leaves out dev dependencies). Build the web app " +
        "where they are installed (`npm ci && npm run build:web`) and ship dist/ with Keel; see " +
        'docs/OPERATIONS.md, "Production install".',
    );
    process.exit(1);
  }
  await build({ root, configFile: path.join(root, "vite.config.ts"), logLevel: "warn", mode: "production" });
  console.log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
