import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * PGlite is a single process over a plain folder: a second process opening the same
 * folder corrupts it. Whoever opens the embedded database first writes its pid into
 * keel.lock; others refuse while that process lives. A lock left by a dead process is
 * taken over.
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
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const content = readIfExists(file);
      if (content === undefined) continue; // just moved aside by another process: try again
      if (content === "" && ++emptyReads < 4) {
        // Created but not yet written (wx opens, then writes): give its writer a moment.
        sleepSync(25);
        continue;
      }
      const pid = Number(content);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new DataFolderLockedError(pid, dataDir);
      }
      moveStaleLockAside(file, content);
      continue;
    }
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      try {
        if (fs.readFileSync(file, "utf8") === String(process.pid)) fs.unlinkSync(file);
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
