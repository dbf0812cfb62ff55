import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./api-error.ts";
import { createApiClient } from "./client.ts";

type Sent = { url: string; init: RequestInit };

function answer(status: number, body: unknown): { sent: Sent[] } {
  const sent: Sent[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return new Response(body === undefined ? "" : JSON.stringify(body), { status });
  });
  return { sent };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const team = { id: "6f1c1d5e-6b55-4c49-9d63-0d5f0d8e0b9a", name: "Hub Rotterdam" };

describe("the typed API client", () => {
  it("fills the path's parameters escaped and leaves empty query values out", async () => {
    const { sent } = answer(200, { items: [], nextCursor: null });
    const api = createApiClient({ baseUrl: "https://keel.example" });
    await api.get("/api/orgs/{org}/teams/{id}/members", {
      path: { org: "nord wind", id: team.id },
      query: { limit: 100, q: "" },
    });
    expect(sent[0]?.url).toBe(`https://keel.example/api/orgs/nord%20wind/teams/${team.id}/members?limit=100`);
    expect(sent[0]?.init.method).toBe("GET");
    expect(sent[0]?.init.body).toBeUndefined();
  });

  it("sends the body as JSON with the headers the caller adds to changes only", async () => {
    const { sent } = answer(201, team);
    const api = createApiClient({
      baseUrl: "",
      headers: (method): Record<string, string> => (method === "GET" ? {} : { "X-CSRF-Token": "csrf-1" }),
    });
    const created = await api.post("/api/orgs/{org}/themes", {
      path: { org: "nordwind" },
      body: { name: "Customer", description: "" },
    });
    expect(created).toEqual(team);
    expect(sent[0]?.init.headers).toMatchObject({
      "Content-Type": "application/json",
      "X-CSRF-Token": "csrf-1",
    });
    expect(JSON.parse(String(sent[0]?.init.body))).toEqual({ name: "Customer", description: "" });
  });

  it("turns the API's error into an ApiError with its code, status, issues and details", async () => {
    const issues = [{ field: "name", message: "must not be empty" }];
    answer(400, { error: { code: "validation_failed", message: "Check the fields.", details: { issues } } });
    const api = createApiClient({ baseUrl: "" });
    const err = await api
      .post("/api/orgs/{org}/themes", { path: { org: "nordwind" }, body: { name: "", description: "" } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, code: "validation_failed", issues, details: { issues } });
  });

  it("reports a lost session, unless the caller expects a 401 as an answer", async () => {
    answer(401, { error: { code: "unauthenticated", message: "Sign in first." } });
    const onUnauthenticated = vi.fn();
    const api = createApiClient({ baseUrl: "", onUnauthenticated });
    await expect(api.get("/api/auth/session", { allowUnauthenticated: true })).rejects.toMatchObject({
      status: 401,
    });
    expect(onUnauthenticated).not.toHaveBeenCalled();
    await expect(api.get("/api/orgs/{org}", { path: { org: "nordwind" } })).rejects.toMatchObject({
      code: "unauthenticated",
    });
    expect(onUnauthenticated).toHaveBeenCalledOnce();
  });

  it("says the server cannot be reached when no answer comes, and lets an abort through", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("fetch failed");
    });
    const api = createApiClient({ baseUrl: "" });
    await expect(api.get("/api/setup")).rejects.toMatchObject({ status: 0, code: "network" });

    vi.stubGlobal("fetch", async () => {
      throw new DOMException("The operation was aborted.", "AbortError");
    });
    await expect(api.get("/api/setup")).rejects.toMatchObject({ name: "AbortError" });
  });

  it("answers an unexpected status without a Keel error body by its status", async () => {
    answer(502, undefined);
    const api = createApiClient({ baseUrl: "" });
    await expect(api.get("/api/setup")).rejects.toMatchObject({ status: 502, code: "internal" });
  });
});
