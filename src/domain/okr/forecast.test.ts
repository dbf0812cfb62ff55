import { describe, expect, it } from "vitest";
import { forecastKeyResult, likelihoodOf, seedFrom } from "./forecast.ts";

const quarter = { startValue: 0, targetValue: 100, cycleDays: 91, seed: 7 };
const weekly = (values: number[]) => values.map((value, i) => ({ day: 7 * (i + 1), value }));

describe("forecastKeyResult", () => {
  it("needs three check-ins with a value and a target that differs from the start", () => {
    expect(forecastKeyResult({ ...quarter, points: weekly([8, 15]) })).toBeNull();
    expect(forecastKeyResult({ ...quarter, points: weekly([8, 15, Number.NaN]) })).toBeNull();
    expect(forecastKeyResult({ ...quarter, targetValue: 0, points: weekly([1, 2, 3]) })).toBeNull();
    expect(forecastKeyResult({ ...quarter, points: weekly([8, 15, 24]) })).not.toBeNull();
  });

  it("calls a KR ahead of its pace likely, with its interval around the expected value", () => {
    const f = forecastKeyResult({ ...quarter, points: weekly([10, 19, 28, 37, 45, 54]) })!;
    expect(f.likelihood).toBe("likely");
    expect(f.expected).toBeGreaterThan(100);
    expect(f.low).toBeLessThan(f.expected);
    expect(f.high).toBeGreaterThan(f.expected);
    expect(f.basedOn).toBe(6);
    expect(f.horizonDays).toBe(49);
  });

  it("gives a KR exactly on its pace a fair chance, not a promise: paces tend to fade", () => {
    const f = forecastKeyResult({ ...quarter, points: weekly([8, 15, 24, 30, 39, 46]) })!;
    expect(f.probability).toBeGreaterThan(0.15);
    expect(f.probability).toBeLessThan(0.6);
    expect(f.low).toBeLessThan(100);
    expect(f.high).toBeGreaterThan(100);
  });

  it("calls a stalled KR unlikely", () => {
    const f = forecastKeyResult({ ...quarter, points: weekly([5, 6, 5, 7, 6, 6]) })!;
    expect(f.likelihood).toBe("unlikely");
    expect(f.probability).toBeLessThan(0.1);
    expect(f.high).toBeLessThan(100);
  });

  it("reads a KR whose target lies below its start (lower is better) the right way round", () => {
    const falling = { ...quarter, startValue: 40, targetValue: 20 };
    expect(forecastKeyResult({ ...falling, points: weekly([38, 35, 33, 31, 29, 27]) })!.likelihood).toBe(
      "likely",
    );
    expect(forecastKeyResult({ ...falling, points: weekly([41, 39, 40, 41, 40, 42]) })!.likelihood).toBe(
      "unlikely",
    );
  });

  it("weighs the recent pace more than the early one", () => {
    const stalledLately = forecastKeyResult({ ...quarter, points: weekly([12, 25, 38, 40, 40, 41, 41]) })!;
    const steady = forecastKeyResult({ ...quarter, points: weekly([6, 12, 18, 25, 31, 37, 41]) })!;
    expect(stalledLately.expected).toBeLessThan(steady.expected);
  });

  it("gives the same forecast for the same history and seed", () => {
    const input = { ...quarter, points: weekly([9, 13, 24, 27, 40]) };
    expect(forecastKeyResult(input)).toEqual(forecastKeyResult(input));
  });

  it("counts several check-ins on one day as that day's last", () => {
    const f = forecastKeyResult({
      ...quarter,
      points: [
        { day: 7, value: 8 },
        { day: 14.2, value: 90 },
        { day: 14.8, value: 15 },
        { day: 21, value: 23 },
      ],
    })!;
    expect(f.basedOn).toBe(3);
    expect(f.expected).toBeLessThan(100);
  });

  it("at the cycle's end says whether the latest value reached the target", () => {
    const done = forecastKeyResult({
      ...quarter,
      points: [...weekly([20, 50, 80]), { day: 91, value: 101 }],
    })!;
    expect(done).toMatchObject({ expected: 101, probability: 1, likelihood: "likely", horizonDays: 0 });
    const missed = forecastKeyResult({
      ...quarter,
      points: [...weekly([20, 50, 80]), { day: 91, value: 95 }],
    })!;
    expect(missed).toMatchObject({ probability: 0, likelihood: "unlikely" });
  });

  it("answers for absurd numbers without breaking", () => {
    const f = forecastKeyResult({ ...quarter, targetValue: 1e300, points: weekly([1e299, -1e299, 5e299]) });
    expect(f === null || Number.isFinite(f.probability)).toBe(true);
  });
});

describe("likelihoodOf", () => {
  it("is likely from 60 %, unlikely below 40 %, uncertain between", () => {
    expect(likelihoodOf(0.6)).toBe("likely");
    expect(likelihoodOf(0.59)).toBe("uncertain");
    expect(likelihoodOf(0.4)).toBe("uncertain");
    expect(likelihoodOf(0.39)).toBe("unlikely");
  });
});

describe("seedFrom", () => {
  it("is stable and differs between texts", () => {
    expect(seedFrom("kr-1")).toBe(seedFrom("kr-1"));
    expect(seedFrom("kr-1")).not.toBe(seedFrom("kr-2"));
  });
});
