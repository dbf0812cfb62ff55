import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../../shared/errors.ts";
import { MAX_CSV_CHARACTERS } from "../../shared/schemas/kpis.ts";
import type { AppEnv } from "../context.ts";

/** The largest request body accepted under /api (a few hundred times any real one). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * A CSV import carries the file inside JSON, where one character may take up to 6 bytes
 * (`\u0001`): its route takes bodies large enough for any CSV within MAX_CSV_CHARACTERS,
 * so the documented limit of the file is the one that holds.
 */
export const MAX_CSV_IMPORT_BODY_BYTES = 8 * 1024 * 1024;
const CSV_IMPORT_PATH = /^\/api\/orgs\/[^/]+\/kpi-imports\/?$/;

if (MAX_CSV_CHARACTERS * 6 + 1024 > MAX_CSV_IMPORT_BODY_BYTES) {
  throw new Error("MAX_CSV_IMPORT_BODY_BYTES must hold a CSV of MAX_CSV_CHARACTERS in JSON");
}

/** The body limit of an API path (as the OpenAPI document writes it, or as requested). */
export function bodyLimitOf(path: string): number {
  return CSV_IMPORT_PATH.test(path.replace("{org}", "org")) ? MAX_CSV_IMPORT_BODY_BYTES : MAX_BODY_BYTES;
}

const megabytes = (bytes: number) => `${bytes / 1024 / 1024} MB`;

export function payloadTooLargeMessage(bytes: number): string {
  return `The request body is larger than ${megabytes(bytes)}, the most Keel accepts here.`;
}

/**
 * Refuses bodies over the limit before anything reads them, instead of buffering (and
 * parsing) them in memory. The answer says `Connection: close`: the rest of the body is
 * never read, so the connection cannot carry another request, and a client that reuses
 * it must know before it tries.
 */
export function limitBodies(): MiddlewareHandler<AppEnv> {
  const limiter = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) => {
        c.header("Connection", "close");
        return c.json(new AppError("payload_too_large", payloadTooLargeMessage(maxSize)).toBody(), 413);
      },
    });
  const standard = limiter(MAX_BODY_BYTES);
  const csvImport = limiter(MAX_CSV_IMPORT_BODY_BYTES);
  return (c, next) => (bodyLimitOf(c.req.path) === MAX_BODY_BYTES ? standard : csvImport)(c, next);
}
