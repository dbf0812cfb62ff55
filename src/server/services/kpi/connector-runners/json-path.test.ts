import { describe, expect, it } from "vitest";
import {
  formatJsonPath,
  JsonPathSyntaxError,
  numberFrom,
  parseJsonPath,
  selectJsonPath,
} from "./json-path.ts";

const report = {
  data: { total: 1284, "on-time %": "97.5", nested: { values: [3, 5, 8] } },
  items: [{ value: 41.5 }, { value: 12 }],
  empty: null,
};

const select = (path: string, doc: unknown = report) => selectJsonPath(doc, parseJsonPath(path));

describe("parsing JSON paths", () => {
  it("reads names, quoted names and indexes", () => {
    expect(parseJsonPath("$")).toEqual([]);
    expect(parseJsonPath("$.data.total")).toEqual([
      { kind: "name", name: "data" },
      { kind: "name", name: "total" },
    ]);
    expect(parseJsonPath("$.items[0].value")).toEqual([
      { kind: "name", name: "items" },
      { kind: "index", index: 0 },
      { kind: "name", name: "value" },
    ]);
    expect(parseJsonPath(`$['on-time %']["it's"][-1]`)).toEqual([
      { kind: "name", name: "on-time %" },
      { kind: "name", name: "it's" },
      { kind: "index", index: -1 },
    ]);
    expect(parseJsonPath("$['a\\'b']")).toEqual([{ kind: "name", name: "a'b" }]);
  });

  it("refuses what is not in the subset, saying where", () => {
    const cases: Array<[string, RegExp]> = [
      ["", /must start with "\$"/],
      ["data.total", /must start with "\$"/],
      ["$.", /property name after '\.' at position 3/],
      ["$..total", /property name after '\.'/],
      ["$.items[*]", /expected an index/],
      ["$.items[?(@.value > 1)]", /expected an index/],
      ["$.items[0", /expected '\]'/],
      ["$['unterminated", /unterminated quoted name/],
      ["$.data total", /unexpected " "/],
      ["$.1abc", /property name/],
      [`$${".a".repeat(300)}`, /at most 500 characters/],
    ];
    for (const [path, message] of cases) {
      expect(() => parseJsonPath(path), path).toThrow(JsonPathSyntaxError);
      expect(() => parseJsonPath(path), path).toThrow(message);
    }
  });

  it("writes paths back in a form it reads the same", () => {
    for (const path of ["$", "$.data.total", "$.items[0].value", "$['on-time %']", "$['it\\'s'][-2]"]) {
      expect(parseJsonPath(formatJsonPath(parseJsonPath(path)))).toEqual(parseJsonPath(path));
    }
  });
});

describe("selecting a value", () => {
  it("finds what the path points at", () => {
    expect(select("$.data.total")).toEqual({ found: true, value: 1284 });
    expect(select("$.items[0].value")).toEqual({ found: true, value: 41.5 });
    expect(select("$.items[-1].value")).toEqual({ found: true, value: 12 });
    expect(select("$.data['on-time %']")).toEqual({ found: true, value: "97.5" });
    expect(select("$.data.nested.values[2]")).toEqual({ found: true, value: 8 });
    expect(select("$", 42)).toEqual({ found: true, value: 42 });
    expect(select("$.empty")).toEqual({ found: true, value: null });
  });

  it("says where it found nothing", () => {
    expect(select("$.data.totals")).toEqual({ found: false, missingAt: "$.data.totals" });
    expect(select("$.data.total.amount")).toEqual({ found: false, missingAt: "$.data.total.amount" });
    expect(select("$.items[5].value")).toEqual({ found: false, missingAt: "$.items[5]" });
    expect(select("$.items[-3]")).toEqual({ found: false, missingAt: "$.items[-3]" });
    expect(select("$.items.value")).toEqual({ found: false, missingAt: "$.items.value" });
    expect(select("$.data[0]")).toEqual({ found: false, missingAt: "$.data[0]" });
    expect(select("$.empty.value")).toEqual({ found: false, missingAt: "$.empty.value" });
  });

  it("never reaches inherited properties", () => {
    for (const path of [
      "$.constructor",
      "$.__proto__",
      "$.data.toString",
      "$.items.length",
      "$['hasOwnProperty']",
    ]) {
      expect(select(path).found, path).toBe(false);
    }
    const hostile = JSON.parse('{"__proto__": {"total": 7}}');
    expect(select("$.__proto__.total", hostile)).toEqual({ found: true, value: 7 });
  });
});

describe("turning what was found into a KPI value", () => {
  it("takes numbers and numeric text", () => {
    expect(numberFrom(12)).toEqual({ ok: true, value: 12 });
    expect(numberFrom(-0.25)).toEqual({ ok: true, value: -0.25 });
    expect(numberFrom("12.5")).toEqual({ ok: true, value: 12.5 });
    expect(numberFrom(" 1e3 ")).toEqual({ ok: true, value: 1000 });
    expect(numberFrom("-.5")).toEqual({ ok: true, value: -0.5 });
    expect(numberFrom(12n)).toEqual({ ok: true, value: 12 });
  });

  it("refuses anything else, naming only the type of what it found, never its value", () => {
    const error = (value: unknown) => (numberFrom(value) as { error: string }).error;
    expect(error("abc")).toBe("found text, not a number");
    expect(error("")).toBe("found empty text, not a number");
    expect(error("12 units")).toBe("found text, not a number");
    expect(error("0x1F")).toBe("found text, not a number");
    expect(error("Infinity")).toBe("found text, not a number");
    expect(error(null)).toBe("found null, not a number");
    expect(error(undefined)).toBe("found nothing, not a number");
    expect(error(true)).toBe("found a boolean, not a number");
    expect(error({ total: 1 })).toBe("found an object, not a number");
    expect(error([1])).toBe("found an array, not a number");
    expect(error(new Date())).toBe("found a date, not a number");
    expect(error(Buffer.from("s3cr3t"))).toBe("found binary data, not a number");
    expect(error(Number.NaN)).toBe("found NaN, not a number");
    for (const value of ["s3cr3t-data", "keel_kpiwork_ref", { password: "s3cr3t-data" }, ["s3cr3t-data"]]) {
      expect(error(value)).not.toContain("s3cr3t");
      expect(error(value)).not.toContain("keel");
    }
  });

  it("refuses numbers too large for a KPI, without repeating them", () => {
    expect(numberFrom(1e15)).toMatchObject({ ok: false, error: expect.stringContaining("too large") });
    expect(numberFrom("1e400")).toMatchObject({ ok: false, error: expect.stringContaining("too large") });
    expect((numberFrom("123456789012345678") as { error: string }).error).not.toContain("1234");
  });
});
