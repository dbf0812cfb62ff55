import fs from "node:fs";
import path from "node:path";
import type { Context } from "hono";
import { preferredEncoding } from "./lib/accept-encoding.ts";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

/** The path with %-escapes decoded; undefined when they are malformed (no file has that name). */
function decodedPath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}

const suffixes = { br: ".br", gzip: ".gz" } as const;

/**
 * The file's bytes as this client takes them best: the build writes `.br` and `.gz` copies
 * beside every text file worth compressing (scripts/lib/precompress.ts), so nothing is
 * compressed per request. A file with copies varies by Accept-Encoding, and says so.
 */
async function sendFile(c: Context, file: string, cacheControl: string) {
  const headers: Record<string, string> = {
    "Content-Type": types[path.extname(file)] ?? "application/octet-stream",
    "Cache-Control": cacheControl,
  };
  const variants = (["br", "gzip"] as const).filter((e) => fs.existsSync(file + suffixes[e]));
  let chosen = file;
  if (variants.length > 0) {
    headers.Vary = "Accept-Encoding";
    const encoding = preferredEncoding(c.req.header("Accept-Encoding"), variants);
    if (encoding) {
      chosen = file + suffixes[encoding];
      headers["Content-Encoding"] = encoding;
    }
  }
  return c.body(new Uint8Array(await fs.promises.readFile(chosen)), 200, headers);
}

/**
 * Serves the built web app from `dir`: hashed files under /assets are cached for a year;
 * every other path gets index.html so the client router can take it.
 */
export function serveWebApp(dir: string) {
  const root = path.resolve(dir);
  return async (c: Context) => {
    const requested = decodedPath(new URL(c.req.url).pathname);
    const file = requested === undefined ? undefined : path.resolve(root, `.${requested}`);
    if (
      requested !== undefined &&
      file?.startsWith(root + path.sep) &&
      fs.existsSync(file) &&
      fs.statSync(file).isFile()
    ) {
      const immutable = requested.startsWith("/assets/");
      return sendFile(c, file, immutable ? "public, max-age=31536000, immutable" : "no-cache");
    }
    const index = path.join(root, "index.html");
    if (!fs.existsSync(index)) {
      return c.text("Keel's web app is not built. Run `npm run build:web` (npm start does it for you).", 503);
    }
    return sendFile(c, index, "no-cache");
  };
}
