import fs from "node:fs";
import path from "node:path";
import type { Context } from "hono";

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
      const body = await fs.promises.readFile(file);
      const immutable = requested.startsWith("/assets/");
      return c.body(new Uint8Array(body), 200, {
        "Content-Type": types[path.extname(file)] ?? "application/octet-stream",
        "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      });
    }
    const index = path.join(root, "index.html");
    if (!fs.existsSync(index)) {
      return c.text("Keel's web app is not built. Run `npm run build:web` (npm start does it for you).", 503);
    }
    return c.body(new Uint8Array(await fs.promises.readFile(index)), 200, {
      "Content-Type": types[".html"]!,
      "Cache-Control": "no-cache",
    });
  };
}
