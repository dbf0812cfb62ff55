import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * PGlite is a single process over a plain folder: a second process opening the same
 * folder corrupts it. Whoever opens the embedded database first writes its pid into
 * keel.lock, with the moment the process started ("<pid> <start>"); others refuse while
 * that process lives. A lock left by a dead process is taken over, and so is one whose
 * pid now belongs to a process that started at another moment: after a kill -9 the pid
 * is free for any process, and an unrelated one that got it must not keep Keel from
 * starting. Node has no flock, and a native addon for one is not worth its build.
 */
export class DataFolderLockedError extends Error {
  constructor(
    readonly pid: number,
    readonly dataDir: string,
  ) {
    super(
      `Keel (pid ${pid}) is running on ${dataDir} and holds its embedded database. ` +
        "Stop it first, or do this through the running server (web app or API).",
    );
  }
}

export function lockPath(dataDir: string) {
  return path.join(dataDir, "keel.lock");
}

/**
 * When a process started, in clock ticks since boot: field 22 of /proc/<pid>/stat. The
 * second field (the command name, in parentheses) may hold spaces and parentheses, so
 * fields are counted after its last ")". Undefined where there is no /proc (macOS) or
 * it cannot be read: the lock then falls back to the pid alone.
 */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const start = fields[22 - 3];
    return start && /^\d+$/.test(start) ? start : undefined;
  } catch {
    return undefined;
  }
}

/** What this process writes into the lock. */
function ownLockContent(): string {
  const start = processStartTime(process.pid);
  return start === undefined ? String(process.pid) : `${process.pid} ${start}`;
}

/**
 * Whether the lock's content names a process that still holds it: alive, and (when the
 * lock recorded its start and /proc can tell) started at the moment recorded.
 */
function heldBy(content: string): number | null {
  const match = /^(\d+)(?: (\d+))?$/.exec(content.trim());
  if (!match) return null;
  const pid = Number(match[1]);
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || !alive(pid)) return null;
  const recorded = match[2];
  if (recorded === undefined) return pid;
  const current = processStartTime(pid);
  // Another process got the pid after the holder died.
  if (current !== undefined && current !== recorded) return null;
  return pid;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock or throws DataFolderLockedError; returns the release function. */
export function acquireDataFolderLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = lockPath(dataDir);
  let emptyReads = 0;
  const own = ownLockContent();
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      fs.writeFileSync(file, own, { flag: "wx" });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const content = readIfExists(file);
      if (content === undefined) continue; // just moved aside by another process: try again
      if (content === "" && ++emptyReads < 4) {
        // Created but not yet written (wx opens, then writes): give its writer a moment.
        sleepSync(25);
        continue;
      }
      const holder = heldBy(content);
      if (holder !== null) throw new DataFolderLockedError(holder, dataDir);
      moveStaleLockAside(file, content);
      continue;
    }
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      try {
        if (fs.readFileSync(file, "utf8") === own) fs.unlinkSync(file);
      } catch {
        // already gone
      }
    };
    process.once("exit", release);
    return release;
  }
  throw new Error(`Could not take the lock ${file}`);
}

function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

/**
 * Removes a stale lock so that the next `wx` write decides who gets it. Deleting it by
 * name would race: two processes that both saw the stale lock could each delete it,
 * the second deleting the lock the first had just written, and both would win. A
 * rename to a name of our own moves exactly one file, and only one process can move
 * it; if what we moved is not the stale lock we looked at (someone took over in
 * between), it goes back where it was.
 */
function moveStaleLockAside(file: string, staleContent: string) {
  const aside = `${file}.stale-${process.pid}-${randomBytes(6).toString("hex")}`;
  try {
    fs.renameSync(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return; // another process moved it
    throw err;
  }
  if (readIfExists(aside) !== staleContent) {
    try {
      fs.linkSync(aside, file); // fails if yet another lock appeared meanwhile: that one stands
    } catch {
      // leave the newer lock in place
    }
  }
  fs.rmSync(aside, { force: true });
}
