import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectError, type Harness, startHarness } from "./support/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe("health and readiness", () => {
  it("says the process is up", async () => {
    const reply = await h.request("GET", "/api/health");
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: "ok" });
  });

  it("says the database is ready and names the engine it runs on", async () => {
    const reply = await h.request("GET", "/api/ready");
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: "ready", engine: inject("keelEngine") });
  });

  it("answers an unknown API route with a JSON not_found error, whatever the method", async () => {
    for (const method of ["GET", "POST", "DELETE"]) {
      const reply = await h.request(method, "/api/shipments/42");
      expectError(reply, 404, "not_found");
      expect(reply.headers.get("content-type")).toMatch(/application\/json/);
      expect(reply.body.error.message).toMatch(/\/api\/docs/);
    }
  });

  it("echoes the caller's request id, and makes one when none (or a malformed one) is sent", async () => {
    const echoed = await h.request("GET", "/api/health", { headers: { "X-Request-Id": "dock-42.scan_7" } });
    expect(echoed.headers.get("x-request-id")).toBe("dock-42.scan_7");

    const made = await h.request("GET", "/api/health");
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const malformed = await h.request("GET", "/api/health", { headers: { "X-Request-Id": "a b<script>" } });
    expect(malformed.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gives a request id on error answers too", async () => {
    const reply = await h.request("GET", "/api/nowhere", { headers: { "X-Request-Id": "trace-404" } });
    expect(reply.status).toBe(404);
    expect(reply.headers.get("x-request-id")).toBe("trace-404");
  });

  it("serves its OpenAPI document", async () => {
    const reply = await h.request("GET", "/api/openapi.json");
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toBe("3.1.0");
    expect(Object.keys(reply.body.paths)).toContain("/api/orgs/{org}/teams");
  });

  it("sends security headers that forbid framing and content sniffing", async () => {
    const reply = await h.request("GET", "/api/health");
    expect(reply.headers.get("x-content-type-options")).toBe("nosniff");
    expect(reply.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});
