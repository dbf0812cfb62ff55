/**
 * One process racing for a data folder's lock (data-folder-lock.test.ts starts several):
 * waits until the agreed moment, tries once, prints "won" or "locked", and keeps what it
 * won until the others have tried.
 */
import { acquireDataFolderLock, DataFolderLockedError } from "../../src/db/data-folder-lock.ts";

const [dir, startAt, holdMs] = process.argv.slice(2);
while (Date.now() < Number(startAt)) {
  // Busy-wait: every contender starts within the same millisecond or so.
}
try {
  acquireDataFolderLock(dir!);
  process.stdout.write("won");
} catch (err) {
  process.stdout.write(err instanceof DataFolderLockedError ? "locked" : `error: ${(err as Error).message}`);
}
setTimeout(() => process.exit(0), Number(holdMs));
