import { promisify } from "node:util";
import zlib from "node:zlib";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.ts";
import { preferredEncoding } from "../lib/accept-encoding.ts";

/** Smaller answers gain less than the coding costs (headers, CPU). */
export const COMPRESS_MIN_BYTES = 1024;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Compresses JSON answers over ~1 kB for clients that accept brotli or gzip. Only JSON: it is
 * always answered whole, so buffering it costs nothing, while a stream (server-sent events)
 * must reach the client as it is written and is left alone. Brotli at a middle level: the
 * best levels are for the build's precompressed files, not per request.
 */
export function compressJson(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get("Content-Type") ?? "";
    if (
      c.req.method === "HEAD" ||
      !res.body ||
      !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type) ||
      res.headers.has("Content-Encoding")
    ) {
      return;
    }
    const body = Buffer.from(await res.arrayBuffer());
    const encoding = preferredEncoding(c.req.header("Accept-Encoding"), ["br", "gzip"]);
    const coded =
      body.length < COMPRESS_MIN_BYTES || !encoding
        ? body
        : encoding === "br"
          ? await brotli(body, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            })
          : await gzip(body, { level: 6 });
    // Hono copies the previous answer's headers onto the new one: adjust them afterwards.
    c.res = new Response(new Uint8Array(coded), res);
    const headers = c.res.headers;
    if (body.length < COMPRESS_MIN_BYTES) return;
    const vary = headers.get("Vary");
    if (!vary) headers.set("Vary", "Accept-Encoding");
    else if (!/accept-encoding/i.test(vary)) headers.set("Vary", `${vary}, Accept-Encoding`);
    if (coded === body) return;
    headers.set("Content-Encoding", encoding!);
    headers.delete("Content-Length");
  };
}
