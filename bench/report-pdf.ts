/**
 * `npm run bench -- report-pdf`: the consolidated report (JSON, CSV zip and PDF; docs/reports.md) of the
 * demo's largest division (the top team's child with the most teams below it) and of the
 * whole organisation, for the running cycle, end to end through HTTP on PGlite and on
 * PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432). Five
 * sequential downloads each after one warm-up; the last PDF of each is kept in the
 * system's temp folder for a look (`pdftoppm -png -r 60 … page`).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setUpDemo, startKeel } from "../scripts/lib/keel-process.ts";
import { measureOnBothEngines } from "./lib/both-engines.ts";

const ORG = "nordwind-logistics";
// biome-ignore lint/suspicious/noExplicitAny: answers read loosely, as the other benchmarks do
type Json = Record<string, any>;

function subtreeSize(node: Json): number {
  return 1 + (node.children as Json[]).reduce((s, c) => s + subtreeSize(c), 0);
}

async function measure(label: string, env: Record<string, string>, port: number) {
  const server = await startKeel(env, port);
  try {
    const cookie = await setUpDemo(port);
    const base = `http://127.0.0.1:${port}/api/orgs/${ORG}`;
    const get = async (url: string) => (await (await fetch(url, { headers: { cookie } })).json()) as Json;
    const tree = (await get(`${base}/teams/tree`)) as Json;
    const top = (tree.roots as Json[])[0] as Json;
    const division = [...(top.children as Json[])].sort((a, b) => subtreeSize(b) - subtreeSize(a))[0] as Json;
    for (const [what, query] of [
      [`division "${division.name}" (${subtreeSize(division)} teams)`, `teamId=${division.id}`],
      [`whole organisation (${subtreeSize(top)} teams)`, ""],
    ] as const) {
      for (const kind of ["", ".csv.zip", ".pdf"]) {
        const url = `${base}/reports/consolidated${kind}?${query}`;
        await (await fetch(url, { headers: { cookie } })).arrayBuffer();
        const times: number[] = [];
        let bytes = new Uint8Array();
        for (let i = 0; i < 5; i += 1) {
          const started = performance.now();
          const res = await fetch(url, { headers: { cookie } });
          bytes = new Uint8Array(await res.arrayBuffer());
          if (res.status !== 200) throw new Error(`report answered ${res.status}`);
          times.push(performance.now() - started);
        }
        times.sort((a, b) => a - b);
        let kept = "";
        if (kind === ".pdf") {
          const file = path.join(
            os.tmpdir(),
            `keel-report-${label.toLowerCase()}-${query ? "division" : "org"}.pdf`,
          );
          fs.writeFileSync(file, bytes);
          kept = `; kept as ${file}`;
        }
        console.log(
          `| ${kind ? kind.slice(1).toUpperCase() : "JSON"} of the ${what}, ${label} | median ${times[2]!.toFixed(0)} ms, max ${times[4]!.toFixed(0)} ms | ${(bytes.length / 1024).toFixed(0)} kB, 5 sequential downloads after 1 warm-up${kept} |`,
        );
      }
    }
  } finally {
    await server.stop();
  }
}

console.log("| measure | result | how |\n| --- | --- | --- |");
await measureOnBothEngines("report", measure, [3421, 3422]);
