export type ContentCoding = "br" | "gzip";

/**
 * The coding among `offered` (in Keel's order of preference) that the client's
 * Accept-Encoding accepts with the highest weight; undefined for identity. An explicit
 * `q=0` refuses a coding even when `*` would accept it.
 */
export function preferredEncoding(
  header: string | undefined,
  offered: readonly ContentCoding[],
): ContentCoding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    if (name) weights.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  let best: { coding: ContentCoding; q: number } | undefined;
  for (const coding of offered) {
    const q = weights.get(coding) ?? weights.get("*") ?? 0;
    if (q > 0 && (!best || q > best.q)) best = { coding, q };
  }
  return best?.coding;
}
