/**
 * `npm run bench -- kpi-anomaly`: precision and recall of unusual-value detection on
 * seeded synthetic KPI series (src/domain/kpi/anomaly-quality.ts), as Markdown rows for
 * docs/benchmarks.md. The default seed is the one the threshold was chosen on.
 */
import { DEFAULT_QUALITY, measureQuality, syntheticSeries } from "../src/domain/kpi/anomaly-quality.ts";

const pct = (x: number) => x.toFixed(3);
console.log("| seed | series | flagged | precision | recall ≥ 4σ | recall 2–4σ | false alarms |");
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const seed of [DEFAULT_QUALITY.seed, 1, 2, 3]) {
  const q = measureQuality(syntheticSeries({ ...DEFAULT_QUALITY, seed }));
  const shapes = Object.entries(q.byShape)
    .map(([name, s]) => `${name} ${pct(s.precision)}/${pct(s.recallAtLeast4)}`)
    .join(", ");
  console.log(
    `| ${seed} | ${q.series} | ${q.flagged} | ${pct(q.precision)} | ${pct(q.recallAtLeast4)} (of ${q.shiftedAtLeast4}) | ${pct(q.recallBelow4)} (of ${q.shiftedBelow4}) | ${(q.falseAlarmRate * 100).toFixed(2)} % |`,
  );
  console.error(`seed ${seed}: precision/recall by shape: ${shapes}`);
}
