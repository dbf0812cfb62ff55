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

/**
 * Creates `file` holding `content`, or fails with EEXIST, in one step: the content is
 * written to a file of our own and hard-linked into place, so nobody ever reads a lock
 * that exists but is still empty (a slow writer on a busy machine once looked stale).
 */
function createWith(file: string, content: string): boolean {
  const own = `${file}.new-${process.pid}-${randomBytes(6).toString("hex")}`;
  fs.writeFileSync(own, content, { flag: "wx" });
  try {
    fs.linkSync(own, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  } finally {
    fs.rmSync(own, { force: true });
  }
}

/** Takes the lock or throws DataFolderLockedError; returns the release function. */
export function acquireDataFolderLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = lockPath(dataDir);
  const own = ownLockContent();
  for (let attempt = 0; attempt < 50; attempt++) {
    if (!createWith(file, own)) {
      const content = readIfExists(file);
      if (content === undefined) continue; // removed by the process that took it over: try again
      const holder = heldBy(content);
      if (holder !== null) throw new DataFolderLockedError(holder, dataDir);
      takeOverStaleLock(file, content, own);
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

/**
 * Removes a lock left by a dead process, so that the next create decides who gets it.
 * Several processes may see the same stale lock at once; if each removed it, a late one
 * could remove the lock an early one had just taken, and both would run. So removing it
 * takes a second lock first (`keel.lock.takeover`, created the same exclusive way): only
 * its holder looks again and removes the stale lock, and nobody else ever removes a lock
 * they do not hold. The others wait a moment and look again.
 */
function takeOverStaleLock(file: string, staleContent: string, own: string) {
  const takeover = `${file}.takeover`;
  if (!createWith(takeover, own)) {
    const content = readIfExists(takeover);
    // Its holder died while taking over: clear it the careful way (rename, then check).
    if (content !== undefined && heldBy(content) === null) moveAsideIfUnchanged(takeover, content);
    else sleepSync(10);
    return;
  }
  try {
    if (readIfExists(file) === staleContent) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(takeover, { force: true });
  }
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
 * Removes a stale takeover lock. Deleting it by name would race (a second process could
 * delete the one the first had just created); a rename to a name of our own moves exactly
 * one file, and if it is not the one we looked at, it goes back where it was.
 */
function moveAsideIfUnchanged(file: string, staleContent: string) {
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
