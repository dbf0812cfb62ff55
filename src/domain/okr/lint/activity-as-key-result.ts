import { NUMBER_SOURCE, normalise, parseNumber } from "./text.ts";
import type { DraftKeyResult, RuleHit } from "./types.ts";

/**
 * Activity as KR (a soft warning): the KR names work the team does (an output: launch,
 * build, hire, train, hold, write…) instead of the outcome that work should cause.
 * Cue: the KR opens with a verb of doing, or reports such work as done ("new site
 * launched"). A KR that moves a measured level ("from 0 to 5,000 customers using…")
 * or opens with a verb of winning or changing (sign, pass, reduce, grow) is an outcome.
 */

export const ACTIVITY_AS_KEY_RESULT = "activity-as-key-result" as const;

// Verbs of doing, as the imperative a KR opens with ("launch", "hire"); stems that lose
// their "e" elsewhere are written without it. Only the bare imperative counts: "hires",
// "training" or "stock-outs" at the start are usually the measured subject.
const DOING = `
  launch|roll ?-?out|releas|ship|deploy|go live|build|develop|creat|design|redesign|
  implement|introduc|install|set ?-?up|migrat|upgrad|buy|purchas|procur|hire|recruit|
  train|attend|run|hold|host|organi[sz]|conduct|deliver|send|publish|write|draft|document|
  record|produc|hand ?-?out|distribut|give|open|map|paint|stock|automat|fill in|complet|
  finish|prepar|re-?plan|plan|submit|visit|interview|survey|updat|refresh|replac|add|
  integrat|pilot|trial|research|analy[sz]|defin|continu|start|begin|kick ?-?off|establish|
  appoint|post|print|translat|configur|present|pitch|email|mail|schedul|rewrit|refactor|
  renovat|refurbish|rebuild|revamp|overhaul|instal|onboard|finali[sz]|test|review|audit|
  switch|adopt|register|apply|join|negotiat|contact|coach|mentor|teach|speak|participat|
  take part|arrang|book|clean|repair|assess|evaluat|investigat|explor|identify|select|
  choos|decid|hand ?-?over|relocat|digiti[sz]|standardi[sz]|prototyp|rebrand|relaunch|
  outsourc|tender|commission|educat|inform|communicat|announc|advertis|film|localis|
  archiv|tidy|reorgani[sz]|restructur|connect|retir|decommission|shut down|phase out|
  collect|gather|measur|track|monitor|ask
`.replace(/\s*\n\s*/g, "");
const OUTPUT_VERB = new RegExp(
  `^(?:(?:we|the team|i|our team)\\s+(?:will|shall|are going to|to)\\s+|to\\s+)?(?:${DOING})e?\\b(?![-'])(?!\\s(?:tickets|incidents|issues|bugs|cases|roles|positions|vacancies|items|coverage|rate|time)\\b)`,
);
// Work reported as done: "new website launched", "saturday clinic opened by june".
const DONE_WORK =
  /^[a-z0-9' -]{2,60}?\b(?:launched|released|shipped|deployed|live|built|implemented|introduced|installed|migrated|hired|recruited|trained|held|hosted|published|written|drafted|completed|rolled out|delivered|opened|submitted|in place|set up|created|designed|redesigned|signed off|approved|finished|agreed|done)\b(?!\s+(?:on time|within|in full|correctly|right|first time|same day|without))(?:\s+(?:and|&)\s+[a-z]+(?:ed|en|wn))?(?:\s+(?:by|in|before|on|at|for|across|to)\b.*)?$/;
// Openings that look like a verb of doing but name a measure ("run rate", "start time").
const OUTCOME_START =
  /^(?:make (?:sure|it)|run(?:s|ning)? (?:rate|time)|(?:start|open|set)(?:s|ing)? (?:rate|time)s?\b)/;
// A measured level moving: "from 9 to 35", "0 to 40% of bookings".
const MOVES = new RegExp(
  `(${NUMBER_SOURCE})\\s*(?:[^\\d\\s]+\\s+){0,4}?to\\s+(?:under |below |over |above )?(${NUMBER_SOURCE})`,
);
// "hold pick rate at 140 lines/hour" keeps a level (another rule); "hold 3 workshops" is work.
const HOLD_LEVEL = new RegExp(
  `^hold\\s+(?!a\\b|an\\b|\\d)(?:[a-z/-]+\\s+){0,5}?(?:(?:at|above|below|under)\\s+${NUMBER_SOURCE}|steady|flat|constant|level)`,
);
// A finite verb later on means the opening word was the subject: "audit adjustments remain at zero".
const LATER_FINITE_VERB =
  /\s(?:remains?|stays?|is|are|falls?|rises?|drops?|grows?|goes|reaches|hits|improves|increases|decreases)(?=[\s.,;:!?]|$)/;
// A measured level ("below 2 %", "95 % of orders") is an outcome whatever the verb;
// "100 %" is the coverage of a task ("train 100 % of staff"), so it does not count.
const MEASURED_LEVEL = new RegExp(
  `\\b(?:under|below|above|over|at least|at most|less than|more than|fewer than)\\s+${NUMBER_SOURCE}|(?<![\\d.])(?!100\\s?%)\\d+(?:\\.\\d+)?\\s?%`,
);
// Money brought in ("collect £50k", "book €200k of orders") or a count gained ("add 300
// subscribers") is a result, even behind a verb that usually names work.
const GAINED_AMOUNT = /^(?:\S+\s+){1,2}?[€$£]\s?\d|^add\s+\d/;
const MEASURE_WORDS = /(?:%|\brate\b|\bshare\b|\bnumber of\b|\bper\b|\bratio\b|\bwho\b|\bthat\b)/;

const MESSAGE =
  "This Key Result names work to do rather than the result it should cause. " +
  "Keep the task in your plan and measure the change it brings, e.g. how many customers use what you launch.";

export function activityAsKeyResult(kr: DraftKeyResult): RuleHit | null {
  const text = normalise(kr.title);
  if (OUTCOME_START.test(text)) return null;
  const start = kr.startValue;
  // A non-zero start that moves is a measured level, whatever verb opens the title.
  if (typeof start === "number" && start !== 0 && kr.targetValue !== start) return null;
  const move = MOVES.exec(text);
  if (move && parseNumber(move[1] ?? "") !== 0) return null;
  if (MEASURED_LEVEL.test(text) || GAINED_AMOUNT.test(text)) return null;
  if (OUTPUT_VERB.test(text) && !HOLD_LEVEL.test(text) && !LATER_FINITE_VERB.test(text)) {
    return { message: MESSAGE };
  }
  if (!MEASURE_WORDS.test(text) && DONE_WORK.test(text)) return { message: MESSAGE };
  return null;
}
