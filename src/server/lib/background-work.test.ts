import { describe, expect, it } from "vitest";
import { createBackgroundWork } from "./background-work.ts";

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("background work", () => {
  it("drains at once when nothing is in flight", async () => {
    const work = createBackgroundWork();
    await work.drain();
    expect(work.pending).toBe(0);
  });

  it("drains only once every tracked piece has settled", async () => {
    const work = createBackgroundWork();
    const first = deferred();
    const second = deferred();
    work.track(first.promise);
    work.track(second.promise);
    let drained = false;
    const draining = work.drain().then(() => {
      drained = true;
    });
    first.resolve();
    await first.promise;
    await Promise.resolve();
    expect(drained).toBe(false);
    expect(work.pending).toBe(1);
    second.resolve();
    await draining;
    expect(work.pending).toBe(0);
  });

  it("waits for work tracked while it drains", async () => {
    const work = createBackgroundWork();
    const first = deferred();
    const later = deferred();
    work.track(first.promise);
    const draining = work.drain();
    first.promise.then(() => work.track(later.promise));
    first.resolve();
    await first.promise;
    expect(work.pending).toBe(1);
    let drained = false;
    void draining.then(() => {
      drained = true;
    });
    await Promise.resolve();
    expect(drained).toBe(false);
    later.resolve();
    await draining;
    expect(work.pending).toBe(0);
  });

  it("stops tracking work that fails, and the drain does not fail with it", async () => {
    const work = createBackgroundWork();
    const failing = deferred();
    const handled = failing.promise.catch(() => "logged by its owner");
    work.track(failing.promise);
    failing.reject(new Error("database gone"));
    await expect(work.drain()).resolves.toBeUndefined();
    expect(await handled).toBe("logged by its owner");
    expect(work.pending).toBe(0);
  });
});
