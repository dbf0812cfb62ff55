import { describe, expect, it } from "vitest";
import { slugify } from "./slug.ts";

describe("slugify", () => {
  it("makes readable ASCII slugs", () => {
    expect(slugify("Nordwind Logistik GmbH")).toBe("nordwind-logistik-gmbh");
    expect(slugify("  Café & Co. ")).toBe("cafe-co");
  });
  it("never returns an empty slug", () => {
    expect(slugify("!!!")).toBe("org");
  });
});
