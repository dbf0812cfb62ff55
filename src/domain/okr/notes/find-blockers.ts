/**
 * Finds the blocker cues in one sentence, with negation scoped to the clause and
 * resolution scoped to the sentence (see blocker-cues.ts for the cues themselves).
 */
import {
  type BlockerCue,
  CHOICE,
  CLAUSE_BREAK,
  CUE_PATTERNS,
  DECISION_VERB,
  METRIC_AFTER,
  NEGATED_AFTER,
  NEGATOR,
  OWN_SUBJECT,
  PROSPECTIVE,
  RESOLUTION,
  WRITER_AGENT,
} from "./blocker-cues.ts";

// How far back (characters) a negator or the writer as subject is looked for.
const LOOK_BACK = 48;
// Negation reaches this many words before a cue ("nothing is waiting on", "I don't think we're blocked").
const NEGATION_WORDS = 4;
// Cues whose match mentions hearing or being told are about others even with "we" as subject.
const ABOUT_OTHERS = /heard|received|been|told|got/;
// A follow-up sentence that closes the previous one: "That's sorted now."
const FOLLOW_UP = /^(?:that'?s|that is|this is|it'?s|it is|now|all|both)\b/;
// The same clause boundaries without the global flag, for a stateless test.
const ANY_CLAUSE_BREAK = new RegExp(CLAUSE_BREAK.source);

/** Lower case with straight apostrophes: the form every pattern is written for. */
export function normalise(sentence: string): string {
  return sentence.toLowerCase().replace(/[’‘`´]/g, "'");
}

/** The text of the clause before `at`, limited to LOOK_BACK characters. */
function clauseBefore(text: string, at: number): string {
  const from = Math.max(0, at - LOOK_BACK);
  const window = text.slice(from, at);
  CLAUSE_BREAK.lastIndex = 0;
  let start = 0;
  for (let m = CLAUSE_BREAK.exec(window); m; m = CLAUSE_BREAK.exec(window)) start = m.index + m[0].length;
  return window.slice(start);
}

/** The last few words of the clause before `at`. */
function wordsBefore(text: string, at: number, count: number): string {
  const words = clauseBefore(text, at).trim().split(/\s+/);
  return words.slice(-count).join(" ");
}

function negatedBefore(text: string, at: number): boolean {
  return NEGATOR.test(wordsBefore(text, at, NEGATION_WORDS));
}

// Characters after a cue inspected for a denial ("Blockers: none") or a metric ("delays down to 3").
const LOOK_AHEAD = 40;

/** Start positions of the resolution cues in the sentence that are not themselves negated. */
function resolutionsIn(text: string): number[] {
  const found: number[] = [];
  RESOLUTION.lastIndex = 0;
  for (let m = RESOLUTION.exec(text); m; m = RESOLUTION.exec(text)) {
    const negatesItself = m[0].startsWith("no") || m[0].startsWith("not") || m[0].startsWith("won't");
    if (negatesItself) {
      found.push(m.index);
      continue;
    }
    if (NEGATOR.test(wordsBefore(text, m.index, 3))) continue;
    if (!PROSPECTIVE.test(wordsBefore(text, m.index, NEGATION_WORDS))) found.push(m.index);
  }
  return found;
}

/** The writer decided it: "we paused …", "we put the pilot on hold" (the clause's verb or the cue's own). */
function writerDecided(clause: string, match: string): boolean {
  if (!WRITER_AGENT.test(clause)) return false;
  const verb = clause.trim().split(/\s+/)[1] ?? match.split(/\s+/)[0] ?? "";
  return DECISION_VERB.test(verb);
}

export interface SentenceReading {
  cue: BlockerCue | null;
  resolves: boolean;
  closesPrevious: boolean;
  /** The sentence answers a question with no ("Blocked? No, just slow."). */
  deniesQuestion: boolean;
}

const DENIAL = /^(?:no|nope|not really|none|not at all)\b/;

export function readSentence(sentence: string): SentenceReading {
  const text = normalise(sentence);
  const resolutions = resolutionsIn(text);
  let found: BlockerCue | null = null;
  const choice = CHOICE.test(text);
  for (const { cue, pattern, negatable, ownExempt, agentExempt } of CUE_PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const at = m.index;
      // A pattern that matched nothing must still move on (no endless loop on an empty match).
      if (m[0].length === 0) pattern.lastIndex++;
      if (negatable && negatedBefore(text, at)) continue;
      const end = at + m[0].length;
      const after = text.slice(end, end + LOOK_AHEAD);
      if (negatable && (NEGATED_AFTER.test(after) || METRIC_AFTER.test(after))) continue;
      if (ownExempt && !ABOUT_OTHERS.test(m[0]) && OWN_SUBJECT.test(text.slice(Math.max(0, at - 24), at))) {
        continue;
      }
      if (agentExempt && (choice || writerDecided(clauseBefore(text, at), m[0]))) continue;
      // A resolution later in the sentence, or earlier in the same clause, closes the cue.
      if (resolutions.some((r) => r > at || (r < at && !ANY_CLAUSE_BREAK.test(text.slice(r, at))))) continue;
      found = cue;
      break;
    }
    if (found) break;
  }
  return {
    cue: found,
    resolves: resolutions.length > 0,
    closesPrevious: found === null && resolutions.length > 0 && FOLLOW_UP.test(text),
    deniesQuestion: DENIAL.test(text),
  };
}
