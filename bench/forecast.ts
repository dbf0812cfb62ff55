/**
 * The Key Result forecaster's backtest (src/domain/okr/forecast.ts), printed for
 * docs/benchmarks.md:
 * - synthetic quarters (src/domain/okr/forecast-backtest.ts, seed fixed), forecast from the
 *   check-ins up to day 35, 49 and 63 of 91: Brier score against the straight line through
 *   the pace so far, and calibration by forecast band;
 * - the demo's closed quarter: every metric KR with three check-ins before mid-quarter,
 *   forecast from those, scored against the value it closed at.
 *   npm run bench -- forecast
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setUpDemo, startKeel } from "../scripts/lib/keel-process.ts";
import { cycleLengthDays } from "../src/domain/okr/expected-progress.ts";
import { forecastKeyResult, seedFrom } from "../src/domain/okr/forecast.ts";
import {
  backtest,
  brierScore,
  calibrationBin,
  type Scored,
  straightLineReaches,
  syntheticHistories,
} from "../src/domain/okr/forecast-backtest.ts";

const BINS: Array<[number, number]> = [
  [0, 0.2],
  [0.2, 0.4],
  [0.4, 0.6],
  [0.6, 0.7],
  [0.7, 0.8],
  [0.8, 0.9],
  [0.9, 1.01],
];

function report(label: string, forecast: Scored[], line: Scored[]) {
  const made = forecast.filter((s) => s.reached).length;
  const bins = BINS.map(([a, b]) => {
    const bin = calibrationBin(forecast, a, b);
    return bin.count
      ? `${Math.round(a * 100)}–${Math.min(100, Math.round(b * 100))} %: ${bin.count} KRs, ${Math.round(bin.hitRate * 100)} % made it`
      : "";
  }).filter(Boolean);
  console.log(
    `| ${label} | ${forecast.length} | ${made} | ${brierScore(forecast).toFixed(3)} | ${brierScore(line).toFixed(3)} | ${bins.join("; ")} |`,
  );
}

console.log("| set | KRs | reached | Brier, forecast | Brier, straight line | calibration |");
console.log("| --- | --- | --- | --- | --- | --- |");
const histories = syntheticHistories(600, 20261207);
for (const cut of [35, 49, 63]) {
  const { forecast, line } = backtest(histories, cut);
  report(`synthetic, day ${cut} of 91`, forecast, line);
}

const port = Number(process.env.PORT ?? 3487);
const base = `http://127.0.0.1:${port}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-bench-forecast-"));
const server = await startKeel({ KEEL_DATA_DIR: dir }, port);
try {
  const cookie = await setUpDemo(port);
  const get = async (url: string) => (await fetch(`${base}${url}`, { headers: { cookie } })).json();
  const slug = (await get("/api/auth/session")).organizations[0].slug as string;
  const cycles = (await get(`/api/orgs/${slug}/cycles`)).items as Array<{
    id: string;
    state: string;
    startsOn: string;
    endsOn: string;
  }>;
  const forecast: Scored[] = [];
  const line: Scored[] = [];
  for (const cycle of cycles.filter((c) => c.state === "closed")) {
    const cycleDays = cycleLengthDays(cycle);
    const cut = Math.floor(cycleDays / 2);
    const start = Date.parse(`${cycle.startsOn}T00:00:00Z`);
    const objectives = (await get(`/api/orgs/${slug}/objectives?cycleId=${cycle.id}&limit=200`)).items;
    for (const o of objectives) {
      for (const kr of o.keyResults ?? []) {
        if (kr.kind !== "metric" || kr.startValue === kr.targetValue || kr.currentValue === null) continue;
        const checkIns = (await get(`/api/orgs/${slug}/key-results/${kr.id}/check-ins?limit=200`)).items;
        const known = checkIns
          .filter((c: { value: number | null }) => c.value !== null)
          .map((c: { createdAt: string; value: number }) => ({
            day: (Date.parse(c.createdAt) - start) / 86_400_000,
            value: c.value,
          }))
          .filter((p: { day: number }) => p.day <= cut)
          .sort((a: { day: number }, b: { day: number }) => a.day - b.day);
        const result = forecastKeyResult({
          points: known,
          startValue: kr.startValue,
          targetValue: kr.targetValue,
          cycleDays,
          seed: seedFrom(kr.id),
        });
        if (!result) continue;
        const rising = kr.targetValue > kr.startValue;
        const reached = rising ? kr.currentValue >= kr.targetValue : kr.currentValue <= kr.targetValue;
        forecast.push({ probability: result.probability, reached });
        line.push({ probability: straightLineReaches({ ...kr, cycleDays }, known) ? 1 : 0, reached });
      }
    }
  }
  report("demo's closed quarter, mid-quarter", forecast, line);
} finally {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
