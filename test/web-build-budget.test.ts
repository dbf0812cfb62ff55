// The first page's download budget (docs/benchmarks.md): what index.html loads before the
// app can render (entry script, modulepreloads, stylesheets), measured brotli-compressed as
// the server sends it. Builds the web app first when its sources changed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type EagerAsset, eagerAssets } from "../scripts/lib/eager-assets.ts";
import { PRECOMPRESS_MIN_BYTES } from "../scripts/lib/precompress.ts";

const root = path.resolve(import.meta.dirname, "..");
/** Budgets in bytes, brotli-compressed (1 kB = 1,000 bytes). */
const JS_BUDGET = 150_000;
const CSS_BUDGET = 50_000;

let assets: EagerAsset[];

beforeAll(() => {
  const built = spawnSync(process.execPath, ["scripts/build-web-if-stale.mjs"], {
    cwd: root,
    encoding: "utf8",
  });
  if (built.status !== 0) throw new Error(`web build failed:\n${built.stdout}\n${built.stderr}`);
  assets = eagerAssets(path.join(root, "dist/web"));
});

const total = (kind: "js" | "css") =>
  assets.filter((a) => a.kind === kind).reduce((sum, a) => sum + a.brotli, 0);
const listing = (kind: "js" | "css") =>
  assets
    .filter((a) => a.kind === kind)
    .map((a) => `${a.href}: ${a.brotli} B`)
    .join("\n");

describe("the first page's eager download", () => {
  it(`loads at most ${JS_BUDGET / 1000} kB of JavaScript (brotli)`, () => {
    expect(assets.some((a) => a.kind === "js")).toBe(true);
    expect(total("js"), listing("js")).toBeLessThanOrEqual(JS_BUDGET);
  });

  it(`loads at most ${CSS_BUDGET / 1000} kB of CSS (brotli)`, () => {
    expect(assets.some((a) => a.kind === "css")).toBe(true);
    expect(total("css"), listing("css")).toBeLessThanOrEqual(CSS_BUDGET);
  });

  it("has brotli and gzip copies of every eager file worth compressing, for the server to send", () => {
    const large = assets.filter((a) => a.raw >= PRECOMPRESS_MIN_BYTES);
    expect(large.length).toBeGreaterThan(0);
    for (const a of large) {
      for (const suffix of [".br", ".gz"]) {
        expect(fs.existsSync(path.join(root, "dist/web", a.href + suffix)), a.href + suffix).toBe(true);
      }
    }
  });
});
