import { FUNCTION_WORDS, NUMBER_SOURCE, normalise, wordsOf } from "./text.ts";
import type { RuleHit } from "./types.ts";

/**
 * Number as Objective: the Objective is a KPI with a target ("Revenue growth of 15 %",
 * "NPS 70", "Reach €5M ARR"). Cue: a quantity (a number, "double", "halve", "zero",
 * "top 3") and, once the quantity, the measure's own vocabulary (units, money, rates,
 * periods) and the verbs that only move a number (reach, hit, grow, cut) are set aside,
 * at most a few topic words remain. An Objective that uses a figure as context in a
 * sentence about people ("the carrier 1 in 3 Berliners trust") keeps many words and is
 * fine. A bare metric name ("Weekly active users of the app") is a KPI title too.
 */

export const NUMBER_AS_OBJECTIVE = "number-as-objective" as const;

const QUANTITY = new RegExp(
  `${NUMBER_SOURCE}|\\b(?:double|doubling|triple|tripling|quadruple|halve|halving|half|by (?:a|one|two) (?:thirds?|quarters?|fifths?|tenths?))\\b`,
);

// Verbs whose only job is to move a number, and comparison words around it.
const NUMBER_VERBS =
  /^(?:reach|hit|achieve|attain|get|grow|shrink|slash|trim|expand|increase|raise|lift|boost|cut|reduce|lower|decrease|drop|double|triple|halve|sell|process|deliver|generate|make|earn|save|exceed|beat|maintain|keep|be|become|land|secure|top|down|up|below|above|under|over|least|most|than|less|fewer|more|plus|minus|%|x|times|target|goal|rank|ranked|ranking|place|position|number|numbers|total|overall)$/;

// The measure's own vocabulary: money, rates, units and periods say nothing about focus.
const MEASURE_WORDS =
  /^(?:revenue|revenues|arr|mrr|sales|turnover|income|profit|profits|margin|margins|ebitda|ebit|cost|costs|spend|budget|ratio|rate|rates|share|growth|churn|retention|nps|csat|ces|net|gross|promoter|score|scores|kpi|okr|users|active|customers|units|unit|items|volume|count|level|levels|occupancy|availability|uptime|oee|yield|attendance|turnout|average|avg|median|mean|time|times|minutes|mins|min|hours|hrs|days|weeks|months|years|year|quarter|quarterly|monthly|weekly|daily|annual|annually|yearly|yoy|mom|q[1-4]|h[12]|fy\d*|end|start|by|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|eur|usd|gbp|million|billion|thousand|m|k|bn|new|paying|paid|first|per|cent|percentage|points|pts|pp|bps|basis|star|stars|rating|grade|grades|injuries|incidents|accidents|complaints|defects|errors|followers|subscribers|members|visitors|downloads|signups|leads|deposits|loans|applications|orders|tickets|calls|half|third|thirds|quarter|quarters|fifth|fifths|tenth|tenths)$/;

// A KPI title with no target: a quantitative modifier and a measured head.
const METRIC_NAME =
  /^(?:(?:weekly|monthly|daily|annual|yearly|average|median|total|net|gross|active|number of|share of|percentage of|% of)\s+){1,3}(?:[a-z-]+\s+){0,2}(?:users|customers|members|visitors|revenue|sales|rate|ratio|score|margin|cost|costs|time|orders|sign-?ups|downloads|subscribers|income|profit|spend|volume)\b(?:\s+(?:of|per|on|in|for|from|across)\s+[a-z0-9 '-]+)?$/;

// A KPI's acronym with at most a qualifier or two ("Employee NPS", "OEE on line 2").
const ACRONYM_METRIC =
  /^(?!(?:improve|increase|grow|boost|raise|reduce|cut|lower|be|become|make|drive)\b)(?:[a-z-]+\s+){0,2}(?:nps|enps|csat|ces|arr|mrr|oee|ebitda|aov|ltv|cac|dso|roi|roce|gmv|kpi)(?:\s+[a-z0-9-]+){0,2}$/;

const TOPIC_WORDS_ALLOWED = 3;

const MESSAGE =
  "This Objective is a number, which makes it a KPI target rather than a direction. " +
  "Say what will be different and for whom, and move the figure into a Key Result.";

// A duration promised to people ("within six weeks", "in under a minute") frames the
// ambition; it is not a measure's target.
const PROMISED_DURATION = new RegExp(
  `\\b(?:within|in(?: under| less than)?|before)\\s+(?:${NUMBER_SOURCE}|a|an)\\s*(?:minutes?|mins?|hours?|days?|weeks?|months?|seconds?|working days?)\\b`,
  "g",
);

// A number that is part of a name ("Ward 7", "Year 11", "Plant 2") is not a quantity.
const NUMBERED_NAME = /(?<=\S\s+)([A-Z][a-z]+)\s+\d+\b(?![.,]\d|\s?%|\s?(?:k|m|bn)\b)/g;

// A count of things that already exist, named with a determiner ("our 2 warehouses", "the
// 3 hubs we run"), says which things; it is not a target. A unit or a measure word after
// the number ("the 5 % mark", "our 40 hours") keeps it a quantity.
const EXISTING_COUNT =
  /\b(our|the|its|their|these|those|both|all|my|your)\s+\d{1,3}(?:,\d{3})*\s+(?=([a-z][a-z-]*))/g;

function withoutExistingCounts(text: string): string {
  return text.replace(EXISTING_COUNT, (whole: string, determiner: string, nextWord: string) =>
    MEASURE_WORDS.test(nextWord) || NUMBER_VERBS.test(nextWord) ? whole : `${determiner} `,
  );
}

export function numberAsObjective(title: string): RuleHit | null {
  const text = withoutExistingCounts(
    normalise(title.replace(NUMBERED_NAME, "$1")).replace(PROMISED_DURATION, " "),
  );
  if (METRIC_NAME.test(text) || ACRONYM_METRIC.test(text)) return hit();
  if (!QUANTITY.test(text)) return null;
  const isTopic = (w: string) =>
    w.length > 1 &&
    !/\d|\*/.test(w) &&
    !FUNCTION_WORDS.has(w) &&
    !NUMBER_VERBS.test(w) &&
    !MEASURE_WORDS.test(w);
  // A hyphenated word is one topic word at most ("peer-reviewed papers" names one thing, not three).
  const topic = text
    .replace(new RegExp(NUMBER_SOURCE, "g"), " ")
    .split(/\s+/)
    .reduce((count, token) => {
      const parts = wordsOf(token).filter(isTopic).length;
      return count + (/[a-z]-[a-z]/.test(token) ? Math.min(parts, 1) : parts);
    }, 0);
  return topic <= TOPIC_WORDS_ALLOWED ? hit() : null;
}

function hit(): RuleHit {
  return {
    message: MESSAGE,
    fix: {
      kind: "rewrite",
      suggestion: "Name the change people will notice as the Objective; keep the number as a Key Result.",
    },
  };
}
