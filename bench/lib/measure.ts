/**
 * What the reference-size benchmarks (okr.ts, kpi.ts) share: latency runs with every
 * response time kept (exact percentiles), the recorded figures, signing in as the
 * reference organisation's admin, and waiting for the server to calm down between runs.
 */
import autocannon from "autocannon";

export type Measure = {
  engine: string;
  scenario: string;
  connections: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  extra?: string;
  target?: string;
  met?: boolean;
};

export type Target = { p: 95 | 99; ms: number };

export function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Waits until the server answers quickly again: requests of a run may still be in flight. */
export async function settle(url: string) {
  const ready = new URL("/api/ready", url).toString();
  for (let i = 0; i < 600; i++) {
    const started = performance.now();
    await fetch(ready);
    if (performance.now() - started < 50) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Signs in as the reference organisation's admin (bench/reference-org.ts). */
export async function signIn(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@reference.example", password: "reference password 2026" }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** Collects the figures of one benchmark run; `duration` is each load run's length in seconds. */
export function createRecorder(duration: number) {
  const results: Measure[] = [];

  function record(
    engine: string,
    scenario: string,
    connections: number,
    times: number[],
    rps: number,
    target?: Target | undefined,
    extra?: string,
  ): Measure {
    times.sort((a, b) => a - b);
    const m: Measure = {
      engine,
      scenario,
      connections,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      rps,
      requests: times.length,
    };
    if (extra) m.extra = extra;
    if (target) {
      m.target = `p${target.p} < ${target.ms} ms`;
      m.met = (target.p === 95 ? m.p95 : m.p99) < target.ms;
    }
    results.push(m);
    console.log(
      `${engine} ${scenario} c=${m.connections}: p50 ${m.p50.toFixed(1)} p95 ${m.p95.toFixed(1)} p99 ${m.p99.toFixed(1)} ms, ${m.rps.toFixed(0)} req/s (${m.requests})${extra ? `, ${extra}` : ""}${m.target ? ` target ${m.target}: ${m.met ? "met" : "MISSED"}` : ""}`,
    );
    return m;
  }

  /** A closed-loop autocannon run; refuses to report a run that had failures. */
  async function load(engine: string, scenario: string, options: autocannon.Options, target?: Target) {
    const times: number[] = [];
    // Without a callback autocannon returns the instance, which is also a promise of the result.
    const instance = autocannon({ duration, timeout: 120, ...options }) as unknown as autocannon.Instance &
      PromiseLike<autocannon.Result>;
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
    const result = await instance;
    if (result.non2xx > 0 || result.errors > 0) {
      throw new Error(`${scenario}: ${result.non2xx} non-2xx responses and ${result.errors} errors`);
    }
    await settle(options.url);
    return record(engine, scenario, options.connections ?? 10, times, result.requests.average, target);
  }

  return { results, record, load };
}
