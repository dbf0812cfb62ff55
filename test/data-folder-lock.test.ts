/**
 * The embedded database's folder lock when several processes start at once on a folder
 * whose lock was left behind by a process that died: exactly one of them may take it.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import {
  acquireDataFolderLock,
  DataFolderLockedError,
  processStartTime,
} from "../src/db/data-folder-lock.ts";
import { skipWhen } from "./support/skip.ts";

const contender = path.resolve(import.meta.dirname, "support/lock-contender.ts");

/** A pid that belongs to no running process. */
function deadPid(): number {
  for (let pid = 4_000_000; ; pid--) {
    try {
      process.kill(pid, 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ESRCH") return pid;
    }
  }
}

function race(dir: string, contenders: number): Promise<string[]> {
  // Far enough ahead for every process to have loaded before the agreed moment.
  const startAt = Date.now() + 3000;
  const children = Array.from({ length: contenders }, () =>
    spawn(process.execPath, ["--import", "tsx", contender, dir, String(startAt), "60000"]),
  );
  const results = children.map(
    (child) =>
      new Promise<string>((resolve, reject) => {
        let out = "";
        const take = (d: Buffer) => {
          out += d;
          if (out.includes("\n")) resolve(out.trim());
        };
        child.stdout.on("data", take);
        child.stderr.on("data", take);
        child.on("error", reject);
        child.on("exit", () => resolve(out.trim()));
      }),
  );
  return Promise.all(results).then(async (all) => {
    // Everyone has tried: the winner may now give its lock back, and we wait for that.
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.stdin.end("done\n");
          }),
      ),
    );
    return all;
  });
}

/** A live process that is not Keel: what may get a dead Keel's pid after a kill -9. */
async function withSleeper(run: (pid: number) => void | Promise<void>) {
  const sleeper = spawn("sleep", ["60"], { stdio: "ignore" });
  await new Promise((resolve, reject) => {
    sleeper.once("spawn", resolve);
    sleeper.once("error", reject);
  });
  try {
    await run(sleeper.pid!);
  } finally {
    sleeper.kill("SIGKILL");
  }
}

function lockDir(content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-lock-"));
  fs.writeFileSync(path.join(dir, "keel.lock"), content);
  return dir;
}

const noProc = processStartTime(process.pid) === undefined && "needs /proc for a process's start time";

skipWhen(noProc).describe("a lock whose pid is alive", () => {
  it("records this process's pid and start time", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-lock-"));
    try {
      const release = acquireDataFolderLock(dir);
      const start = fs.readFileSync(`/proc/${process.pid}/stat`, "utf8").split(") ")[1]!.split(" ")[19];
      expect(fs.readFileSync(path.join(dir, "keel.lock"), "utf8")).toBe(`${process.pid} ${start}`);
      release();
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is taken over when that pid now belongs to a process that started at another time", async () => {
    await withSleeper((pid) => {
      const started = Number(processStartTime(pid));
      const dir = lockDir(`${pid} ${started - 1}`);
      try {
        const release = acquireDataFolderLock(dir);
        expect(fs.readFileSync(path.join(dir, "keel.lock"), "utf8")).toBe(
          `${process.pid} ${processStartTime(process.pid)}`,
        );
        release();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it("is respected when that process started at the time recorded", async () => {
    await withSleeper((pid) => {
      const dir = lockDir(`${pid} ${processStartTime(pid)}`);
      try {
        let refused: unknown;
        try {
          acquireDataFolderLock(dir);
        } catch (err) {
          refused = err;
        }
        expect(refused).toBeInstanceOf(DataFolderLockedError);
        expect((refused as DataFolderLockedError).pid).toBe(pid);
        expect(fs.readFileSync(path.join(dir, "keel.lock"), "utf8")).toBe(`${pid} ${processStartTime(pid)}`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it("is respected on the pid alone where /proc cannot be read, as a lock from an older Keel is", async () => {
    const readFileSync = fs.readFileSync;
    const spy = vi.spyOn(fs, "readFileSync").mockImplementation(((
      p: fs.PathOrFileDescriptor,
      ...rest: []
    ) => {
      if (String(p).startsWith("/proc/")) {
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: "ENOENT" });
      }
      return readFileSync(p, ...rest);
    }) as typeof fs.readFileSync);
    try {
      await withSleeper((pid) => {
        for (const content of [`${pid} 1`, String(pid)]) {
          const dir = lockDir(content);
          try {
            expect(() => acquireDataFolderLock(dir)).toThrow(DataFolderLockedError);
          } finally {
            fs.rmSync(dir, { recursive: true, force: true });
          }
        }
        // And this process writes its pid alone.
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-lock-"));
        try {
          const release = acquireDataFolderLock(dir);
          expect(readFileSync(path.join(dir, "keel.lock"), "utf8")).toBe(String(process.pid));
          release();
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      });
    } finally {
      spy.mockRestore();
    }
  });
});

describe("a stale data-folder lock", () => {
  it("is not taken from a process that took it over first, between our look at it and our move", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-lock-"));
    const file = path.join(dir, "keel.lock");
    const readFileSync = fs.readFileSync;
    const writeFileSync = fs.writeFileSync;
    // A live process that is not us stands in for the other Keel.
    const other = String(process.ppid);
    let interfered = false;
    const spy = vi.spyOn(fs, "readFileSync").mockImplementation(((
      p: fs.PathOrFileDescriptor,
      ...rest: []
    ) => {
      const content = readFileSync(p, ...rest);
      if (!interfered && p === file) {
        // Right after we read the stale lock, the other process removes it and takes the lock.
        interfered = true;
        fs.rmSync(file);
        writeFileSync(file, other, { flag: "wx" });
      }
      return content;
    }) as typeof fs.readFileSync);
    try {
      writeFileSync(file, String(deadPid()));
      expect(() => acquireDataFolderLock(dir)).toThrow(DataFolderLockedError);
      expect(interfered).toBe(true);
      expect(readFileSync(file, "utf8")).toBe(other);
      expect(fs.readdirSync(dir)).toEqual(["keel.lock"]);
    } finally {
      spy.mockRestore();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is taken over by exactly one of several processes starting at once", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-lock-"));
    try {
      fs.writeFileSync(path.join(dir, "keel.lock"), String(deadPid()));
      const results = await race(dir, 8);
      expect(
        results.filter((r) => r === "won"),
        JSON.stringify(results),
      ).toHaveLength(1);
      expect(
        results.filter((r) => r === "locked"),
        JSON.stringify(results),
      ).toHaveLength(7);
      // Nothing is left lying around: the winner removed its lock on exit.
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
