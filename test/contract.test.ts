/**
 * The harness checks every answer against the OpenAPI document (support/contract.ts):
 * this file proves the check refuses what the document does not describe.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAgainstDocument } from "./support/contract.ts";
import { type Harness, startHarness } from "./support/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const team = {
  id: "6f1c1d5e-6b55-4c49-9d63-0d5f0d8e0b9a",
  name: "Hub Rotterdam",
};

describe("checking an answer against the document", () => {
  it("refuses a status the operation does not list", () => {
    expect(() => checkAgainstDocument(h.app, "GET", "/api/orgs/nordwind/teams", 418, {})).toThrow(
      "GET /api/orgs/{org}/teams answered 418, which the OpenAPI document does not list",
    );
  });

  it("refuses a body that does not match the documented schema", () => {
    expect(() =>
      checkAgainstDocument(h.app, "GET", "/api/orgs/nordwind/teams?limit=2", 200, { items: [team] }),
    ).toThrow("GET /api/orgs/{org}/teams answered 200 with a body the document does not describe");
  });

  it("takes 413 on operations with a body, and a documented error", () => {
    const error = { error: { code: "payload_too_large", message: "Too large." } };
    expect(() => checkAgainstDocument(h.app, "POST", "/api/orgs/nordwind/teams", 413, error)).not.toThrow();
    expect(() => checkAgainstDocument(h.app, "GET", "/api/orgs/nordwind/teams", 413, error)).toThrow(
      "answered 413",
    );
  });

  it("matches literal segments before parameters", () => {
    expect(() =>
      checkAgainstDocument(h.app, "GET", "/api/orgs/nordwind/teams/tree", 200, { items: [team] }),
    ).toThrow("GET /api/orgs/{org}/teams/tree answered 200 with a body");
  });
});
