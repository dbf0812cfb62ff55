/**
 * KPI formulas: a KPI computed from other KPIs (revenue = leads * conversion_rate *
 * average_deal_size). jsep parses the text; this module then accepts only a small
 * arithmetic language and evaluates it itself, so a formula can never run code.
 *
 * jsep keeps its operators and plugins in global registries that other code may share,
 * so nothing here adds to or removes from them: whatever jsep accepts, the walk over its
 * tree below rejects everything outside the language.
 */
import jsep from "jsep";

export { dependentsInOrder, findFormulaCycle } from "./formula-graph.ts";

/** Functions a formula may call. */
export const FORMULA_FUNCTIONS = Object.freeze(["sum", "avg", "min", "max", "abs"] as const);
export type FormulaFunction = (typeof FORMULA_FUNCTIONS)[number];

/** Longest formula accepted, in characters: far beyond any real KPI tree, short enough to bound work. */
export const MAX_FORMULA_LENGTH = 1000;

/** What a KPI key looks like: lowercase letters, digits and _, starting with a letter, 1–63 characters. */
export const KPI_KEY_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

/** The parsed formula: only the constructs Keel evaluates. */
export type FormulaAst =
  | { type: "number"; value: number }
  | { type: "input"; key: string }
  | { type: "binary"; operator: "+" | "-" | "*" | "/"; left: FormulaAst; right: FormulaAst }
  | { type: "negate"; operand: FormulaAst }
  | { type: "call"; name: FormulaFunction; args: FormulaAst[] };

export type ParsedFormula =
  | { ok: true; ast: FormulaAst; inputs: string[] }
  | {
      ok: false;
      message: string;
      /** 0-based character offset the problem was found at, when it can be pinned down. */
      position: number | null;
    };

const ALLOWED =
  "A formula may use KPI keys, numbers, + - * /, parentheses, and the functions sum, avg, min, max and abs.";

class FormulaError extends Error {
  constructor(
    message: string,
    readonly position: number | null,
  ) {
    super(message);
  }
}

/** 0-based offset of the first standalone occurrence of `word` in `text`, or null. */
function locateWord(text: string, word: string): number | null {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`).exec(text);
  return match ? match.index : null;
}

function locate(text: string, snippet: string): number | null {
  const index = text.indexOf(snippet);
  return index < 0 ? null : index;
}

const OPERATOR_ADVICE: Record<string, string> = {
  "%": "Remainders (%) are not allowed.",
  "**": "Powers (**) are not allowed: multiply instead (a * a).",
};

function binaryOperatorMessage(operator: string): string {
  if (OPERATOR_ADVICE[operator]) return `${OPERATOR_ADVICE[operator]} ${ALLOWED}`;
  if (["<", ">", "<=", ">=", "==", "!=", "===", "!=="].includes(operator)) {
    return `Comparisons (${operator}) are not allowed: a formula computes a number. ${ALLOWED}`;
  }
  return `The operator ${operator} is not allowed. ${ALLOWED}`;
}

function keyMessage(name: string): string {
  const lower = name.toLowerCase();
  const hint = lower !== name && KPI_KEY_PATTERN.test(lower) ? ` (did you mean ${lower}?)` : "";
  return `"${name}" is not a KPI key${hint}: keys are lowercase letters, digits and _, start with a letter and are at most 63 characters. ${ALLOWED}`;
}

/** Turns jsep's tree into a FormulaAst, rejecting anything outside the formula language. */
function convert(node: jsep.Expression, text: string, inputs: Set<string>): FormulaAst {
  switch (node.type) {
    case "Literal": {
      const { value, raw } = node as jsep.Literal;
      if (typeof value === "number") {
        if (!Number.isFinite(value))
          throw new FormulaError(`The number ${raw} is too large.`, locate(text, raw));
        return { type: "number", value };
      }
      if (typeof value === "string") {
        throw new FormulaError(`Text (${raw}) is not allowed. ${ALLOWED}`, locate(text, raw));
      }
      throw new FormulaError(`"${raw}" is not allowed. ${ALLOWED}`, locateWord(text, raw));
    }
    case "Identifier": {
      const { name } = node as jsep.Identifier;
      if (!KPI_KEY_PATTERN.test(name)) throw new FormulaError(keyMessage(name), locateWord(text, name));
      inputs.add(name);
      return { type: "input", key: name };
    }
    case "BinaryExpression": {
      const { operator, left, right } = node as jsep.BinaryExpression;
      if (operator !== "+" && operator !== "-" && operator !== "*" && operator !== "/") {
        throw new FormulaError(binaryOperatorMessage(operator), locate(text, operator));
      }
      const convertedLeft = convert(left, text, inputs);
      return { type: "binary", operator, left: convertedLeft, right: convert(right, text, inputs) };
    }
    case "UnaryExpression": {
      const { operator, argument } = node as jsep.UnaryExpression;
      if (operator !== "-") {
        throw new FormulaError(
          `The operator ${operator} before a value is not allowed; only - is. ${ALLOWED}`,
          null,
        );
      }
      return { type: "negate", operand: convert(argument, text, inputs) };
    }
    case "CallExpression": {
      const { callee, arguments: args } = node as jsep.CallExpression;
      if (callee.type !== "Identifier") {
        throw new FormulaError(
          `Only the functions sum, avg, min, max and abs can be called. ${ALLOWED}`,
          null,
        );
      }
      const name = (callee as jsep.Identifier).name;
      if (!(FORMULA_FUNCTIONS as readonly string[]).includes(name)) {
        throw new FormulaError(
          `Unknown function "${name}": use sum, avg, min, max or abs. ${ALLOWED}`,
          locateWord(text, name),
        );
      }
      const fn = name as FormulaFunction;
      if (fn === "abs" ? args.length !== 1 : args.length === 0) {
        const needs = fn === "abs" ? "exactly one value" : "at least one value";
        throw new FormulaError(`${fn}() takes ${needs}, got ${args.length}.`, locateWord(text, name));
      }
      return { type: "call", name: fn, args: args.map((arg) => convert(arg, text, inputs)) };
    }
    case "Compound":
      throw new FormulaError(
        `A formula is a single expression: join its parts with an operator, or separate function values with commas. ${ALLOWED}`,
        null,
      );
    case "ConditionalExpression":
      throw new FormulaError(`Conditions (a ? b : c) are not allowed. ${ALLOWED}`, locate(text, "?"));
    case "MemberExpression":
      throw new FormulaError(
        `Refer to a KPI by its key alone: "." and [ ] are not allowed. ${ALLOWED}`,
        (node as jsep.MemberExpression).computed ? locate(text, "[") : locate(text, "."),
      );
    case "ThisExpression":
      throw new FormulaError(`"this" is not allowed. ${ALLOWED}`, locateWord(text, "this"));
    case "SequenceExpression":
      throw new FormulaError(
        `Commas only separate the values of a function call. ${ALLOWED}`,
        locate(text, ","),
      );
    case "ArrayExpression":
      throw new FormulaError(`Lists in [ ] are not allowed. ${ALLOWED}`, locate(text, "["));
    default:
      throw new FormulaError(`This formula uses syntax that is not allowed. ${ALLOWED}`, null);
  }
}

// Formula tokens once the tree has been accepted: no strings or other syntax remain.
const TOKEN = /[A-Za-z_$][\w$]*|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|\S/g;
const isOperand = (token: string) => /^[\w$.]/.test(token);

/**
 * jsep reads two values side by side as separate values ("sum(a b)" as sum(a, b), "a b"
 * as two expressions). A missing operator or comma is far likelier a typo than intent,
 * so it is refused here rather than guessed at.
 */
function findMissingSeparator(text: string): number | null {
  let previous: string | null = null;
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    if (previous !== null) {
      const previousEndsValue = isOperand(previous) || previous === ")";
      const startsValue = isOperand(token) || (token === "(" && !/^[A-Za-z_$]/.test(previous));
      if (previousEndsValue && startsValue) return match.index;
    }
    previous = token;
  }
  return null;
}

/**
 * Parses a formula. On success gives the tree and the KPI keys it reads, each once, in
 * order of first use. On failure gives a message that says what is allowed, and the
 * character offset of the problem when it is known.
 */
export function parseFormula(text: string): ParsedFormula {
  if (text.length > MAX_FORMULA_LENGTH) {
    return {
      ok: false,
      message: `A formula may be at most ${MAX_FORMULA_LENGTH} characters long; this one has ${text.length}. Split it into intermediate KPIs.`,
      position: MAX_FORMULA_LENGTH,
    };
  }
  if (text.trim() === "") return { ok: false, message: `The formula is empty. ${ALLOWED}`, position: 0 };
  let tree: jsep.Expression;
  try {
    tree = jsep(text);
  } catch (error) {
    const { index, description } = error as { index?: unknown; description?: unknown };
    const position = typeof index === "number" ? index : null;
    const what = typeof description === "string" ? description : "Unreadable formula";
    const where = position === null ? "" : ` at character ${position + 1}`;
    return { ok: false, message: `${what}${where}. ${ALLOWED}`, position };
  }
  try {
    const inputs = new Set<string>();
    const ast = convert(tree, text, inputs);
    const gap = findMissingSeparator(text);
    if (gap !== null) {
      return {
        ok: false,
        message: `Missing operator or comma at character ${gap + 1}. ${ALLOWED}`,
        position: gap,
      };
    }
    return { ok: true, ast, inputs: [...inputs] };
  } catch (error) {
    if (error instanceof FormulaError) return { ok: false, message: error.message, position: error.position };
    throw error;
  }
}

/**
 * The formula's value for the given input values, or null when it has none: an input
 * has no value (the formula KPI then has no value for that period either, rather than
 * one computed from a guess), a division by zero, or a result too large to be a number.
 */
export function evaluateFormula(ast: FormulaAst, values: ReadonlyMap<string, number>): number | null {
  const result = evaluate(ast, values);
  // -0 reads as 0 to people; keep it from leaking into stored values.
  return result === 0 ? 0 : result;
}

function evaluate(node: FormulaAst, values: ReadonlyMap<string, number>): number | null {
  let result: number;
  switch (node.type) {
    case "number":
      return node.value;
    case "input": {
      const value = values.get(node.key);
      return value === undefined || !Number.isFinite(value) ? null : value;
    }
    case "negate": {
      const operand = evaluate(node.operand, values);
      return operand === null ? null : -operand;
    }
    case "binary": {
      const left = evaluate(node.left, values);
      const right = evaluate(node.right, values);
      if (left === null || right === null) return null;
      if (node.operator === "/" && right === 0) return null;
      result =
        node.operator === "+"
          ? left + right
          : node.operator === "-"
            ? left - right
            : node.operator === "*"
              ? left * right
              : left / right;
      break;
    }
    case "call": {
      const args: number[] = [];
      for (const arg of node.args) {
        const value = evaluate(arg, values);
        if (value === null) return null;
        args.push(value);
      }
      result = applyFunction(node.name, args);
      break;
    }
  }
  return Number.isFinite(result) ? result : null;
}

function applyFunction(name: FormulaFunction, args: number[]): number {
  switch (name) {
    case "sum":
      return args.reduce((sum, v) => sum + v, 0);
    case "avg":
      return args.reduce((sum, v) => sum + v, 0) / args.length;
    case "min":
      return args.reduce((min, v) => (v < min ? v : min));
    case "max":
      return args.reduce((max, v) => (v > max ? v : max));
    case "abs":
      return Math.abs(args[0]!);
  }
}
