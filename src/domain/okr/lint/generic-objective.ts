import { lexicon } from "./lexicon.ts";
import { FUNCTION_WORDS, NUMBER_SOURCE, normalise, wordsOf } from "./text.ts";
import type { RuleHit } from "./types.ts";

/**
 * Generic Objective: so broad that any team could sign it any year ("Improve quality",
 * "Be the best team"). Cue: once the broad verbs (improve, grow, be), the praise words
 * (best, great, world-class) and the names of whole areas (quality, customers,
 * efficiency, brand) are set aside, nothing is left: no number, no name (a place, a
 * product, a day), no specific thing, group or moment. Any one specific word is enough
 * to pass, so the rule errs towards silence.
 *
 * A word counts as broad in any of its forms, not only as listed: a word that shares its
 * stem with a broad word ("improvement", "continuously", "high-performing", "engaging",
 * "supporters"), a closed compound of two broad words ("marketplace", "healthcare") and a
 * buzzword compound whose first half is broad and second half a participle or a stock
 * head ("customer-obsessed", "people-first", "data-led"). Question words and prepositions
 * ("how we work together", "between teams") carry no topic either.
 */

export const GENERIC_OBJECTIVE = "generic-objective" as const;

const BROAD_VERB_SOURCE = `
  improve improving increase grow growing boost enhance strengthen optimise modernise drive
  deliver be become make build create achieve ensure maximise foster promote support develop
  transform advance elevate empower raise expand embrace focus continue get have do keep take
  reduce lower cut better upgrade accelerate scale lead win provide offer invest put go stay
  remain bring add unlock innovate streamline simplify evolve reach pursue serve champion
  nurture cultivate deepen broaden revolutionise reinvent rethink harness leverage enable
  inspire engage delight exceed maintain sustain secure protect digitise reimagine redefine
  refresh revamp overhaul perform unleash realise realize fulfil fulfill strive attract retain embed
  shape delight set aim aspire commit establish instil instill celebrate uphold reinforce work count
  know known`;
const BROAD_VERBS = lexicon(BROAD_VERB_SOURCE);

const PRAISE_SOURCE = `
  best great greater greatest good better excellent excellence outstanding exceptional amazing
  awesome superior world class leading leader top high higher highest overall general centric
   focused driven efficient effective innovative strong stronger happy happier
  satisfied trusted reliable modern successful success sustainable real true whole everything
  things thing ever always possible next level more most less even further truly really matter
  matters difference positive meaningful impactful key core future new first choice ready fit
  agile lean smart smarter premier preferred seamless frictionless excellent exciting
  expectations standard class-leading industry-leading best-in-class robust holistic
  competitive resilient scalable inclusive diverse engaged motivated empowered productive
  efficiently effectively love loved loving like proud internal external everyday daily various overall
  full fully total entire complete fun memorable safe safer healthy healthier continuous constant
  heart forefront cutting edge obsessed easy easier simple simpler version responsible
  responsibly hard harder long term way bar standard force hearts minds foundation foundations above
  beyond interaction interactions day days time`;
const PRAISE_WORDS = lexicon(PRAISE_SOURCE);

// Names of whole areas of work or whole groups of people: none picks a focus.
const AREA_SOURCE = `
  business businesses company organisation firm team teams teamwork department partner partners
  partnership place work workplace employer retailer provider supplier bank school hospital
  council town city market markets industry sector world revenue sales growth profit
  profitability quality efficiency effectiveness productivity performance satisfaction
  experience experiences engagement happiness loyalty customer customers client clients user
  users patient patients student students pupil pupils employee employees staff people member
  members citizen citizens stakeholder stakeholders shareholder shareholders community culture
  collaboration communication communications innovation brand reputation presence digital
  online safety security care service services public value values strategy strategic vision
  mission goals objectives operations operational operating process processes product products
  outcomes results impact education learning teaching technology tech systems system code
  software data it information standards skills capabilities capability health wellbeing well
  being environment sustainability compliance risk risks cost costs finances financial support
  delivery execution offering offerings portfolio solutions efficiencies relationships
  relationship trust transparency accountability ownership scale way ways everyone all life
  lives society planet guests visitors shoppers consumers buyers residents tenants donors
  volunteers suppliers readers learners marketing finance logistics hr admin administration
  organisational retention acquisition conversion nation country region area areas resilience agility scalability
  diversity inclusion equity morale competitiveness transformation digitalisation automation
  mindset practices practice capacity leadership talent workforce visibility awareness
  footprint position positioning image perception relations partnerships alignment synergy
  synergies coordination cooperation governance output margins savings spending expenses
  infrastructure platform platforms tools workflows workflow reliability stability privacy
  focus approach operations excellence agenda priorities potential journey model
  research science engineering design maintenance manufacturing production fundraising nursing
  medicine procurement supply chain legal clinical medical academic commercial technical
  scientific creative professional corporate social economic human personal players player fans
  audience audiences subscribers viewers passengers travellers patrons families supporters
  projects project waste budget budgets`;
const BROAD_AREAS = lexicon(AREA_SOURCE);
const FUNCTION_EXTRA = new Set(
  "not how what where when why who whom which whose together between among through around towards toward here there both again ever let let's ourselves itself everything everybody".split(
    " ",
  ),
);

// Suffixes a word of the same stem may carry, longest first; the stem keeps 4 letters or more.
const SUFFIXES = [
  "ationally",
  "ational",
  "ations",
  "ation",
  "ments",
  "ment",
  "ions",
  "ion",
  "ances",
  "ance",
  "ences",
  "ence",
  "ities",
  "ity",
  "ness",
  "ously",
  "ous",
  "ively",
  "ive",
  "ingly",
  "ings",
  "ing",
  "edly",
  "ed",
  "ably",
  "able",
  "ibly",
  "ible",
  "ally",
  "al",
  "ly",
  "ies",
  "es",
  "s",
  "y",
  "e",
];

/** A crude stem: one suffix off, then a final "e" ("improvement" → "improv", "continuous" → "continu"). */
export function stemOf(word: string): string {
  let stem = word;
  for (const suffix of SUFFIXES) {
    if (
      stem.endsWith(suffix) &&
      stem.length - suffix.length >= 4 &&
      !(suffix === "s" && stem.endsWith("ss"))
    ) {
      stem = stem.slice(0, -suffix.length);
      break;
    }
  }
  return stem.length > 4 && stem.endsWith("e") ? stem.slice(0, -1) : stem;
}

const LISTED_WORDS = [BROAD_VERBS, PRAISE_WORDS, BROAD_AREAS];

const listed = (word: string) => LISTED_WORDS.some((l) => l.has(word));

const LISTED_SOURCE = [BROAD_VERB_SOURCE, PRAISE_SOURCE, AREA_SOURCE]
  .join(" ")
  .split(/\s+/)
  .filter((w) => w.length > 0);

// Stems of every listed word: one stem is broad in all its forms.
const BROAD_STEMS = new Set(LISTED_SOURCE.map(stemOf));

// Exact words only for the halves of a compound (a typo-forgiving lookup per cut would cost more than the rest).
const LISTED_EXACT = new Set(LISTED_SOURCE);

/** "marketplace", "healthcare": two broad words of 4 letters or more written as one. */
function broadCompound(word: string): boolean {
  for (let cut = 4; cut <= word.length - 4; cut += 1) {
    if (LISTED_EXACT.has(word.slice(0, cut)) && LISTED_EXACT.has(word.slice(cut))) return true;
  }
  return false;
}

const isBroad = (word: string) =>
  FUNCTION_WORDS.has(word) ||
  FUNCTION_EXTRA.has(word) ||
  listed(word) ||
  BROAD_STEMS.has(stemOf(word)) ||
  broadCompound(word);

// Heads of stock buzzword compounds ("people-first", "data-led", "best-in-class").
const STOCK_HEADS =
  /^(?:first|led|centric|centred|centered|class|proof|ready|focused|oriented|based|friendly|facing|wide|level|minded)$/;

/**
 * Hyphenated buzzwords as one broad word: a broad first half and a participle or stock
 * head after it ("customer-obsessed", "future-proof"). Other hyphenated words are left
 * for the word test ("night-shift", "first-time": "night" and "time" decide).
 */
function withoutBuzzCompounds(text: string): string {
  return text.replace(/\b([a-z]+)-([a-z]+)\b/g, (whole, first: string, head: string) =>
    isBroad(first) && (STOCK_HEADS.test(head) || /(?:ed|ing)$/.test(head)) ? "best" : whole,
  );
}

const ANY_NUMBER = new RegExp(NUMBER_SOURCE);
// Length alone says nothing about focus once every word is broad; past this, a title is a paragraph.
const MAX_WORDS = 16;

const MESSAGE =
  "This Objective is so broad that any team could sign it any year, so it gives no focus. " +
  "Pick the one aspect that matters most this cycle and name it, with who benefits (e.g. a customer group, a place or a process).";

/** Capitalised words inside the title that are not broad words: names of places, products, days. */
function hasName(title: string): boolean {
  return title
    .split(/\s+/)
    .slice(1)
    .some((word) => {
      const plain = word.replace(/[^A-Za-z0-9]/g, "");
      return /^[A-Z]/.test(plain) && !isBroad(plain.toLowerCase());
    });
}

export function genericObjective(title: string): RuleHit | null {
  const text = normalise(title);
  if (ANY_NUMBER.test(text) || hasName(title)) return null;
  const words = wordsOf(withoutBuzzCompounds(text));
  if (words.length === 0 || words.length > MAX_WORDS) return null;
  if (!words.every(isBroad)) return null;
  return {
    message: MESSAGE,
    fix: {
      kind: "rewrite",
      suggestion:
        "Name one aspect and who benefits, e.g. 'Make returns effortless for our Berlin customers'.",
    },
  };
}
