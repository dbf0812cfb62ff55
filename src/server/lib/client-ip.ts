import type { Context } from "hono";
import type { AppEnv } from "../context.ts";

type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } } };

/** The address of the connection itself, whatever the headers claim. */
export function socketAddressOf(c: Context<AppEnv>): string {
  const env = c.env as NodeBindings | undefined;
  // Requests made in-process (app.request() in tests) have no socket: treat as loopback.
  return env?.incoming?.socket?.remoteAddress ?? "127.0.0.1";
}

/**
 * The caller's address: the socket's, or with a trusted proxy the rightmost
 * X-Forwarded-For entry. Only that one was added by our proxy; entries to its left come
 * from the client and are whatever it chose to send (a forged one would otherwise give
 * every request its own sign-in limit).
 */
export function clientIpOf(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for");
    const last = forwarded
      ?.split(",")
      .map((part) => part.trim())
      .filter(Boolean)
      .at(-1);
    if (last) return last;
  }
  return socketAddressOf(c);
}

export function isLoopback(ip: string): boolean {
  return ip === "::1" || ip.startsWith("127.") || ip.startsWith("::ffff:127.");
}

/** Headers a proxy adds: any of them means the request did not come straight from this machine. */
const proxyHeaders = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-real-ip",
  "via",
];

export function hasProxyHeaders(c: Context<AppEnv>): boolean {
  return proxyHeaders.some((name) => c.req.header(name) !== undefined);
}

/** Whether a host name (as in Host or a URL, port allowed) names this machine. */
export function isLoopbackHost(host: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Whether a request certainly comes from a browser or script on this machine: loopback
 * socket, no proxy header, a Host that names loopback (a DNS-rebinding page has its own
 * name in Host) and no foreign Origin.
 */
export function isLocalRequest(c: Context<AppEnv>): boolean {
  if (!isLoopback(socketAddressOf(c)) || hasProxyHeaders(c)) return false;
  // In-process requests carry no Host header; their URL names the host instead.
  const host = c.req.header("host") ?? new URL(c.req.url).host;
  if (!isLoopbackHost(host)) return false;
  const origin = c.req.header("origin");
  if (origin === undefined) return true;
  try {
    return isLoopbackHost(new URL(origin).host);
  } catch {
    return false;
  }
}
