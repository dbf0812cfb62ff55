/**
 * Distinct generated check-in notes for the benchmarks (bench/notes.ts, bench/notes-backfill.ts):
 * no two equal, so nothing can be answered from a cache; about one in fifty is long.
 */
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

export function benchNote(i: number): string {
  const parts = 1 + (i % 5);
  // The check-in number makes every note distinct; the rest varies with it.
  let text = `Check-in ${i + 1}: `;
  for (let k = 0; k < parts; k++) text += `${fragments[(i * 7 + k * 3) % fragments.length]!(i + k)} `;
  return i % 50 === 0 ? `${text}${"Lots of detail on the rollout. ".repeat(i % 200)}` : text.trim();
}
