import { describe, expect, it } from "vitest";
import { ApiError } from "../lib/api-client.ts";
import { countOf, rowProblems, saveOutcome, withoutKey, withoutKeys } from "./row-form-state.ts";

describe("a form of many rows", () => {
  it("counts rows in words", () => {
    expect(countOf(1, "check-in")).toBe("1 check-in");
    expect(countOf(3, "value")).toBe("3 values");
    expect(countOf(0, "value")).toBe("0 values");
  });

  it("collects the problem of each row that cannot be sent, by row", () => {
    const rows = [
      { key: "kr-1", value: "" },
      { key: "kr-2", value: "12" },
      { key: "kr-3", value: "" },
    ];
    const problems = rowProblems(
      rows,
      (r) => r.key,
      (r) => (r.value === "" ? "Enter the current value" : null),
    );
    expect(problems).toEqual({ "kr-1": "Enter the current value", "kr-3": "Enter the current value" });
    expect(
      rowProblems(
        rows.slice(1, 2),
        (r) => r.key,
        () => null,
      ),
    ).toEqual({});
  });

  it("after a save, drops the saved rows' drafts and keeps the server's message on each failed row", () => {
    const conflict = new ApiError(409, "version_conflict", "The key result changed since you loaded it.");
    const outcome = saveOutcome(
      ["kr-1", "kr-2", "kr-3"],
      [{ ok: true }, { ok: false, error: conflict }, { ok: true }],
    );
    expect(outcome.saved).toEqual(["kr-1", "kr-3"]);
    expect(outcome.errors).toEqual({ "kr-2": "The key result changed since you loaded it." });

    const drafts = { "kr-1": { value: 3 }, "kr-2": { value: 7 }, "kr-3": { value: 9 } };
    expect(withoutKeys(drafts, outcome.saved)).toEqual({ "kr-2": { value: 7 } });
  });

  it("gives a failure that is not the API's a message that says to try again", () => {
    const outcome = saveOutcome(["kpi-1"], [{ ok: false, error: "offline" }]);
    expect(outcome).toEqual({ saved: [], errors: { "kpi-1": "Something went wrong. Try again." } });
  });

  it("clears one row's error when it is edited, and leaves the others", () => {
    const errors = { "kr-1": "Enter the current value", "kr-2": "A percentage complete is 0–100" };
    expect(withoutKey(errors, "kr-1")).toEqual({ "kr-2": "A percentage complete is 0–100" });
    expect(errors).toHaveProperty("kr-1");
    // A row without an error leaves the same object, so React does not render again.
    expect(withoutKey(errors, "kr-9")).toBe(errors);
  });
});
