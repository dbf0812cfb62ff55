import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { createLogger, serializeError, withoutParameters } from "./logger.ts";

const hash = "d6450ed6aa04fe10a8c6933bfed9a206ff7606dfe29ce06663f5ecc7870952fd";

function failedQuery() {
  const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
    code: "23505",
    constraint: "users_email_key",
    detail: "Key (email)=(ada@nordwind.example) already exists.",
  });
  return new DrizzleQueryError(
    'select "id" from "api_tokens" where "token_hash" = $1',
    [hash, "ada@nordwind.example"],
    cause,
  );
}

describe("logged errors", () => {
  it("keep the SQL, the code and the constraint but none of the query's parameters", () => {
    const out = JSON.stringify(serializeError(failedQuery()));
    expect(out).not.toContain(hash);
    expect(out).not.toContain("ada@nordwind.example");
    const parsed = JSON.parse(out);
    expect(parsed.type).toBe("DrizzleQueryError");
    expect(parsed.message).toBe(
      'Failed query: select "id" from "api_tokens" where "token_hash" = $1\nparams: [not logged]',
    );
    expect(parsed.stack).toMatch(/^Error: Failed query: .*\nparams: \[not logged\]\n\s+at /);
    expect(parsed.query).toBe('select "id" from "api_tokens" where "token_hash" = $1');
    expect(parsed.cause).toMatchObject({ code: "23505", constraint: "users_email_key" });
    expect(parsed.cause.detail).toBeUndefined();
  });

  it("go through the logger that way, under err and error", () => {
    const lines: string[] = [];
    const logger = createLogger("info", { write: (line: string) => void lines.push(line) });
    logger.error({ err: failedQuery() }, "unhandled error");
    logger.error({ error: failedQuery() }, "recompute failed");
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain(hash);
      expect(line).toContain("params: [not logged]");
    }
  });

  it("cut parameters that span lines, up to the first stack frame", () => {
    expect(withoutParameters("Failed query: x\nparams: a\nb,c\n    at f (file.ts:1:1)")).toBe(
      "Failed query: x\nparams: [not logged]\n    at f (file.ts:1:1)",
    );
    expect(withoutParameters("no query here")).toBe("no query here");
  });
});
