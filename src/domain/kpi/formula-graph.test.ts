import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dependentsInOrder,
  evaluateFormula,
  type FormulaAst,
  findFormulaCycle,
  parseFormula,
} from "./formula.ts";

const graphOf = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe("formula cycles", () => {
  it("finds none in a KPI tree", () => {
    const tree = graphOf({
      revenue: ["leads", "conversion_rate", "avg_deal_size"],
      gross_margin: ["revenue", "cost_of_sales"],
      margin_pct: ["gross_margin", "revenue"],
    });
    expect(findFormulaCycle(tree)).toBeNull();
    expect(findFormulaCycle(new Map())).toBeNull();
  });

  it("reports the path that closes a cycle", () => {
    expect(findFormulaCycle(graphOf({ a: ["b"], b: ["a"] }))).toEqual(["a", "b", "a"]);
    expect(findFormulaCycle(graphOf({ a: ["x", "b"], b: ["c"], c: ["d", "a"], d: [] }))).toEqual([
      "a",
      "b",
      "c",
      "a",
    ]);
  });

  it("reports a formula that reads itself", () => {
    expect(findFormulaCycle(graphOf({ churn: ["churn"] }))).toEqual(["churn", "churn"]);
  });

  it("reports only the cycle, not the path that led to it", () => {
    expect(findFormulaCycle(graphOf({ top: ["mid"], mid: ["x"], x: ["y"], y: ["x"] }))).toEqual([
      "x",
      "y",
      "x",
    ]);
  });

  it("walks a very deep chain without overflowing the stack", () => {
    const chain = new Map<string, string[]>();
    for (let i = 0; i < 50_000; i++) chain.set(`k${i}`, [`k${i + 1}`]);
    expect(findFormulaCycle(chain)).toBeNull();
    chain.set("k50000", ["k0"]);
    expect(findFormulaCycle(chain)).toHaveLength(50_002);
  });
});

describe("recomputing dependents", () => {
  const tree = graphOf({
    margin_pct: ["gross_margin", "revenue"],
    gross_margin: ["revenue", "cost_of_sales"],
    revenue: ["leads", "conversion_rate", "avg_deal_size"],
    unrelated: ["headcount"],
  });

  it("lists everything downstream of a change, each after its inputs", () => {
    expect(dependentsInOrder(tree, ["leads"])).toEqual(["revenue", "gross_margin", "margin_pct"]);
    expect(dependentsInOrder(tree, ["cost_of_sales"])).toEqual(["gross_margin", "margin_pct"]);
    expect(dependentsInOrder(tree, ["headcount", "cost_of_sales"])).toEqual([
      "gross_margin",
      "unrelated",
      "margin_pct",
    ]);
  });

  it("leaves out the changed keys unless another changed key feeds them", () => {
    expect(dependentsInOrder(tree, ["revenue"])).toEqual(["gross_margin", "margin_pct"]);
    expect(dependentsInOrder(tree, ["revenue", "leads"])).toEqual(["revenue", "gross_margin", "margin_pct"]);
  });

  it("lists nothing for a KPI no formula reads", () => {
    expect(dependentsInOrder(tree, ["margin_pct"])).toEqual([]);
    expect(dependentsInOrder(tree, [])).toEqual([]);
    expect(dependentsInOrder(tree, ["nobody_reads_me"])).toEqual([]);
  });

  it("copes with an input read twice by the same formula", () => {
    expect(dependentsInOrder(graphOf({ square: ["a", "a"], cube: ["square", "a"] }), ["a"])).toEqual([
      "square",
      "cube",
    ]);
  });

  it("refuses to order a cycle", () => {
    expect(() => dependentsInOrder(graphOf({ a: ["b", "leaf"], b: ["a"] }), ["leaf"])).toThrow(
      "KPI formulas form a cycle: a → b → a",
    );
  });
});

/** A random KPI tree: leaves, and formulas that read leaves or earlier formulas. */
type Tree = { leaves: string[]; formulas: Array<{ key: string; text: string }> };

const wrappers = ["@", "abs(@)", "(@ * 2)", "-@", "(@ / 4)", "max(@, 1)", "(10 / @)"];
const treeArbitrary: fc.Arbitrary<Tree> = fc
  .record({ leafCount: fc.integer({ min: 1, max: 5 }), formulaCount: fc.integer({ min: 1, max: 8 }) })
  .chain(({ leafCount, formulaCount }) => {
    const leaves = Array.from({ length: leafCount }, (_, i) => `leaf_${i}`);
    const formulas = Array.from({ length: formulaCount }, (_, i) => {
      const readable = [...leaves, ...Array.from({ length: i }, (_, j) => `kpi_${j}`)];
      const term = fc
        .record({ ref: fc.constantFrom(...readable), wrap: fc.constantFrom(...wrappers) })
        .map(({ ref, wrap }) => wrap.replace("@", ref));
      return fc
        .record({
          terms: fc.array(term, { minLength: 1, maxLength: 4 }),
          operators: fc.array(fc.constantFrom(" + ", " - ", " * "), { minLength: 3, maxLength: 3 }),
          asSum: fc.boolean(),
        })
        .map(({ terms, operators, asSum }) =>
          asSum
            ? `sum(${terms.join(", ")})`
            : terms.map((t, j) => (j === 0 ? t : `${operators[j - 1]}${t}`)).join(""),
        );
    });
    return fc.tuple(...formulas).map((texts) => ({
      leaves,
      formulas: texts.map((text, i) => ({ key: `kpi_${i}`, text })),
    }));
  });

type Values = Map<string, number>;

function compile(tree: Tree): { graph: Map<string, string[]>; asts: Map<string, FormulaAst> } {
  const graph = new Map<string, string[]>();
  const asts = new Map<string, FormulaAst>();
  for (const { key, text } of tree.formulas) {
    const parsed = parseFormula(text);
    if (!parsed.ok) throw new Error(`generated formula "${text}" did not parse: ${parsed.message}`);
    graph.set(key, parsed.inputs);
    asts.set(key, parsed.ast);
  }
  return { graph, asts };
}

function recompute(values: Values, keys: Iterable<string>, asts: Map<string, FormulaAst>): void {
  for (const key of keys) {
    const value = evaluateFormula(asts.get(key)!, values);
    if (value === null) values.delete(key);
    else values.set(key, value);
  }
}

/** Every formula evaluated once from the leaves, in declaration order (inputs come first). */
function fromScratch(tree: Tree, leafValues: Values, asts: Map<string, FormulaAst>): Values {
  const values = new Map(leafValues);
  recompute(
    values,
    tree.formulas.map((f) => f.key),
    asts,
  );
  return values;
}

const sorted = (values: Values) => [...values].sort(([a], [b]) => (a < b ? -1 : 1));

describe("a formula tree evaluates the same after any reordering of updates", () => {
  it("gives from-scratch values whatever order the leaf updates arrive in, one by one or in batches", () => {
    fc.assert(
      fc.property(
        treeArbitrary.chain((tree) => {
          const leafValue = fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined });
          const update = fc.record({
            leaf: fc.constantFrom(...tree.leaves),
            value: fc.integer({ min: -5, max: 5 }),
          });
          return fc.record({
            tree: fc.constant(tree),
            initial: fc.array(leafValue, { minLength: tree.leaves.length, maxLength: tree.leaves.length }),
            updates: fc.uniqueArray(update, {
              selector: (u) => u.leaf,
              minLength: 1,
              maxLength: tree.leaves.length,
            }),
            orderKeys: fc.array(fc.double({ noNaN: true }), { minLength: 5, maxLength: 5 }),
            batchBreaks: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
          });
        }),
        ({ tree, initial, updates, orderKeys, batchBreaks }) => {
          const { graph, asts } = compile(tree);
          expect(findFormulaCycle(graph)).toBeNull();

          const startLeaves: Values = new Map();
          tree.leaves.forEach((leaf, i) => {
            if (initial[i] !== undefined) startLeaves.set(leaf, initial[i]);
          });
          const start = fromScratch(tree, startLeaves, asts);

          const finalLeaves = new Map(startLeaves);
          for (const { leaf, value } of updates) finalLeaves.set(leaf, value);
          const expected = sorted(fromScratch(tree, finalLeaves, asts));

          // The same updates, in arrival order and in a shuffled order.
          const shuffled = updates
            .map((u, i) => ({ u, k: orderKeys[i]! }))
            .sort((a, b) => a.k - b.k)
            .map(({ u }) => u);
          for (const order of [updates, shuffled, [...updates].reverse()]) {
            // One at a time.
            const single = new Map(start);
            for (const { leaf, value } of order) {
              single.set(leaf, value);
              recompute(single, dependentsInOrder(graph, [leaf]), asts);
            }
            expect(sorted(single)).toEqual(expected);

            // In batches: several leaves change, then their dependents are recomputed once.
            const batched = new Map(start);
            let batch: string[] = [];
            order.forEach(({ leaf, value }, i) => {
              batched.set(leaf, value);
              batch.push(leaf);
              if (batchBreaks[i] || i === order.length - 1) {
                recompute(batched, dependentsInOrder(graph, batch), asts);
                batch = [];
              }
            });
            expect(sorted(batched)).toEqual(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("orders exactly the downstream KPIs, each after its recomputed inputs", () => {
    fc.assert(
      fc.property(treeArbitrary, fc.array(fc.nat(), { maxLength: 4 }), (tree, picks) => {
        const { graph } = compile(tree);
        const all = [...tree.leaves, ...tree.formulas.map((f) => f.key)];
        const changed = picks.map((p) => all[p % all.length]!);
        const order = dependentsInOrder(graph, changed);

        // Reference: a KPI is downstream when one of its inputs changed or is downstream.
        const downstream = new Set<string>();
        for (const { key } of tree.formulas) {
          if (graph.get(key)!.some((input) => changed.includes(input) || downstream.has(input)))
            downstream.add(key);
        }
        expect(new Set(order)).toEqual(downstream);
        expect(order).toHaveLength(downstream.size);
        order.forEach((key, i) => {
          for (const input of graph.get(key)!) {
            if (downstream.has(input)) expect(order.indexOf(input)).toBeLessThan(i);
          }
        });
      }),
    );
  });

  it("finds a real cycle exactly when one exists", () => {
    const keys = ["a", "b", "c", "d", "e"];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...keys, "leaf")), { maxLength: 10 }),
        (edges) => {
          const graph = new Map<string, string[]>();
          for (const [from, to] of edges) graph.set(from, [...(graph.get(from) ?? []), to]);
          const cycle = findFormulaCycle(graph);
          if (cycle === null) {
            expect(() => dependentsInOrder(graph, ["leaf", ...keys])).not.toThrow();
          } else {
            expect(cycle[0]).toBe(cycle.at(-1));
            for (let i = 1; i < cycle.length; i++) expect(graph.get(cycle[i - 1]!)).toContain(cycle[i]);
            expect(() => dependentsInOrder(graph, keys)).toThrow(/cycle/);
          }
        },
      ),
    );
  });
});
