/**
 * Tone of a check-in note, kept simple on purpose: count positive and negative cue
 * words (a cue right after a negator flips: "not good" is negative, "no issues" is
 * positive) and add the blockers found, which weigh on the negative side.
 *   negative: blockers found, or more negative than positive cues
 *   positive: more positive than negative cues (an exclamation of joy counts as one)
 *   neutral:  neither
 */
export type NoteTone = "positive" | "neutral" | "negative";

const POSITIVE =
  /\b(?:good|great|well|excellent|nice|pleased|happy|love|loves|thanks|thank|improved|improving|better|faster|up|done|complete|completed|finished|live|launched|shipped|signed|approved|passed|won|win|on track|ahead|green|resolved|fixed|sorted|smooth|healthy|positive|helped|works|first time|like|likes|liked|quick|quicker|renewed|restarted|unfrozen|full strength|trained|record)\b|👍|🎉/g;
const NEGATIVE =
  /\b(?:bad|worse|worst|slow|slower|dropped|drop|behind|issues?|problems?|concerns?|risks?|complaints?|worr(?:y|ies|ied)|gaps?|blockers?|disappointing|unfortunately|sorry|missed|lost|lose|failed|stuck|meh|frustrating|worried|off track|at risk|red|amber)\b/g;
const NEGATOR_BEFORE =
  /\b(?:no|not|nothing|never|zero|0|(?:is|are|was|were|do|does|did|has|have)n'?t)\s+(?:\w+\s+)?$/;

function countCues(text: string, pattern: RegExp): { plain: number; negated: number } {
  let plain = 0;
  let negated = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (NEGATOR_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index))) negated++;
    else plain++;
  }
  return { plain, negated };
}

/** `text` is the normalised note (lower case, straight apostrophes). */
export function toneOf(text: string, blockers: number): NoteTone {
  const pos = countCues(text, POSITIVE);
  const neg = countCues(text, NEGATIVE);
  const positive = pos.plain + neg.negated + (/[a-z]!/.test(text) ? 1 : 0);
  const negative = neg.plain + pos.negated + 2 * blockers;
  if (negative > positive) return "negative";
  if (positive > negative) return "positive";
  return "neutral";
}
