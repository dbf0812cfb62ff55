// What the first page downloads before it can render: the entry script, every module it
// preloads and every stylesheet, as named by the built index.html. The bundle budget
// test (test/web-build-budget.test.ts) and docs/benchmarks.md measure these.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { brotli } from "./precompress.ts";

export type EagerAsset = { href: string; kind: "js" | "css"; raw: number; brotli: number; gzip: number };

/** The `/assets/…` files index.html loads eagerly (script, modulepreload, stylesheet tags). */
export function eagerAssetPaths(indexHtml: string): { href: string; kind: "js" | "css" }[] {
  const found: { href: string; kind: "js" | "css" }[] = [];
  for (const tag of indexHtml.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const src = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (!src?.startsWith("/assets/")) continue;
    if (tag.startsWith("<script") && /type="module"/.test(tag)) found.push({ href: src, kind: "js" });
    else if (/rel="modulepreload"/.test(tag)) found.push({ href: src, kind: "js" });
    else if (/rel="stylesheet"/.test(tag)) found.push({ href: src, kind: "css" });
  }
  return found;
}

/** Sizes (raw, brotli, gzip) of every eager asset of the build in `distDir`. */
export function eagerAssets(distDir: string): EagerAsset[] {
  const html = fs.readFileSync(path.join(distDir, "index.html"), "utf8");
  return eagerAssetPaths(html).map(({ href, kind }) => {
    const data = fs.readFileSync(path.join(distDir, href));
    return { href, kind, raw: data.length, brotli: brotli(data).length, gzip: zlib.gzipSync(data).length };
  });
}
