import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { databaseUnavailableReason } from "./database-outage.ts";

const wrapped = (cause: unknown) => new DrizzleQueryError("select 1", [], cause as Error);
const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("which errors mean the database is unavailable", () => {
  it("recognises a server nobody listens for, behind drizzle's wrapper and Node's AggregateError", () => {
    const refused = new AggregateError([withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED")], "");
    expect(databaseUnavailableReason(wrapped(refused))).toBe("ECONNREFUSED");
  });

  it("recognises a server that shuts down, starts, is full, or ended our session", () => {
    expect(databaseUnavailableReason(wrapped(withCode("terminating connection", "57P01")))).toBe("57P01");
    expect(databaseUnavailableReason(withCode("the database system is starting up", "57P03"))).toBe("57P03");
    expect(databaseUnavailableReason(withCode("too many clients", "53300"))).toBe("53300");
    expect(databaseUnavailableReason(withCode("connection failure", "08006"))).toBe("08006");
  });

  it("recognises node-postgres's own timeouts and cut connections", () => {
    expect(databaseUnavailableReason(wrapped(new Error("Query read timeout")))).toBe("Query read timeout");
    expect(databaseUnavailableReason(new Error("timeout exceeded when trying to connect"))).toBe(
      "timeout exceeded when trying to connect",
    );
    expect(databaseUnavailableReason(wrapped(new Error("Connection terminated unexpectedly")))).toBe(
      "Connection terminated",
    );
  });

  it("tells a statement that ran out of time from an unreachable server", () => {
    expect(
      databaseUnavailableReason(wrapped(withCode("canceling statement due to statement timeout", "57014"))),
    ).toBe("statement timeout");
  });

  it("leaves every other error alone", () => {
    expect(databaseUnavailableReason(wrapped(withCode("duplicate key", "23505")))).toBeNull();
    expect(databaseUnavailableReason(withCode("syntax error", "42601"))).toBeNull();
    expect(databaseUnavailableReason(new Error("the value just written is missing"))).toBeNull();
    expect(databaseUnavailableReason(undefined)).toBeNull();
  });
});
