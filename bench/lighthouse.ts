// Lighthouse performance of the demo's overview, a team's KPI board and the company KPI
// board, on a phone (Lighthouse's mobile default: Moto G Power, slow 4G, 4× CPU slowdown)
// and on a desktop. Not a test: figures go to docs/benchmarks.md.
//
//   (cd /tmp/lh && npm i lighthouse@12)   # outside the project; 13.x needs Node 22
//   node scripts/build-web-if-stale.mjs
//   LIGHTHOUSE=/tmp/lh/node_modules/.bin/lighthouse node --import tsx bench/lighthouse.ts
//
// On a shared machine one run says little: KEEL_LIGHTHOUSE_RUNS=3 runs each page and width
// three times and prints the run with the median score; KEEL_LIGHTHOUSE_PAGES=overview
// (names, comma-separated, as in the table) and KEEL_LIGHTHOUSE_WIDTHS=mobile narrow it.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setUpDemo, startKeel } from "../scripts/lib/keel-process.ts";

const lighthouse = process.env.LIGHTHOUSE ?? "/tmp/lh/node_modules/.bin/lighthouse";
const chrome = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const port = Number(process.env.PORT ?? 3481);
const base = `http://127.0.0.1:${port}`;
const runs = Math.max(1, Number(process.env.KEEL_LIGHTHOUSE_RUNS ?? 1));
const listOf = (value: string | undefined) => (value ? value.split(",").map((v) => v.trim()) : undefined);
const onlyPages = listOf(process.env.KEEL_LIGHTHOUSE_PAGES);
const onlyWidths = listOf(process.env.KEEL_LIGHTHOUSE_WIDTHS);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-lighthouse-"));
const server = await startKeel({ KEEL_DATA_DIR: dir }, port);
try {
  const cookie = await setUpDemo(port);
  const get = async (url: string) => (await fetch(`${base}${url}`, { headers: { cookie } })).json();
  const slug = (await get("/api/auth/session")).organizations[0].slug as string;
  const tree = await get(`/api/orgs/${slug}/teams/tree`);
  const team = tree.roots[0].children[0] ?? tree.roots[0];
  const pages = {
    overview: `/o/${slug}`,
    "team KPI board": `/o/${slug}/teams/${team.id}/kpis`,
    "KPI board": `/o/${slug}/kpis`,
  };
  console.log(
    `load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  console.log("| page | width | performance | FCP | LCP | TBT | CLS |");
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const [name, url] of Object.entries(pages)) {
    if (onlyPages && !onlyPages.includes(name)) continue;
    for (const width of ["mobile", "desktop"] as const) {
      if (onlyWidths && !onlyWidths.includes(width)) continue;
      // biome-ignore lint/suspicious/noExplicitAny: Lighthouse's report, read for a few fields
      const reports: any[] = [];
      for (let run = 0; run < runs; run++) {
        const out = path.join(
          dir,
          `lh-${name.replaceAll(" ", "-")}-${width}${runs > 1 ? `-${run + 1}` : ""}.json`,
        );
        execFileSync(
          lighthouse,
          [
            `${base}${url}`,
            "--only-categories=performance",
            "--output=json",
            `--output-path=${out}`,
            "--quiet",
            `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
            "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run",
            ...(width === "desktop" ? ["--preset=desktop"] : []),
          ],
          { env: { ...process.env, CHROME_PATH: chrome }, stdio: ["ignore", "ignore", "inherit"] },
        );
        reports.push(JSON.parse(fs.readFileSync(out, "utf8")));
      }
      const score = (r: (typeof reports)[number]) => r.categories.performance.score as number;
      reports.sort((x, y) => score(x) - score(y));
      const report = reports[Math.floor(reports.length / 2)];
      const a = report.audits;
      const all = runs > 1 ? ` (runs: ${reports.map((r) => score(r).toFixed(2)).join(", ")})` : "";
      console.log(
        `| ${name} | ${width} | ${score(report).toFixed(2)}${all} | ${a["first-contentful-paint"].displayValue} | ${a["largest-contentful-paint"].displayValue} | ${a["total-blocking-time"].displayValue} | ${a["cumulative-layout-shift"].displayValue} |`,
      );
    }
  }
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
} finally {
  await server.stop();
  // KEEL_LIGHTHOUSE_KEEP=1 keeps the reports (main-thread breakdown, long tasks) to read.
  if (process.env.KEEL_LIGHTHOUSE_KEEP === "1") console.log(`reports kept in ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
