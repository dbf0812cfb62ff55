/**
 * Text helpers for the wording rules: one normal form (lower case, plain quotes and
 * arrows, number words as digits, "per cent" as "%") so each rule matches a single
 * spelling, and a number reader that understands "3.4k", "1,900", "€1.2m" and "95 %".
 */

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6 };

const NUMBER_WORD = `(?:${[...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES)].join("|")})`;
// A run of number words: "ninety-five", "one hundred and twenty", "three thousand".
const NUMBER_WORDS_RUN = new RegExp(`\\b${NUMBER_WORD}(?:(?:[\\s-]+|\\s+and\\s+)${NUMBER_WORD})*\\b`, "g");

function wordsToNumber(run: string): number {
  let total = 0;
  let current = 0;
  for (const word of run.split(/[\s-]+/)) {
    if (word === "and") continue;
    if (word in UNITS) current += UNITS[word] ?? 0;
    else if (word in TENS) current += TENS[word] ?? 0;
    else if (word === "hundred") current = (current || 1) * 100;
    else {
      total += (current || 1) * (SCALES[word] ?? 1);
      current = 0;
    }
  }
  return total + current;
}

/** Lower case, plain punctuation, digits for number words, "%" for percent. */
export function normalise(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[\u2018\u2019\u00b4`]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/[\u2013\u2014]/g, " - ")
      .replace(/\s*(?:\u2192|->|=>|\u27f6)\s*/g, " to ")
      .replace(/\u2265|>=/g, " at least ")
      .replace(/\u2264|<=/g, " at most ")
      .replace(/[\u00a0\u202f]/g, " ")
      // A lone "one" is mostly a pronoun ("the one commuters rely on"), so it stays a word.
      .replace(NUMBER_WORDS_RUN, (run) => (run === "one" ? run : String(wordsToNumber(run))))
      .replace(/\s*\b(?:per ?cent|pct|percent)\b/g, "%")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** One number as written in normalised text: "1,900", "3.4k", "€1.2m", "95 %", "0.5". */
export const NUMBER_SOURCE =
  "(?<![a-z0-9.:])[-+]?[€$£]?\\s?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?![:\\d])(?:\\s?(?:k|m|bn|mn)\\b)?\\s?%?";

const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9 };

/** The value of a string matched by NUMBER_SOURCE. */
export function parseNumber(written: string): number {
  const match = /(\d[\d,]*(?:\.\d+)?)\s?(k|m|bn|mn)?/.exec(written);
  if (!match) return Number.NaN;
  const value = Number((match[1] ?? "").replace(/,/g, ""));
  return value * (SUFFIX[match[2] ?? ""] ?? 1);
}

const ANY_NUMBER = new RegExp(NUMBER_SOURCE, "g");

/** Every number in normalised text, in order. */
export function numbersIn(normalised: string): number[] {
  return [...normalised.matchAll(ANY_NUMBER)].map((m) => parseNumber(m[0]));
}

/** Words of normalised text, hyphenated words split ("customer-centric" → two words). */
export function wordsOf(normalised: string): string[] {
  return normalised.split(/[^a-z0-9'&#*]+/).filter((w) => w.length > 0);
}

/** Same number, forgiving float noise and rounding a person does ("99.90" vs 99.9). */
export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Words that carry no topic: articles, pronouns, prepositions, auxiliaries. */
export const FUNCTION_WORDS = new Set(
  (
    "a an the of to for in on at by with from into onto over under than and or but as " +
    "our we us my your their they them its it's it this that these those all every each " +
    "is are be being been was were will shall can could should would do does did done " +
    "so very more most much many some any also just only really per vs via about across " +
    "up out off within without"
  ).split(" "),
);
