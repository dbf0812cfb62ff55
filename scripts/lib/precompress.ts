// Precompressed copies of the built web app: every text file gets a `.br` and a `.gz`
// beside it at build time, so the server sends compressed bytes without spending CPU per
// request (brotli at its best level is too slow to run per request, and fine once per build).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { Plugin } from "vite";

/** Files smaller than this gain too little from compression to be worth a second request path. */
export const PRECOMPRESS_MIN_BYTES = 1024;
const compressible = new Set([".js", ".css", ".html", ".svg", ".json", ".txt", ".map"]);

/** The brotli copy of `data`, at the best (slowest) level: it runs once per build. */
export function brotli(data: Buffer): Buffer {
  return zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

/** The gzip copy of `data`, for clients without brotli. */
export function gzip(data: Buffer): Buffer {
  return zlib.gzipSync(data, { level: 9 });
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
  });
}

/** Writes `<file>.br` and `<file>.gz` beside every compressible file of `dir`; returns how many. */
export function precompressDir(dir: string): number {
  let count = 0;
  for (const file of filesUnder(dir)) {
    if (!compressible.has(path.extname(file))) continue;
    const data = fs.readFileSync(file);
    if (data.length < PRECOMPRESS_MIN_BYTES) continue;
    fs.writeFileSync(`${file}.br`, brotli(data));
    fs.writeFileSync(`${file}.gz`, gzip(data));
    count++;
  }
  return count;
}

/** Vite plugin: precompresses the output folder once the build has written it. */
export function precompressPlugin(): Plugin {
  let outDir = "";
  return {
    name: "keel-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      precompressDir(outDir);
    },
  };
}
