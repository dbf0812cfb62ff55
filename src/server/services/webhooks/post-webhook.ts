import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { ResolvedAddress } from "../kpi/connector-runners/target-guard.ts";

/** Read at most this much of a target's answer; the log keeps less (delivery-retry.ts). */
const MAX_READ_BYTES = 64 * 1024;

export type PostOutcome =
  | { kind: "answered"; status: number; text: string }
  | { kind: "failed"; reason: string };

/** Connects only to the addresses the target check approved, whatever DNS says by now. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  }) as LookupFunction;
}

/**
 * One POST of a webhook body over node:http(s), ended by `signal` (the short timeout), no
 * redirects followed (a redirect would send the signed event wherever the answer says),
 * no connection kept. Resolves with the status and the start of the answer, or why no
 * answer came; never throws.
 */
export function postWebhook(
  url: URL,
  headers: Record<string, string>,
  body: string,
  addresses: ResolvedAddress[],
  signal: AbortSignal,
): Promise<PostOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const fail = (err: unknown) =>
      done({
        kind: "failed",
        reason: signal.aborted ? "no answer in time" : networkReason(err, url),
      });
    let req: http.ClientRequest;
    try {
      req = (url.protocol === "https:" ? https : http).request(url, {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        agent: false,
        lookup: pinnedLookup(addresses),
        signal,
      });
    } catch (err) {
      fail(err);
      return;
    }
    req.on("error", fail);
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("error", fail);
      res.on("data", (chunk: Buffer) => {
        if (size >= MAX_READ_BYTES) return;
        size += chunk.byteLength;
        chunks.push(chunk);
        // Enough for the log: stop reading rather than take in a large answer.
        if (size >= MAX_READ_BYTES) {
          done({ kind: "answered", status, text: Buffer.concat(chunks).toString("utf8") });
          res.destroy();
        }
      });
      res.on("end", () => done({ kind: "answered", status, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("close", () => done({ kind: "answered", status, text: Buffer.concat(chunks).toString("utf8") }));
    });
    req.end(body);
  });
}

function networkReason(err: unknown, url: URL): string {
  const e = err as { code?: string; errors?: Array<{ code?: string }> };
  const code = e.code ?? e.errors?.[0]?.code;
  switch (code) {
    case "ECONNREFUSED":
      return `connection refused by ${url.host}`;
    case "ECONNRESET":
    case "EPIPE":
      return `connection to ${url.host} closed before an answer`;
    case "EHOSTUNREACH":
    case "ENETUNREACH":
    case "ETIMEDOUT":
      return `${url.host} is unreachable`;
    default:
      return `the request to ${url.host} failed${code ? ` (${code})` : ""}`;
  }
}
