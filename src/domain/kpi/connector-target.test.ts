import { describe, expect, it } from "vitest";
import { keepsCredentialTarget } from "./connector-target.ts";

const http = (url: string) => ({ kind: "http_json" as const, url });
const sql = (query: string) => ({ kind: "postgres_sql" as const, query });

describe("credentials stay with the target they were saved for", () => {
  it("keeps HTTP headers when only the path changes", () => {
    const saved = http("https://stats.example.com/api/v1/shipments?team=hub");
    for (const url of [
      "https://stats.example.com/api/v1/shipments?team=hub",
      "https://stats.example.com/api/v2/deliveries?team=hub",
      "https://STATS.example.com:443/api/v1/shipments?team=hub",
      "  https://stats.example.com/other?team=hub#fragment",
    ]) {
      expect(keepsCredentialTarget(saved, http(url)), url).toBe(true);
    }
  });

  it("drops them when the scheme, host, port or query string changes", () => {
    const saved = http("https://stats.example.com/api?team=hub");
    for (const url of [
      "http://stats.example.com/api?team=hub",
      "https://attacker.example.net/api?team=hub",
      "https://stats.example.com.attacker.example.net/api?team=hub",
      "https://stats.example.com:8443/api?team=hub",
      "https://stats.example.com/api?team=finance",
      "https://stats.example.com/api",
      "not a url",
    ]) {
      expect(keepsCredentialTarget(saved, http(url)), url).toBe(false);
    }
  });

  it("drops a connection string when the query changes, not when only its surrounding blanks do", () => {
    const saved = sql("select sum(amount) from invoices where paid");
    expect(keepsCredentialTarget(saved, sql("  select sum(amount) from invoices where paid\n"))).toBe(true);
    expect(keepsCredentialTarget(saved, sql("select password_hash from users limit 1"))).toBe(false);
    expect(keepsCredentialTarget(saved, sql("select sum(amount) from invoices"))).toBe(false);
  });

  it("never keeps them across a change of kind", () => {
    expect(keepsCredentialTarget(http("https://a.example.com/"), sql("select 1"))).toBe(false);
    expect(keepsCredentialTarget(sql("select 1"), http("https://a.example.com/"))).toBe(false);
  });
});
