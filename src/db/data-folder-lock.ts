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
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
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
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number(fs.readFileSync(file, "utf8"));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new DataFolderLockedError(pid, dataDir);
      }
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}
