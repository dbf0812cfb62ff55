/**
 * The cues that make a sentence of a check-in note a blocker: something that stops or
 * threatens progress and is not in the writer's own hands. Each cue is a grammar pattern
 * (not a list of known sentences), compiled once. Patterns run on a normalised sentence:
 * lower case, curly apostrophes made straight.
 *
 * `negatable`: the cue states a problem in a positive form ("blocked", "waiting on",
 * "risk") and is cancelled by a negator shortly before it in the same clause ("not
 * blocked", "nothing is waiting on anyone", "no risks"). Cues that already carry their
 * negative ("can't", "still no reply", "hasn't approved") are not negatable.
 * `ownExempt`: the cue does not count when its subject is the writer ("I was on holiday",
 * "we haven't finished"), because that is within the writer's hands.
 */

export type BlockerCue =
  | "blocked"
  | "waiting"
  | "no-reply"
  | "not-done-by-others"
  | "capacity"
  | "delay"
  | "decision-pending"
  | "broken-tool"
  | "cannot-proceed"
  | "risk"
  | "outside-control";

export interface CuePattern {
  cue: BlockerCue;
  pattern: RegExp;
  negatable: boolean;
  ownExempt: boolean;
  /**
   * The cue is something people do ("paused", "put on hold", "slipped"): with the writer as
   * the acting subject ("we paused the newsletter") or a stated choice ("by choice", "to
   * focus on"), it is the writer's own decision, not a blocker.
   */
  agentExempt: boolean;
}

const cue = (
  cue: BlockerCue,
  source: string,
  negatable: boolean,
  ownExempt = false,
  agentExempt = false,
): CuePattern => ({
  cue,
  pattern: new RegExp(source, "g"),
  negatable,
  ownExempt,
  agentExempt,
});

// Auxiliaries written with a negative, typos without the apostrophe included.
const NOT = "(?:n't|nt| not)";
const DONE_VERBS =
  "replied|responded|answered|approved|signed|delivered|confirmed|decided|published|configured|agreed|put|" +
  "picked|sent|given|released|shipped|received|scheduled|booked|fixed|resolved|sorted|processed|reviewed|" +
  "installed|merged|deployed|funded|renewed|returned|told|got|come|came|provided|granted|ordered|hired|" +
  "arrived|heard|started|set|gotten|had|granted";

export const CUE_PATTERNS: readonly CuePattern[] = [
  cue(
    "blocked",
    // Not time blocked out in a diary, nor a block booking or a block of rooms.
    "\\b(?:road-?)?block(?:ed|ing|ers?|s)?\\b(?! (?:out|off|bookings?|of)\\b)|\\bimpediments?\\b|\\bbottlenecks?\\b|\\bconstrained by\\b",
    true,
  ),
  cue(
    "blocked",
    // "stuck" as a state, not "stuck to the plan" (kept to it).
    "\\bstuck\\b(?! to\\b)|\\bstalled\\b|\\bpaused\\b|\\bon ice\\b|\\b(?:told|asked) to (?:pause|stop|hold)\\b|\\bon hold\\b|\\bheld (?:up|back|at)\\b|\\bhold-?ups?\\b|\\bholding (?:us|it|this|things) up\\b",
    true,
    false,
    true,
  ),
  cue(
    "waiting",
    "\\bwait(?:ing|in|ng|s|ed)? (?:on|for)\\b|\\bstill wait(?:ing|in|ng)\\b|\\b(?:we're|we are|i'm|i am) (?:still )?waiting\\b|" +
      "\\bawaiting\\b|\\bwaiting to (?:hear|get|receive)\\b|\\bdependa?en(?:t on|t upon)\\b|\\bdependa?enc(?:y|ies)\\b(?! (?:upgrades?|updates?|bumps?|versions?|tree|graph|scans?|audit|injection|list|file)\\b)|\\bdependant on\\b|" +
      "\\bdepends? (?:up)?on\\b|\\bpending\\b|\\b(?:sitting|sits) with\\b|\\b(?:sitting|sits|sat) on (?:the|our|it|this|my)\\b|\\bescalated\\b|" +
      "\\bneed (?:the |their |a |an |some )?(?:\\w+ ){0,2}from\\b|\\bslow to (?:respond|reply|answer|approve|deliver)\\b|" +
      "\\bin (?:the|their|a|our) (?:\\w+ )?queue\\b|\\bposition \\d+\\b|" +
      "\\b(?:tickets?|requests?|orders?|people|teams?|others) ahead of us\\b|\\b(?:wants?|requires?|insists? on)\\b[^.]{0,50}\\bbefore we can\\b",
    true,
  ),
  cue(
    "no-reply",
    "\\bstill no\\b|\\bno (?:sign|movement) (?:of|from)\\b|\\bnothing (?:back )?from (?!me\\b|us\\b|my\\b|our\\b)|" +
      "\\bstill with (?!(?:the )?(?:plan|us|me|it|team|programme|program)\\b)|\\bowes? us\\b|\\bin their court\\b|\\bat the mercy of\\b|\\bnever (?:answered|replied|responded|got back|came back|showed up|turned up)\\b|\\b(?:went|gone) (?:quiet|silent|dark)\\b|\\bradio silence\\b|\\bno (?:reply|replies|answer|answers|response|word|decision|date|fix date|eta|access|owner|" +
      "approval|sign-?off|go-ahead)\\b|\\bno news(?! is good)\\b|\\b(?:have|has)" +
      NOT +
      " (?:yet )?heard\\b|\\bnot heard back\\b|\\bheard nothing\\b|" +
      // "nobody" as the one who should act ("nobody answers"), not as an object ("we lost nobody").
      "(?<!\\b(?:lost|hurt|told|left|met|saw|found|let|kept|sent|missed|injured|harmed) )\\b(?:nobody|no one|no-one)\\b(?! (?:is |was |has |have |had |has been )?(?:waiting|blocked|stuck|affected|hurt|worried|complained|minded|noticed|objected|asked|wanted|left|quit|missed|dropped|fell|got hurt|injured|called in sick|was (?:off|ill|sick)))|" +
      "\\bcan'?t get hold\\b|\\brings? out\\b|\\bbounc(?:e|es|ed|ing)\\b|\\bunreachable\\b|\\bunresponsive\\b|" +
      "\\bnot (?:responding|answering|replying)\\b|\\bignor(?:e|es|ed|ing) (?:us|our|my)\\b|" +
      "\\b(?:raised|chased|asked|emailed|called|pinged|reminded)\\b[^.]{0,60}?\\b(?:\\w+ times|twice|repeatedly)\\b|" +
      "\\blast (?:reply|response|answer|word) (?:was|from)\\b|\\bwhat (?:they|he|she) said\\b|" +
      "\\bpromised\\b[^.]{0,80}\\bagain\\b|\\bwithout (?:telling|asking|warning|notice)\\b|" +
      "\\bonly \\w+ (?:of|out of) [^.]{0,40}?\\b(?:replied|responded|answered|returned|signed)\\b",
    false,
  ),
  cue(
    "not-done-by-others",
    "\\b(?:has|have|is|are|was|were|did|does|do)" +
      NOT +
      "(?: yet| still)?(?: been)?(?: yet)? (?:" +
      DONE_VERBS +
      ")\\b|\\bstill (?:hasn'?t|haven'?t|isn'?t|aren'?t|not)\\b|\\b(?:has|have|is|are) yet to\\b|" +
      "\\bnot (?:yet )?(?:been )?(?:approved|signed off|confirmed|decided|configured|available|fixed|resolved|live)\\b|" +
      "\\b(?:doesn'?t|does not|don'?t|isn'?t|aren'?t|not|stopped) work(?:ing|s)?\\b",
    false,
    true,
  ),
  cue(
    "capacity",
    "\\bno (?:capacity|cover|one available|budget|headcount|resources?|clear)\\b|\\bnot enough\\b|\\binsufficient\\b|" +
      "\\b(?:ran|running|run) out of\\b|\\b(?:overloaded|swamped|stretched thin|short on)\\b|\\blost access\\b|\\bout of stock\\b|\\bconstraints?\\b|\\bcompeting priorities\\b|" +
      "\\bnot a priority for\\b|\\bbudget (?:was |got |has been )?cut\\b|\\bcut (?:our|the) budget\\b|" +
      "\\b(?:access|permission) denied\\b|\\bno permissions?\\b|\\bleft (?:the company|the team|us)\\b|\\bdeprioriti[sz]ed\\b|" +
      "\\b(?:people|person|engineers?|devs?|staff|nurses?|drivers?|heads?) (?:short|down)\\b|\\b(?:lack of|short of|shortage|short-?staffed|understaffed|" +
      "under-?resourced)\\b|\\bvacanc(?:y|ies)\\b|\\b(?:sick leave|off sick|out sick|off ill|maternity|" +
      "paternity|parental leave|long-term sick)\\b|\\b(?:is|are|'s|'re|was|were|been) off with\\b|\\boff with (?:the )?(?:flu|covid|a cold)\\b|\\bhanded in (?:his|her|their) notice\\b|" +
      "\\bresign(?:ed|s|ing)\\b|\\b(?:his|her|their|my) last day\\b|\\blast day (?:is|was|will be)\\b|\\b(?:nobody|no one) else\\b|\\bthe only (?:one|person) (?:who|with|that)\\b|" +
      "\\bour only (?:\\w+ )?(?:person|one|dev|developer|engineer|analyst|expert|admin|driver|nurse|trainer|specialist|supplier|contact)\\b|\\blost (?:our|the|a|two|three|\\d+|both)\\b|\\bturned (?:us |it |them )?down\\b|" +
      "\\b(?:rejected|declined|refused)\\b|\\bfroze\\b|\\bfrozen\\b|\\bfreeze\\b|\\btaken all\\b|" +
      "\\b(?:all|fully) booked\\b|\\bbooked by\\b",
    true,
  ),
  cue(
    "capacity",
    "\\b(?:is|are|'s|'re|was|were|been|be) (?:away|abroad|travelling|traveling|off) " +
      "(?:until|till|til|for|this|next|all|since)\\b|\\b(?:out|abroad|travelling|traveling|away) (?:until|till|til)\\b|" +
      "\\bon (?:holiday|vacation|annual leave|leave)\\b|\\b(?:is|are|'s|was|were|been|fell|got) (?:sick|ill)\\b",
    true,
    true,
  ),
  cue(
    "delay",
    "\\b(?:slipped|slipping|slips|slip|delayed|delays?)\\b|" +
      "\\bpush(?:ed|es)? (?:back|out|to|again)\\b|\\bmoved (?:back|out|to (?:next|later))\\b|\\bthreaten(?:s|ed|ing)?\\b|\\bpush(?:ed|es)? (?:\\w+ ){1,3}back\\b|\\bpush(?:ed|es)? (?:[\\w'-]+ ){1,7}?to (?:next|later|after|the end|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|q[1-4]|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\\d)|\\bbehind schedule\\b|" +
      "\\b(?:is|are|'re|'s|fell|fallen|falling|running|getting|got|still) behind\\b|\\bon back-?order\\b|" +
      "\\bback-?ordered\\b|\\blead time\\b|\\bat the earliest\\b|\\b(?:new |no )eta\\b|" +
      "\\beta (?:unknown|unclear|tbc|tbd)\\b|\\b(?:taking|take|took) longer\\b|\\bgetting worse\\b|" +
      "\\b(?:looking|looks|now|seems|seem) unlikely\\b|\\bin jeopardy\\b|\\bjeopardi[sz]e\\b|\\bnext free slot\\b|" +
      "\\b(?:we'll|we will|will) lose (?:at least )?(?:\\w+ )?(?:days?|weeks?|months?)\\b|" +
      "\\b(?:still|running|arrived?|arrives|delivered|collects?|came|comes|is|are|was|were) (?:very |too )?late\\b|" +
      "\\b(?:it's|it has) been (?:\\w+ )?(?:days|weeks|months)\\b|" +
      "\\b(?:changed|changes|change|changing)\\b[^.]{0,40}\\bagain\\b|\\bmiss(?:ed)? the (?:deadline|date|window|slot)\\b|" +
      "\\bwon'?t (?:make|hit|meet) (?:it|the)\\b|\\b(?:won'?t|will not|refuses? to) commit\\b|\\boff track\\b",
    true,
    false,
    true,
  ),
  // Calling something off is the writer's own choice when they are its subject.
  cue("delay", "\\b(?:postponed|postpones|rescheduled|cancell?ed)\\b", true, true),
  cue(
    "decision-pending",
    "\\bunclear\\b|\\bkeeps? (?:changing|moving|postponing|cancell?ing|pushing)\\b|\\bscope creep\\b|\\b(?:still|is|are) outstanding\\b|\\bnot clear\\b|\\bundecided\\b|\\bopen question\\b|\\bwho decides\\b|" +
      "\\bneeds? (?:an? )?(?:\\w+ )?(?:decision|sign-?off|approval|go-ahead|review)\\b|" +
      "\\bdecision (?:is )?(?:still )?(?:pending|needed|outstanding)\\b|" +
      "\\b(?:don'?t|do not|doesn'?t|does not) know (?:if|whether|when|yet)\\b|" +
      "\\buntil (?:that's|that is|it's|this is) (?:settled|decided|agreed|clear)\\b|\\buntil then\\b|" +
      "\\bdecide between\\b|\\b(?:may|might|could) not (?:approve|agree|sign|deliver|arrive|be ready|happen|come through)\\b",
    true,
  ),
  cue(
    "broken-tool",
    "\\bbroken\\b|\\bbroke down\\b|\\boutages?\\b|\\b(?:is|are|was|were|been|went|goes|'s) down\\b(?! to\\b| by\\b| from\\b| \\d)|" +
      "\\bcrash(?:es|ed|ing)?\\b(?! course)|\\btim(?:ing|es|ed) out\\b|\\btimeouts?\\b|\\bfail(?:s|ed|ing|ures?)?\\b|" +
      "\\berrors?\\b|\\bexpired\\b|\\bstale\\b|\\boffline\\b|\\bempty since\\b|\\bbeen empty\\b|" +
      "\\breturns? (?:a |an )?(?:[45]\\d\\d|error)\\b|\\bknown issue\\b|\\bstill show(?:s|ing)? (?:last|old|the old|yesterday|wrong|zero|0|no|nothing)\\b|" +
      "\\bkeeps? (?:dropping|failing|crashing|breaking|timing out|going down)\\b",
    true,
    false,
    true,
  ),
  cue(
    "cannot-proceed",
    "\\b(?:can'?t|cannot|can not|couldn'?t|unable to|not able to)\\b(?! wait| complain| believe| thank| stress| be happier| be (?:\\w+er|more|any \\w+er)\\b| fault| (?:see|think of|spot|find) any)",
    false,
  ),
  cue(
    "risk",
    "\\brisks?\\b(?!-free| (?:register|registers|assessment|assessments|score|scores|matrix|log|review|reviews|rating|appetite|management|profile|level|levels|workshop|owner|owners|model|analysis|scoring)\\b)|\\b(?:concern|worry|issue)s? ?:|\\bmy (?:main |biggest )?concern\\b|" +
      "\\bif (?:the|our|their|they|he|she|\\w+) [^,;.]{0,50}?\\b(?:doesn'?t|don'?t|won'?t|isn'?t|aren'?t|fails?|" +
      "refuses?|rejects?|says? no|declines?|pulls? out)\\b",
    true,
  ),
  cue("outside-control", "\\b(?:outside|beyond|out of) (?:our|my) (?:control|hands)\\b", true),
];

/**
 * Resolution and mitigation: a blocker stated before one of these in the same sentence
 * is over or covered ("was blocked by IT, sorted now", "a risk … but we agreed a
 * fallback, so I'm not worried"). A resolution cue that is itself negated ("not fixed
 * yet") does not count.
 */
export const RESOLUTION =
  /\b(?:resolved|sorted|fixed|solved|unblocked|unfrozen|no longer|any ?more|back to (?:normal|green|plan)|back on (?:track|plan|schedule)|worked around|work-?around|fallback|no impact|not worried|no delay|won't (?:hit|affect|impact|delay|hold)|stopped waiting|reverted|covered (?:every|all|the)|cover(?:s|ing) (?:for|the|my|his|her|their|it)|cleared|(?:is|are|now) confirmed|all green|(?:is|are) (?:now )?gone|(?:well )?behind us|lifted|mitigated|under control|came through|all good again|caught up|recovered|finally|went through|arrived|approved|signed off|came back|got back|(?:is|are) back|confirmed [^.]{0,40}(?:won't|will not|isn't|is not))\b/g;

/**
 * Verbs of deciding to stop or move something: with the writer as their subject ("we paused
 * the newsletter", "we put the pilot on hold") the cue is a decision. Verbs of undergoing
 * ("we fell behind", "we slipped") stay blockers unless a choice is stated.
 */
export const DECISION_VERB =
  /^(?:paused?|put|pushed|moved|held|rescheduled|delayed|took|parked|stopped|shelved|froze|deprioriti[sz]ed|blocked)$/;

/** A stated choice: what is paused or moved for it is the writer's own decision. */
export const CHOICE =
  /\b(?:by choice|on purpose|deliberately|intentionally|as planned|planned (?:maintenance|downtime|outage|work)|our (?:call|choice|decision)|(?:we|i) (?:decided|chose|agreed) to|to (?:focus on|make room for|free up))\b/;

/** The writer as the acting subject of the clause: "we paused", "I moved" (not "we're", "we were told"). */
export const WRITER_AGENT =
  /^\s*(?:i|we)\s+(?:\w+ly\s+)?(?!(?:am|are|were|was|is|be|been|being|have|has|had|got|get|gets|getting|keep|kept|still|can|could|can't|cannot|couldn't|won't|will|would|may|might|must|need|needs|do|don't|did|didn't|feel|felt|seem|seemed|remain|remained|hope|expect|think|fear)\b)[a-z]+\b|^\s*(?:i|we)\s+(?:\w+ly\s+)?$/;

/**
 * Words that make a resolution prospective rather than done ("waiting for it to be
 * approved", "once it is fixed"): such a resolution closes nothing.
 */
export const PROSPECTIVE =
  /\b(?:to|be|will|until|till|once|when|if|before|after|need|needs|hope|expect|wait|waiting)\b/;

/**
 * A cue followed by a denial or a reassurance ("Blockers: none", "risk is low").
 */
export const NEGATED_AFTER =
  /^\s*(?:[:=\-–—]\s*)?(?:none|n\/a|nil|nothing|no|zero|0)\b|^\s+(?:is |are |remains? |now |stays? )?(?:both |all )?(?:low|small|minimal|minor|mitigated|covered|managed|closed|owned|on track|in hand|handled|accepted)\b/;

/**
 * A noun cue used as a metric, not a problem ("delays down to 3 min", "errors 0.2%").
 */
export const METRIC_AFTER =
  /^\s*(?:[\w-]+\s+){0,3}?(?:down|fell|dropped|reduced|cut|decreased|rate|per|avg|average|(?:[\w-]+\s*)?[:=]\s*\d|(?:at|to|by|from|of)\s+\d|\d+(?:[.,]\d+)?\s*%)/;

/** Words that negate what follows them within a few words in the same clause. */
export const NEGATOR =
  /\b(?:no|not|nothing|never|none|neither|nor|zero|0|without|free of|clear of|cannot|avoid|avoided|prevent|prevented|reduced|lowered|removed|mitigated|(?:do|does|did|is|are|was|were|has|have|had|could|would|should|wo|ca|ai)n'?t)\b/;

/** Clause boundaries: negation does not reach across them. */
export const CLAUSE_BREAK = /[,;:(—–]|\s-\s|\b(?:but|so|because|although|though|however|while|whereas)\b/g;

/** A subject that is the writer: "I", "we" (possibly contracted) just before the cue. */
export const OWN_SUBJECT = /\b(?:i|we|i'm|we're|i've|we've|i'll|we'll|i'd|we'd)\s+(?:\w+\s+){0,2}$/;
