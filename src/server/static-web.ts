import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { Context } from "hono";
import { preferredEncoding } from "./lib/accept-encoding.ts";
import { type PageData, pageDataScript } from "./page-data.ts";

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
async function sendFile(c: Context, file: string, cacheControl: string, varyByCookie = false) {
  const headers: Record<string, string> = {
    "Content-Type": types[path.extname(file)] ?? "application/octet-stream",
    "Cache-Control": cacheControl,
  };
  if (varyByCookie) headers.Vary = "Cookie";
  const variants = (["br", "gzip"] as const).filter((e) => fs.existsSync(file + suffixes[e]));
  let chosen = file;
  if (variants.length > 0) {
    headers.Vary = varyByCookie ? "Accept-Encoding, Cookie" : "Accept-Encoding";
    const encoding = preferredEncoding(c.req.header("Accept-Encoding"), variants);
    if (encoding) {
      chosen = file + suffixes[encoding];
      headers["Content-Encoding"] = encoding;
    }
  }
  return c.body(new Uint8Array(await fs.promises.readFile(chosen)), 200, headers);
}

/**
 * index.html with this person's page data in it, compressed for this request. Never stored:
 * not by a shared cache (it is one person's), nor by the browser (after signing out, Back
 * must not show the page with the session it had).
 */
async function sendPageWithData(c: Context, index: string, data: PageData) {
  const html = (await fs.promises.readFile(index, "utf8")).replace(
    "</body>",
    `${pageDataScript(data)}</body>`,
  );
  const headers: Record<string, string> = {
    "Content-Type": types[".html"]!,
    "Cache-Control": "private, no-store",
    Vary: "Accept-Encoding, Cookie",
  };
  const encoding = preferredEncoding(c.req.header("Accept-Encoding"), ["br", "gzip"]);
  let body: Uint8Array = Buffer.from(html);
  if (encoding === "br") {
    body = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } });
  } else if (encoding === "gzip") body = zlib.gzipSync(body);
  if (encoding) headers["Content-Encoding"] = encoding;
  return c.body(new Uint8Array(body), 200, headers);
}

/**
 * Serves the built web app from `dir`: hashed files under /assets are cached for a year;
 * every other path gets index.html so the client router can take it. With `pageData`, a
 * signed-in page's index.html carries the data it needs first (page-data.ts).
 */
export function serveWebApp(dir: string, pageData?: (c: Context) => Promise<PageData | null>) {
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
    // Without data the page is the same for everyone; it still varies by cookie, so that a
    // cache never hands it (nor would it hand a signed-in page) to the wrong person.
    const data = pageData ? await pageData(c).catch(() => null) : null;
    if (data === null) return sendFile(c, index, "no-cache", true);
    return sendPageWithData(c, index, data);
  };
}
