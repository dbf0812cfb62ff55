/**
 * The web app and the CLI are typed by src/shared/api/openapi.gen.ts. It is committed, so
 * a change of a route or schema that was not regenerated would leave them checking
 * against an API that no longer exists: this fails until `npm run gen:api` is run.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { API_TYPES_FILE, generateApiTypes } from "../scripts/lib/api-types.ts";

describe("the generated API types", () => {
  it("match a fresh generation from the routes' schemas", async () => {
    const committed = fs.readFileSync(API_TYPES_FILE, "utf8");
    const fresh = await generateApiTypes();
    // A diff of a 20,000-line file is no help; say what to do instead.
    expect(
      committed === fresh,
      `${API_TYPES_FILE} is out of date with the API: run \`npm run gen:api\` and commit the result`,
    ).toBe(true);
  }, 120_000);
});
