import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "./api-client.ts";
import { InvalidFields, parseFields, placeServerError } from "./zod-form.ts";

const Theme = z.strictObject({ name: z.string().trim().min(1, "must not be empty"), version: z.number() });

describe("parseFields", () => {
  it("returns what zod produced, leaving out fields the form only shows", () => {
    expect(parseFields(Theme, { name: "  Sustainability ", version: 3, shownOnly: "x" })).toEqual({
      name: "Sustainability",
      version: 3,
    });
  });

  it("throws each problem under its field, as a sentence", () => {
    try {
      parseFields(Theme, { name: " ", version: 3 });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidFields);
      expect((err as InvalidFields).errors).toEqual({ name: "Must not be empty" });
    }
  });
});

describe("placeServerError", () => {
  const values = { title: "Win the north", keyResults: [{ title: "" }] };

  it("puts issues under the fields whose paths the form holds", () => {
    const err = new ApiError(400, "validation_failed", "Invalid", [
      { field: "keyResults.0.title", message: "must not be empty" },
    ]);
    expect(placeServerError(err, values)).toEqual({
      errors: { "keyResults.0.title": "Must not be empty" },
      formError: null,
    });
  });

  it("keeps an issue no field shows above the buttons", () => {
    const err = new ApiError(400, "validation_failed", "Invalid", [
      { field: "cycleId", message: "is closed" },
    ]);
    expect(placeServerError(err, values)).toEqual({ errors: {}, formError: err });
  });

  it("shows the form's own problems under their fields, and one of no field above the buttons", () => {
    expect(placeServerError(new InvalidFields({ title: "Name it." }), values)).toEqual({
      errors: { title: "Name it." },
      formError: null,
    });
    const placed = placeServerError(new InvalidFields({ title: "Name it." }, "body: too large"), values);
    expect(placed.errors).toEqual({ title: "Name it." });
    expect(placed.formError?.message).toBe("body: too large");
  });
});
