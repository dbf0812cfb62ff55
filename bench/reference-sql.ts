/**
 * The SQL building blocks the reference-organisation generator shares between its parts
 * (bench/reference-org.ts and the modules it calls): the database it writes to, how a part
 * runs a timed step, and the expressions that derive ids and "random" choices from
 * sequence numbers, so rows refer to each other without lookups and a run is reproducible.
 */

/** What the generator needs from a database: one session (temp tables live in it). */
export type Sql = { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> };

/** Runs the statements of one named step in order and reports its duration. */
export type Step = (name: string, ...statements: Array<[string, unknown[]?]>) => Promise<void>;

/** SQL for a deterministic v4-shaped UUID from a label and a sequence expression. */
export const uid = (label: string, seq: string) =>
  `overlay(overlay(md5('${label}:' || (${seq})) placing '4' from 13) placing '8' from 17)::uuid`;

/** A hash in [0, n) of a sequence expression and a salt, for "random" choices. */
export const pick = (seq: string, salt: string, n: number) =>
  `(abs(hashtext('${salt}' || (${seq})::text)) % ${n})`;

/** A text[] literal of fixed words, indexed in SQL by a `pick`. */
export const sqlArray = (items: readonly string[]) =>
  `array[${items.map((s) => `'${s.replaceAll("'", "''")}'`).join(", ")}]`;
