import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { numberFrom, parseJsonPath, selectJsonPath } from "./json-path.ts";
import { checkTarget, httpTarget, type ResolvedAddress, type TargetPolicy } from "./target-guard.ts";

/** Why a run produced no value, in words a KPI owner can act on (shown on the KPI). */
export class ConnectorRunError extends Error {}

export type HttpJsonSource = {
  url: string;
  jsonPath: string;
  /** Request headers, typically credentials (Authorization, X-Api-Key). */
  headers: Record<string, string>;
};

export type HttpJsonLimits = { timeoutMs: number; maxBytes: number };

export const HTTP_LIMITS: HttpJsonLimits = { timeoutMs: 10_000, maxBytes: 1024 * 1024 };

/** "10 s", "0.5 s": timeouts as messages show them. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/**
 * The URL as shown in messages: without its query string and fragment, which may carry
 * an API key, and without any user-info.
 */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "the configured URL";
  }
}

/**
 * GETs the URL and returns the number the JSON path points at. The host is checked
 * against the target policy first (target-guard.ts) and the request connects only to the
 * addresses that check approved. Redirects are not followed: the request carries
 * credentials, and a redirect would hand them to whatever host the answer names. Throws
 * ConnectorRunError with a short, human-readable reason that never quotes the answer.
 */
export async function fetchHttpJsonValue(
  source: HttpJsonSource,
  policy: TargetPolicy,
  limits: HttpJsonLimits = HTTP_LIMITS,
): Promise<number> {
  const where = shownUrl(source.url);
  const path = parseJsonPath(source.jsonPath);
  let url: URL;
  try {
    url = new URL(source.url);
  } catch {
    throw new ConnectorRunError("the URL is not valid; enter it again");
  }
  const deadline = Date.now() + limits.timeoutMs;
  const checked = await checkTarget(policy, httpTarget(source.url), limits.timeoutMs);
  if (!checked.ok) throw new ConnectorRunError(checked.reason);
  const signal = AbortSignal.timeout(Math.max(deadline - Date.now(), 1));
  let answer: { status: number; text: string };
  try {
    answer = await httpGet(url, source.headers, checked.addresses, signal, limits.maxBytes, where);
  } catch (err) {
    if (err instanceof ConnectorRunError) throw err;
    if (signal.aborted)
      throw new ConnectorRunError(`no complete answer from ${where} within ${seconds(limits.timeoutMs)}`);
    throw new ConnectorRunError(networkReason(err, url, where));
  }
  const { status, text } = answer;
  if (status >= 300 && status < 400) {
    throw new ConnectorRunError(
      `HTTP ${status} from ${where}: redirects are not followed; use the URL it points to`,
    );
  }
  if (status < 200 || status >= 300) throw new ConnectorRunError(`HTTP ${status} from ${where}`);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    const start = text.trimStart();
    throw new ConnectorRunError(
      !start
        ? `the answer from ${where} is empty`
        : start.startsWith("<")
          ? `the answer from ${where} is not JSON (it looks like HTML or XML)`
          : `the answer from ${where} is not JSON`,
    );
  }
  const found = selectJsonPath(document, path);
  if (!found.found) {
    const detail = found.missingAt === source.jsonPath ? "" : ` (there is no ${found.missingAt})`;
    throw new ConnectorRunError(`JSON path ${source.jsonPath} found nothing${detail}`);
  }
  const n = numberFrom(found.value);
  if (!n.ok) throw new ConnectorRunError(`JSON path ${source.jsonPath} ${n.error}`);
  return n.value;
}

/** A `lookup` that answers with the addresses checkTarget approved, whatever DNS says now. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  }) as LookupFunction;
}

/**
 * One GET over node:http(s): the status, and for a 2xx answer its body as text, refusing
 * (without reading on) one larger than `maxBytes`. No connection pool: each run opens and
 * closes its own connection to the approved address.
 */
function httpGet(
  url: URL,
  headers: Record<string, string>,
  addresses: ResolvedAddress[],
  signal: AbortSignal,
  maxBytes: number,
  where: string,
): Promise<{ status: number; text: string }> {
  const tooLarge = () =>
    new ConnectorRunError(`the answer from ${where} is larger than ${Math.round(maxBytes / 1024)} KB`);
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    let req: http.ClientRequest;
    try {
      req = client.request(url, {
        method: "GET",
        headers: { accept: "application/json", "user-agent": "Keel connector", ...headers },
        agent: false,
        lookup: pinnedLookup(addresses),
        signal,
      });
    } catch (err) {
      reject(err);
      return;
    }
    req.on("error", reject);
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      res.on("error", reject);
      if (status < 200 || status >= 300) {
        res.destroy();
        resolve({ status, text: "" });
        return;
      }
      const declared = Number(res.headers["content-length"]);
      if (Number.isFinite(declared) && declared > maxBytes) {
        res.destroy();
        reject(tooLarge());
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > maxBytes) {
          res.destroy();
          reject(tooLarge());
          return;
        }
        chunks.push(chunk);
      });
      res.on("end", () => resolve({ status, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("close", () => {
        if (!res.complete)
          reject(Object.assign(new Error("the connection closed early"), { code: "ECONNRESET" }));
      });
    });
    req.end();
  });
}

/** The socket's or HTTP client's error code says what happened; messages never quote the answer. */
function networkReason(err: unknown, url: URL, where: string): string {
  const e = err as { code?: string; message?: string; errors?: Array<{ code?: string }> };
  // Several addresses tried at once (IPv4 and IPv6) fail together as an AggregateError.
  const code = e.code ?? e.errors?.[0]?.code;
  const host = url.host;
  switch (code) {
    case "ECONNREFUSED":
      return `connection refused by ${host}`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `host ${url.hostname} not found`;
    case "ECONNRESET":
    case "EPIPE":
      return `connection to ${host} closed before the answer was complete`;
    case "EHOSTUNREACH":
    case "ENETUNREACH":
    case "ETIMEDOUT":
      return `${host} is unreachable`;
    case "ERR_INVALID_CHAR":
    case "ERR_INVALID_HTTP_TOKEN":
    case "ERR_HTTP_INVALID_HEADER_VALUE":
      // The message may quote a header value, which is a credential: it is not repeated.
      return `the request to ${where} could not be made (check the header names and values)`;
    default:
      break;
  }
  if (code?.startsWith("HPE_")) return `the answer from ${where} is not valid HTTP`;
  if (code && /TLS|SSL|CERT/.test(code)) return `TLS error with ${host} (${code})`;
  if (!code) return `the request to ${where} could not be made (check the URL and the header names)`;
  return `request to ${where} failed (${code})`;
}
