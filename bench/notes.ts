/**
 * Throughput of the check-in note analyzer (src/domain/okr/notes): notes per second on
 * one core over a generated corpus of distinct notes (no two equal, so nothing can be
 * answered from a cache).
 *   node --import tsx bench/notes.ts [--notes 100000]
 *   npm run bench -- notes
 */
import { analyzeNote } from "../src/domain/okr/notes/analyze-note.ts";
import { benchNote } from "./lib/bench-notes.ts";

const arg = process.argv.indexOf("--notes");
const count = arg > 0 ? Number(process.argv[arg + 1]) : 100_000;

const notes = Array.from({ length: count }, (_, i) => benchNote(i));
const distinct = new Set(notes).size;
const chars = notes.reduce((sum, n) => sum + n.length, 0);
for (let i = 0; i < 2_000; i++) analyzeNote(notes[i]!); // warm up the JIT

let blockers = 0;
const started = process.hrtime.bigint();
for (const n of notes) blockers += analyzeNote(n).blockers.length;
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

console.log(`notes: ${count} (${distinct} distinct), average ${Math.round(chars / count)} characters`);
console.log(`blockers found: ${blockers}`);
console.log(`time: ${seconds.toFixed(2)} s → ${Math.round(count / seconds).toLocaleString("en")} notes/s`);
