import { numberFrom, parseJsonPath, selectJsonPath } from "./json-path.ts";

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
 * GETs the URL and returns the number the JSON path points at. Redirects are not
 * followed: the request carries credentials, and a redirect would hand them to whatever
 * host the answer names. Throws ConnectorRunError with a short, human-readable reason.
 */
export async function fetchHttpJsonValue(
  source: HttpJsonSource,
  limits: HttpJsonLimits = HTTP_LIMITS,
): Promise<number> {
  const where = shownUrl(source.url);
  const path = parseJsonPath(source.jsonPath);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let text: string;
  try {
    const res = await fetch(source.url, {
      method: "GET",
      headers: { accept: "application/json", "user-agent": "Keel connector", ...source.headers },
      redirect: "manual",
      signal,
    });
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel();
      throw new ConnectorRunError(
        `HTTP ${res.status} from ${where}: redirects are not followed; use the URL it points to`,
      );
    }
    if (res.status < 200 || res.status >= 300) {
      await res.body?.cancel();
      throw new ConnectorRunError(`HTTP ${res.status} from ${where}`);
    }
    text = await readCapped(res, limits.maxBytes, where);
  } catch (err) {
    if (err instanceof ConnectorRunError) throw err;
    if (signal.aborted)
      throw new ConnectorRunError(`no complete answer from ${where} within ${seconds(limits.timeoutMs)}`);
    throw new ConnectorRunError(networkReason(err, where));
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    const start = text.trim().slice(0, 30).replace(/\s+/g, " ");
    throw new ConnectorRunError(
      start
        ? `the answer from ${where} is not JSON (it starts with "${start}")`
        : `the answer from ${where} is empty`,
    );
  }
  const found = selectJsonPath(document, path);
  if (!found.found) {
    const detail = found.missingAt === source.jsonPath ? "" : ` (there is no ${found.missingAt})`;
    throw new ConnectorRunError(`JSON path ${source.jsonPath} found nothing${detail}`);
  }
  const n = numberFrom(found.value);
  if (!n.ok) throw new ConnectorRunError(`JSON path ${source.jsonPath}: ${n.error}`);
  return n.value;
}

/** The body as text, refusing (without reading on) one larger than `maxBytes`. */
async function readCapped(res: Response, maxBytes: number, where: string): Promise<string> {
  const tooLarge = () =>
    new ConnectorRunError(`the answer from ${where} is larger than ${Math.round(maxBytes / 1024)} KB`);
  const declared = Number(res.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    throw tooLarge();
  }
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** fetch() wraps the socket's error as `cause`; its code says what happened. */
function networkReason(err: unknown, where: string): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const host = (() => {
    try {
      return new URL(where).host;
    } catch {
      return where;
    }
  })();
  switch (cause?.code) {
    case "ECONNREFUSED":
      return `connection refused by ${host}`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `host ${new URL(`http://${host}`).hostname} not found`;
    case "ECONNRESET":
    case "UND_ERR_SOCKET":
      return `connection to ${host} closed before the answer was complete`;
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `${host} is unreachable`;
    default:
      break;
  }
  if (cause?.code?.startsWith("ERR_TLS") || /certificate|SSL|TLS/i.test(cause?.message ?? "")) {
    return `TLS error with ${host}: ${cause?.message ?? "handshake failed"}`;
  }
  // Without a cause fetch() refused to build the request; its message may quote a header
  // value, which is a credential, so it is not repeated.
  if (!cause) return `the request to ${where} could not be made (check the URL and the header names)`;
  const reason = cause.message ?? "unknown error";
  return `request to ${where} failed: ${reason}`;
}
