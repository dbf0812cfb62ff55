/**
 * Small word lists that forgive what people type: British and American spelling
 * ("optimize" finds "optimise") and, for longer words, one slip of the keyboard
 * ("increse", "managment"). Short words must match exactly: "care" is not "core".
 */

const TYPO_MIN_LENGTH = 6;

/** British spelling for the usual American endings: -ize/-yze/-ization, -or in "behavior". */
export function britishSpelling(word: string): string {
  return word
    .replace(/iz(e|es|ed|ing|ation|ations|ational|er|ers)$/, "is$1")
    .replace(/yz(e|es|ed|ing)$/, "ys$1")
    .replace(/(behavi|fav)or(s?)$/, "$1our$2")
    .replace(/center(s?)$/, "centre$1");
}

/** True when a and b differ by at most one insertion, deletion, substitution or swap. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (i === a.length || i === b.length) return true;
  const restA = a.slice(i + 1);
  const restB = b.slice(i + 1);
  if (a.length === b.length) {
    // substitution, or two neighbours swapped
    return restA === restB || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export interface Lexicon {
  has(word: string): boolean;
}

export function lexicon(words: string): Lexicon {
  const exact = new Set(words.split(/\s+/).filter((w) => w.length > 0));
  const long = [...exact].filter((w) => w.length >= TYPO_MIN_LENGTH);
  return {
    has(word: string): boolean {
      if (exact.has(word)) return true;
      const british = britishSpelling(word);
      if (exact.has(british)) return true;
      if (british.length < TYPO_MIN_LENGTH) return false;
      return long.some((known) => withinOneEdit(british, known));
    },
  };
}
