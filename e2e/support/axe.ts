import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** The axe rules whose answer changes with the colour scheme. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

export type AxeFinding = { id: string; impact: string; help: string; targets: string[] };

/**
 * Runs axe-core on the page as it is (WCAG 2.0–2.2 A and AA rules, plus label-in-name,
 * which axe marks experimental) and returns the serious and critical findings. The context
 * must bypass Keel's Content-Security-Policy, which forbids the injected script.
 * `colourOnly` runs just the rules whose answer depends on colours: for a second colour
 * scheme of a page already checked in full, since the markup is the same in both.
 */
export async function seriousAxeFindings(
  page: Page,
  opts: { colourOnly?: boolean } = {},
): Promise<AxeFinding[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(
    async (colourRules) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResult> } })
        .axe;
      type AxeResult = {
        violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>;
      };
      const result = await axe.run(
        document,
        colourRules
          ? { runOnly: { type: "rule", values: colourRules }, resultTypes: ["violations"] }
          : {
              runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
              rules: { "label-content-name-mismatch": { enabled: true } },
              resultTypes: ["violations"],
            },
      );
      return result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
        }));
    },
    opts.colourOnly ? COLOUR_RULES : null,
  );
}
