// Pixel geometry for the small hand-drawn graphics (sparklines); the charts with axes are
// built as ECharts options in src/shared/charts.

/** A linear map from a domain of data to a range of pixels. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (value: number) => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** SVG path through the points with a value ("M x y L x y …"); gaps are skipped. */
export function linePath(points: ReadonlyArray<{ x: number; y: number | null }>): string {
  let d = "";
  let pen = false;
  for (const p of points) {
    if (p.y === null) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${round1(p.x)} ${round1(p.y)} `;
    pen = true;
  }
  return d.trim();
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
