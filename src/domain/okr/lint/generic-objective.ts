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
 */

export const GENERIC_OBJECTIVE = "generic-objective" as const;

const BROAD_VERBS = lexicon(`
  improve improving increase grow growing boost enhance strengthen optimise modernise drive
  deliver be become make build create achieve ensure maximise foster promote support develop
  transform advance elevate empower raise expand embrace focus continue get have do keep take
  reduce lower cut better upgrade accelerate scale lead win provide offer invest put go stay
  remain bring add unlock innovate streamline simplify evolve reach pursue serve champion
  nurture cultivate deepen broaden revolutionise reinvent rethink harness leverage enable
  inspire engage delight exceed maintain sustain secure protect digitise reimagine redefine
  refresh revamp overhaul`);

const PRAISE_WORDS = lexicon(`
  best great greater greatest good better excellent excellence outstanding exceptional amazing
  awesome superior world class leading leader top high higher highest overall general centric
  centred centered focused driven efficient effective innovative strong stronger happy happier
  satisfied trusted reliable modern successful success sustainable real true whole everything
  things thing ever always possible next level more most less even further truly really matter
  matters difference positive meaningful impactful key core future new first choice ready fit
  agile lean smart smarter premier preferred seamless frictionless excellent exciting
  expectations standard class-leading industry-leading best-in-class robust holistic
  competitive resilient scalable inclusive diverse engaged motivated empowered productive
  efficiently effectively love loved loving like proud internal external everyday daily various overall`);

// Names of whole areas of work or whole groups of people: none picks a focus.
const BROAD_AREAS = lexicon(`
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
  focus approach operations excellence agenda priorities potential journey model`);

const isBroad = (word: string) =>
  FUNCTION_WORDS.has(word) || BROAD_VERBS.has(word) || PRAISE_WORDS.has(word) || BROAD_AREAS.has(word);

const ANY_NUMBER = new RegExp(NUMBER_SOURCE);
const MAX_WORDS = 9;

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
  const words = wordsOf(text);
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
