/**
 * Rows per INSERT when seeding: far below PostgreSQL's 65,535 bind parameters for every
 * table the demo writes, and few enough statements for thousands of rows.
 */
export const SEED_BATCH_ROWS = 1000;

/** Writes `rows` in batches of SEED_BATCH_ROWS, one statement each, in order. */
export async function inBatches<T>(
  rows: readonly T[],
  write: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += SEED_BATCH_ROWS) await write(rows.slice(i, i + SEED_BATCH_ROWS));
}
