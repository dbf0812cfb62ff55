import type { APIRequestContext } from "playwright-core";

/** JSON API calls from a browser context (sharing its session cookie), with the CSRF token. */
export function apiCaller(request: APIRequestContext, base: string) {
  let csrf = "";
  return async (method: string, url: string, data?: unknown) => {
    const res = await request.fetch(`${base}${url}`, {
      method,
      data,
      headers: { "content-type": "application/json", "x-csrf-token": csrf },
    });
    const body = await res.json();
    if (res.status() >= 300) throw new Error(`${method} ${url} → ${res.status()}: ${JSON.stringify(body)}`);
    if (body?.csrfToken) csrf = body.csrfToken;
    return body;
  };
}
