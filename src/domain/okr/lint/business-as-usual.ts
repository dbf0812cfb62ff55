import { NUMBER_SOURCE, normalise, parseNumber, sameValue } from "./text.ts";
import type { DraftKeyResult, RuleHit } from "./types.ts";

/**
 * Business-as-usual KR: the KR only keeps a level that is already reached, so it asks
 * for no change and belongs on the KPI board. Evidence, strongest first: the numbers
 * (start equal to target; a ceiling or floor the start already meets; a target inside
 * the linked KPI's usual range), then the wording (verbs of keeping, negated change)
 * when no numbers say otherwise. Keep-wording whose numbers move ("keep cutting churn
 * from 3.1 % to 2 %", "at least 90 %, currently 71 %") is a real change.
 */

export const BUSINESS_AS_USUAL = "business-as-usual" as const;

const N = NUMBER_SOURCE;

// Verbs that keep a level. "hold" also names tasks ("hold 3 workshops"), so it counts
// only with a level word after it; "retain", "protect" also with what we already have
// ("retain our certification", "retain all current donors").
const KEEP_VERB =
  /\b(?:keep(?:s|ing)?|kept|mai?nt(?:ai|ia|a|e|ei)n(?:s|ed|ing|ance)?|stay(?:s|ed|ing)?|remain(?:s|ed|ing)?|sustain(?:s|ed|ing)?|preserv(?:e|es|ed|ing)|continu(?:e|es|ed|ing)|carry on|(?:retain|protect|defend|safeguard)(?:s|ed|ing)?\s+(?:(?:all|every|each)\s+(?:of\s+)?)?(?:our|the|its|their|existing|current)\b|(?:hold(?:s|ing)?|held|retain(?:s|ed|ing)?|protect(?:s|ed|ing)?|defend(?:s|ed|ing)?|safeguard(?:s|ed|ing)?)\b(?=.*\b(?:at|steady|flat|level|constant|above|below|under|within|at least|at most)\b))\b/;

// Keep-wording that introduces a change: "keep cutting", "continue to reduce".
const KEEP_THEN_CHANGE =
  /\b(?:keep(?:s|ing)?|continu(?:e|es|ing)|sustain(?:s|ing)?)\s+(?:on\s+|to\s+)?(?:cut|reduc|grow|improv|increas|lower|rais|driv|push|shrink|bring|mov|lift|boost|decreas|halv|doubl|expand|speed|accelerat)\w*/;

// Negated change: the level must not move ("do not increase", "no drop", "must not exceed").
const NEGATED_CHANGE =
  /(?:\bnot|\bno|\bnever|n't|\bwithout(?: a(?:ny)?)?|\bavoid(?:ing)?(?: any)?|\bprevent(?:ing)?(?: any)?)\s+(?:\w+\s+){0,4}?(?:increas|ris|drop|fall|fell|exceed|declin|worsen|slip|deteriorat|go(?:es)? (?:up|down|above|below|over|under)|grow|decreas|lower)\w*/;

const CEILING =
  /\b(?:under|below|less than|fewer than|limit(?:ed)?\b.{0,40}?\bto|cap(?:ped)?\b.{0,40}?\bat|no more than|not more than|at most|maximum|max|within|not exceed|must not exceed|no higher than|not (?:go|rise|increase)\w* above|or (?:less|lower|fewer|below))\b/;
const FLOOR =
  /\b(?:above|over|at least|or (?:better|above|more|higher)|no (?:less|lower|fewer) than|minimum|min|not (?:drop|fall|go|slip)\w* (?:below|under)|no drop)\b/;

// A change written out: "from 87 % to 95 %", "87 to 95", "3 days to same day".
const FROM_TO = new RegExp(
  `(?:\\bfrom\\s+)?(${N})\\s*(?:[^\\d\\s]+\\s+){0,4}?(?:to|down to|up to)\\s+(?:under |below |over |above |less than |more than |at most |at least |about )?(${N}|same day|zero)`,
);
// Today's level stated in the text: "currently 87 %", "we're at 23", "(it is 4.2 % today)".
const CURRENT = new RegExp(
  `\\b(?:currently|today|now|presently|at present|(?:we|it|this|they)(?:'re|'s| are| is)(?: now)?(?: at)?)\\b\\D{0,15}?(${N})`,
);

// The bound a threshold KR sets: "under 50", "no more than 3 %", "at least 95 %".
const BOUND_VALUE = new RegExp(
  `\\b(?:under|below|less than|fewer than|more than|at most|at least|above|over|exceed|within|maximum of|minimum of|at)\\s+(${N})`,
);

function toValue(written: string | undefined): number | undefined {
  if (written === undefined) return undefined;
  if (written === "same day" || written === "zero") return 0;
  const value = parseNumber(written);
  return Number.isNaN(value) ? undefined : value;
}

function finite(value: number | null | undefined): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

// "don't let it drop below 4.5" guards a floor; "must not rise above 5" a ceiling.
const NEGATED_FLOOR =
  /(?:\bnot|n't|\bnever|\bno)\b.{0,40}?\b(?:drop|fall|slip|go|dip|sink)\w*\s+(?:below|under)\b/;
const NEGATED_CEILING =
  /(?:\bnot|n't|\bnever|\bno)\b.{0,40}?\b(?:exceed|rise|go|climb|creep)\w*\s+(?:above|over|beyond)\b/;

// "no worse than 2 %": the target is the worst level accepted, whichever way is good, so a
// start on the other side of it already meets it.
const WORST_BOUND = /\b(?:no|not|never) worse than\b|\bat worst\b/;

/** Whether the start value already satisfies a ceiling or floor at the target. */
function alreadyMet(text: string, start: number, target: number): boolean | undefined {
  if (WORST_BOUND.test(text)) return true;
  if (NEGATED_FLOOR.test(text)) return start >= target;
  if (NEGATED_CEILING.test(text)) return start <= target;
  const ceiling = CEILING.test(text);
  const floor = FLOOR.test(text);
  if (ceiling && !floor) return start <= target;
  if (floor && !ceiling) return start >= target;
  return undefined;
}

const MESSAGE_NO_CHANGE =
  "This Key Result keeps a level rather than changing one, so it measures business as usual. " +
  "Watch the level on the KPI board and keep Key Results for what must change this cycle.";

/** The fix carries the KR's name, unit and level, so the KPI form opens filled in. */
function hit(reason: string, kr: DraftKeyResult, level: number | undefined): RuleHit {
  const name = kr.title.trim();
  const unit = kr.unit?.trim();
  return {
    message: `${reason} ${MESSAGE_NO_CHANGE}`,
    fix: {
      kind: "move-to-kpi-board",
      ...(name ? { name } : {}),
      ...(unit ? { unit } : {}),
      ...(level !== undefined ? { target: level } : {}),
    },
  };
}

export function businessAsUsual(kr: DraftKeyResult): RuleHit | null {
  const text = normalise(kr.title);
  const written = FROM_TO.exec(text);
  const writtenStart = toValue(written?.[1]);
  const writtenTarget = toValue(written?.[2]);
  const start = finite(kr.startValue) ?? toValue(CURRENT.exec(text)?.[1]) ?? writtenStart;
  const target = finite(kr.targetValue) ?? writtenTarget ?? toValue(BOUND_VALUE.exec(text)?.[1]);
  const keepsWording = (KEEP_VERB.test(text) && !KEEP_THEN_CHANGE.test(text)) || NEGATED_CHANGE.test(text);
  const range = kr.kpiRange;

  if (start !== undefined && target !== undefined && sameValue(start, target)) {
    return hit("The start and the target are the same.", kr, target);
  }
  if (range && target !== undefined) {
    const low = Math.min(range.p10, range.p90);
    const high = Math.max(range.p10, range.p90);
    if (target >= low && target <= high) {
      return hit("The target lies inside the linked KPI's usual range (P10–P90).", kr, target);
    }
  }
  const movesInText =
    writtenStart !== undefined && writtenTarget !== undefined && !sameValue(writtenStart, writtenTarget);
  if (movesInText) return null;
  if (start !== undefined && target !== undefined) {
    // Threshold wording ("no more than 2 %", "at least 95 %") asks for no change when
    // today's value already meets it, with or without a keep verb.
    if (alreadyMet(text, start, target)) return hit("Today's value already meets the target.", kr, target);
    // Keep-wording with a target a hair's breadth from today ("hold at 140", today 138).
    const nearlySame = Math.abs(start - target) <= 0.02 * Math.max(Math.abs(start), Math.abs(target));
    return keepsWording && nearlySame ? hit("The target is today's level.", kr, target) : null;
  }
  return keepsWording ? hit("The wording only keeps a level.", kr, target) : null;
}
