import jsep from "jsep";
import { describe, expect, it } from "vitest";
import { evaluateFormula, type FormulaAst, MAX_FORMULA_LENGTH, parseFormula } from "./formula.ts";

function parsed(text: string): { ast: FormulaAst; inputs: string[] } {
  const result = parseFormula(text);
  if (!result.ok) throw new Error(`expected "${text}" to parse: ${result.message}`);
  return { ast: result.ast, inputs: result.inputs };
}

function refused(text: string): { message: string; position: number | null } {
  const result = parseFormula(text);
  if (result.ok) throw new Error(`expected "${text}" to be refused`);
  return { message: result.message, position: result.position };
}

const evaluate = (text: string, values: Record<string, number> = {}) =>
  evaluateFormula(parsed(text).ast, new Map(Object.entries(values)));

describe("parsing formulas", () => {
  it("reads a KPI tree formula and lists its inputs once, in order of first use", () => {
    const { ast, inputs } = parsed("leads * conversion_rate * avg_deal_size + leads * 0");
    expect(inputs).toEqual(["leads", "conversion_rate", "avg_deal_size"]);
    expect(ast.type).toBe("binary");
  });

  it("builds the narrowed tree with operator precedence", () => {
    expect(parsed("-a + 2 * max(b, 3)").ast).toEqual({
      type: "binary",
      operator: "+",
      left: { type: "negate", operand: { type: "input", key: "a" } },
      right: {
        type: "binary",
        operator: "*",
        left: { type: "number", value: 2 },
        right: {
          type: "call",
          name: "max",
          args: [
            { type: "input", key: "b" },
            { type: "number", value: 3 },
          ],
        },
      },
    });
  });

  it("accepts every allowed function, decimals and exponents", () => {
    expect(parsed("sum(a, b, c) + avg(a) - min(b, 1.5) / abs(c) + 2e3 + .5").inputs).toEqual(["a", "b", "c"]);
    expect(parsed("  (  revenue_2026 )  ").inputs).toEqual(["revenue_2026"]);
  });

  it("accepts a formula without inputs", () => {
    expect(parsed("12 * 4")).toEqual({
      ast: {
        type: "binary",
        operator: "*",
        left: { type: "number", value: 12 },
        right: { type: "number", value: 4 },
      },
      inputs: [],
    });
  });

  it("refuses an empty formula", () => {
    expect(refused("   ").message).toMatch(/^The formula is empty\. A formula may use KPI keys/);
  });

  it("refuses what jsep cannot read, with the position", () => {
    expect(refused("revenue +")).toEqual({
      message: expect.stringMatching(/^Expected expression after \+ at character 10\. A formula may use/),
      position: 9,
    });
    expect(refused("max(a, (b)").position).toBe(10);
    expect(refused("a = 1").message).toMatch(/Unexpected "="/);
  });

  it("refuses keys that are not KPI keys, suggesting the lowercase form", () => {
    const upper = refused("leads * Conversion_Rate");
    expect(upper.message).toMatch(/^"Conversion_Rate" is not a KPI key \(did you mean conversion_rate\?\)/);
    expect(upper.position).toBe(8);
    expect(refused("_private + 1").message).toMatch(/"_private" is not a KPI key:/);
    expect(refused("$x").message).toMatch(/is not a KPI key/);
    expect(refused("naïve").message).toMatch(/is not a KPI key/);
    expect(refused(`k${"a".repeat(63)}`).message).toMatch(/at most 63 characters/);
    expect(parsed(`k${"a".repeat(62)}`).inputs).toHaveLength(1);
  });

  it("refuses text, booleans, null and this", () => {
    expect(refused('revenue + "10"').message).toMatch(/^Text \("10"\) is not allowed/);
    expect(refused('revenue + "10"').position).toBe(10);
    expect(refused("true * a").message).toMatch(/^"true" is not allowed/);
    expect(refused("null").message).toMatch(/^"null" is not allowed/);
    expect(refused("this").message).toMatch(/^"this" is not allowed/);
  });

  it("refuses member access and method calls", () => {
    expect(refused("revenue.total").message).toMatch(/by its key alone/);
    expect(refused("revenue.total").position).toBe(7);
    expect(refused("revenue[0]").message).toMatch(/by its key alone/);
    expect(refused("Math.max(a, b)").message).toMatch(/Only the functions sum, avg, min, max and abs/);
    expect(parseFormula("constructor.constructor('return 1')()").ok).toBe(false);
  });

  it("refuses unknown functions and wrong argument counts", () => {
    const median = refused("median(a, b)");
    expect(median.message).toMatch(/^Unknown function "median": use sum, avg, min, max or abs\./);
    expect(median.position).toBe(0);
    expect(refused("revenue(2)").message).toMatch(/Unknown function "revenue"/);
    expect(refused("max()").message).toBe("max() takes at least one value, got 0.");
    expect(refused("abs(a, b)").message).toBe("abs() takes exactly one value, got 2.");
    expect(refused("sum(a)(b)").message).toMatch(/Only the functions/);
  });

  it("refuses comparisons, logic, powers, remainders, ternaries and other operators", () => {
    expect(refused("a > b").message).toMatch(
      /^Comparisons \(>\) are not allowed: a formula computes a number\./,
    );
    expect(refused("a == b").message).toMatch(/^Comparisons \(==\)/);
    expect(refused("a && b").message).toMatch(/^The operator && is not allowed\./);
    expect(refused("a ?? b").message).toMatch(/^The operator \?\? is not allowed/);
    expect(refused("a ** 2").message).toMatch(/^Powers \(\*\*\) are not allowed: multiply instead/);
    expect(refused("a % 7").message).toMatch(/^Remainders \(%\) are not allowed/);
    expect(refused("a % 7").position).toBe(2);
    expect(refused("a ? b : c").message).toMatch(/^Conditions \(a \? b : c\) are not allowed/);
    expect(refused("!a").message).toMatch(/The operator ! before a value is not allowed; only - is/);
    expect(refused("+a").message).toMatch(/only - is/);
    expect(parseFormula("~a").ok).toBe(false);
  });

  it("refuses several expressions, sequences and lists", () => {
    expect(refused("a; b").message).toMatch(/^A formula is a single expression/);
    expect(refused("a b").message).toMatch(/^A formula is a single expression/);
    expect(refused("(a, b)").message).toMatch(/^Commas only separate the values of a function call/);
    expect(refused("[a, b]").message).toMatch(/^Lists in \[ \] are not allowed/);
  });

  it("refuses values side by side that jsep would silently read as separate arguments", () => {
    expect(refused("sum(a b)")).toEqual({
      message: expect.stringMatching(/^Missing operator or comma at character 7\./),
      position: 6,
    });
    expect(refused("max(a, 2 3)").position).toBe(9);
    // A call is a key followed by "(", which is fine.
    expect(parsed("max (a, b)").inputs).toEqual(["a", "b"]);
  });

  it("refuses numbers too large to compute with", () => {
    expect(refused("a * 1e999").message).toBe("The number 1e999 is too large.");
  });

  it("refuses formulas over the length limit, before parsing them", () => {
    const long = `a${" + a".repeat(250)}`;
    expect(long.length).toBeGreaterThan(MAX_FORMULA_LENGTH);
    expect(refused(long)).toEqual({
      message: expect.stringMatching(/^A formula may be at most 1000 characters long; this one has 1001\./),
      position: 1000,
    });
    expect(parsed(long.slice(0, 997)).inputs).toEqual(["a"]);
  });

  it("copes with deep nesting within the length limit", () => {
    const deep = `${"(".repeat(400)}a${")".repeat(400)}`;
    expect(parsed(deep).inputs).toEqual(["a"]);
    expect(evaluate(`${"-".repeat(999)}a`, { a: 2 })).toBe(-2);
  });

  it("leaves jsep's shared settings as they were", () => {
    const before = {
      binary: { ...jsep.binary_ops },
      unary: { ...jsep.unary_ops },
      plugins: Object.keys(jsep.plugins.registered),
      literals: { ...jsep.literals },
    };
    parseFormula("a ? b : c");
    parseFormula("sum(a, b) * 2");
    expect({
      binary: { ...jsep.binary_ops },
      unary: { ...jsep.unary_ops },
      plugins: Object.keys(jsep.plugins.registered),
      literals: { ...jsep.literals },
    }).toEqual(before);
    // Other users of jsep still get its full language.
    expect(jsep("a ? b : c").type).toBe("ConditionalExpression");
  });
});

describe("evaluating formulas", () => {
  it("computes a KPI tree", () => {
    expect(
      evaluate("leads * conversion_rate * avg_deal_size", {
        leads: 400,
        conversion_rate: 0.25,
        avg_deal_size: 1200,
      }),
    ).toBe(120_000);
    expect(evaluate("(a - b) / 2 - -c", { a: 10, b: 4, c: 1 })).toBe(4);
  });

  it("applies each function", () => {
    const values = { a: 3, b: -8, c: 5 };
    expect(evaluate("sum(a, b, c)", values)).toBe(0);
    expect(evaluate("avg(a, b, c, 12)", values)).toBe(3);
    expect(evaluate("min(a, b, c)", values)).toBe(-8);
    expect(evaluate("max(a, b, c)", values)).toBe(5);
    expect(evaluate("abs(b)", values)).toBe(8);
    expect(evaluate("max(a)", values)).toBe(3);
  });

  it("has no value when an input has none", () => {
    expect(evaluate("a + b", { a: 1 })).toBeNull();
    expect(evaluate("max(a, b)", { b: 1 })).toBeNull();
    expect(evaluate("a * 0", { a: Number.NaN })).toBeNull();
  });

  it("has no value after a division by zero, however it is written", () => {
    expect(evaluate("revenue / customers", { revenue: 1000, customers: 0 })).toBeNull();
    expect(evaluate("a / (b - b)", { a: 1, b: 7 })).toBeNull();
    expect(evaluate("0 / 0")).toBeNull();
    expect(evaluate("1 / a", { a: -0 })).toBeNull();
    expect(evaluate("0 / a", { a: 4 })).toBe(0);
  });

  it("has no value when the result overflows", () => {
    expect(evaluate("a * a", { a: 1e200 })).toBeNull();
    expect(evaluate("a * a / a", { a: 1e200 })).toBeNull();
    expect(evaluate("sum(a, a)", { a: Number.MAX_VALUE })).toBeNull();
  });

  it("never returns negative zero", () => {
    expect(Object.is(evaluate("-a", { a: 0 }), 0)).toBe(true);
    expect(Object.is(evaluate("a * -1", { a: 0 }), 0)).toBe(true);
  });
});
