/** Axis scaling shared by Keel's charts, in the browser and on the server. */

/** A step that reads well on an axis: 1, 2 or 5 times a power of ten. */
export function niceStep(span: number, ticks = 4): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * A y-domain covering every value, widened to whole steps so the line never touches the
 * frame; a flat series gets room around its one value.
 */
export function niceDomain(values: readonly number[], ticks = 4): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return [0, 1];
  let min = Math.min(...finite);
  let max = Math.max(...finite);
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    min -= pad;
    max += pad;
  }
  const step = niceStep(max - min, ticks);
  return [Math.floor(min / step + 1e-9) * step, Math.ceil(max / step - 1e-9) * step];
}

/** Tick values from a nice domain. */
export function ticksOf(domain: readonly [number, number], ticks = 4): number[] {
  const step = niceStep(domain[1] - domain[0], ticks);
  const out: number[] = [];
  for (let v = domain[0]; v <= domain[1] + step * 1e-6; v += step) out.push(Math.round(v / step) * step);
  return out;
}
