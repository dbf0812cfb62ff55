/**
 * One process racing for a data folder's lock (data-folder-lock.test.ts starts several):
 * waits until the agreed moment, tries once, prints "won" or "locked", and keeps what it
 * won until the test says every contender has tried (a line on stdin), so a contender
 * that loaded late on a busy machine never finds the lock already given back.
 */
import { acquireDataFolderLock, DataFolderLockedError } from "../../src/db/data-folder-lock.ts";

const [dir, startAt, holdMs] = process.argv.slice(2);
while (Date.now() < Number(startAt)) {
  // Busy-wait: every contender starts within the same millisecond or so.
}
try {
  acquireDataFolderLock(dir!);
  process.stdout.write("won\n");
} catch (err) {
  process.stdout.write(
    err instanceof DataFolderLockedError ? "locked\n" : `error: ${(err as Error).message}\n`,
  );
}
process.stdin.once("data", () => process.exit(0));
// Never outlive a test that stopped listening.
setTimeout(() => process.exit(0), Number(holdMs));
