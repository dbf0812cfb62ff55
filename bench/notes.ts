/**
 * Throughput of the check-in note analyzer (src/domain/okr/notes): notes per second on
 * one core over a generated corpus of distinct notes (no two equal, so nothing can be
 * answered from a cache).
 *   node --import tsx bench/notes.ts [--notes 100000]
 *   npm run bench -- notes
 */
import { analyzeNote } from "../src/domain/okr/notes/analyze-note.ts";

const arg = process.argv.indexOf("--notes");
const count = arg > 0 ? Number(process.argv[arg + 1]) : 100_000;

const teams = [
  "legal",
  "procurement",
  "the vendor",
  "IT",
  "the council",
  "finance",
  "HR",
  "the carrier",
  "ops",
];
const people = ["Marco", "Aisha", "Jan", "Priya", "Sam", "Lena", "Tom", "Petra", "Kai"];
const fragments: ((i: number) => string)[] = [
  (i) => `Still waiting on ${teams[i % teams.length]} for the sign-off (${i % 17} days now).`,
  (i) => `Conversion up to ${(i % 90) + 5}.${i % 10}% this week, ${i % 7} new customers.`,
  (i) => `No blockers, ${i % 12} of 12 routes re-planned.`,
  (i) => `${people[i % people.length]} is out until the ${(i % 28) + 1}th and owns the migration.`,
  (i) => `We were blocked by ${teams[(i + 3) % teams.length]} on ticket ${i}, sorted now.`,
  (i) => `Our ticket is at position ${i % 97} in their queue.`,
  (i) => `- shipped release ${i % 40}.${i % 9}\n- next: onboarding flow\n- risk: supplier may not deliver`,
  (i) => `Good week! Team trained, ${i % 50} stores live, confidence ${i % 10}/10.`,
  (i) => `If ${teams[(i + 5) % teams.length]} doesn't approve by the ${(i % 27) + 1}th we slip a sprint.`,
  (i) => `The build server has been down since ${["Monday", "Tuesday", "Friday"][i % 3]} (${i} failed jobs).`,
];

function note(i: number): string {
  const parts = 1 + (i % 5);
  // The check-in number makes every note distinct; the rest varies with it.
  let text = `Check-in ${i + 1}: `;
  for (let k = 0; k < parts; k++) text += `${fragments[(i * 7 + k * 3) % fragments.length]!(i + k)} `;
  return i % 50 === 0 ? `${text}${"Lots of detail on the rollout. ".repeat(i % 200)}` : text.trim();
}

const notes = Array.from({ length: count }, (_, i) => note(i));
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
