import type { Context } from "hono";
import type { AppEnv } from "../context.ts";

type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } } };

/** The caller's address: the socket's, or the proxy's X-Forwarded-For when trusted. */
export function clientIpOf(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for");
    const first = forwarded?.split(",")[0]?.trim();
    if (first) return first;
  }
  const env = c.env as NodeBindings | undefined;
  // Requests made in-process (app.request() in tests) have no socket: treat as loopback.
  return env?.incoming?.socket?.remoteAddress ?? "127.0.0.1";
}

export function isLoopback(ip: string): boolean {
  return ip === "::1" || ip.startsWith("127.") || ip.startsWith("::ffff:127.");
}
