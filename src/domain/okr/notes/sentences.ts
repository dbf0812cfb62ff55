/**
 * Splits a check-in note into the sentences a reader would see, each an exact substring
 * of the note (so a 1:1 agenda can quote it and a caller can find it again).
 *
 * Boundaries: line breaks, and ". ", "! ", "? " (a run of closing punctuation, possibly
 * followed by closing quotes or brackets, then whitespace). List bullets at the start
 * of a line ("- ", "* ", "• ", "1. ", "1) ") are left out of the sentence; the closing
 * punctuation stays in it as written. Single pass over the text: linear time.
 */

export interface NoteSentence {
  text: string;
  start: number;
}

// A bullet or a list number at the start of a line, with the spaces around it.
const BULLET = /^[ \t]*(?:[-*•‣◦–—][ \t]+|\d{1,2}[.)][ \t]+)/;
// Abbreviations after which ". " does not end a sentence.
const ABBREVIATIONS = new Set([
  "e.g",
  "i.e",
  "etc",
  "vs",
  "approx",
  "incl",
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "no",
]);

function isSpace(ch: string | undefined): boolean {
  return ch === " " || ch === "\t" || ch === "\u00a0";
}

function isClosing(ch: string | undefined): boolean {
  return ch === '"' || ch === "'" || ch === ")" || ch === "]" || ch === "”" || ch === "’" || ch === "»";
}

/** The word just before `end` (lower case, letters and inner dots only). */
function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && /[A-Za-z.]/.test(text[i - 1]!)) i--;
  return text.slice(i, end).toLowerCase();
}

function pushTrimmed(out: NoteSentence[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) out.push({ text: text.slice(s, e), start: s });
}

function splitLine(out: NoteSentence[], text: string, lineStart: number, lineEnd: number): void {
  let start = lineStart;
  const bullet = BULLET.exec(text.slice(lineStart, Math.min(lineEnd, lineStart + 12)));
  if (bullet) start += bullet[0].length;
  let i = start;
  while (i < lineEnd) {
    const ch = text[i];
    if (ch === "." || ch === "!" || ch === "?" || ch === "…") {
      let end = i + 1;
      while (end < lineEnd && (text[end] === "." || text[end] === "!" || text[end] === "?")) end++;
      while (end < lineEnd && isClosing(text[end])) end++;
      const atBoundary = end >= lineEnd || isSpace(text[end]);
      const abbreviation = ch === "." && end === i + 1 && ABBREVIATIONS.has(wordBefore(text, i));
      if (atBoundary && !abbreviation && end < lineEnd) {
        pushTrimmed(out, text, start, end);
        start = end;
      }
      i = end;
      continue;
    }
    i++;
  }
  pushTrimmed(out, text, start, lineEnd);
}

export function splitSentences(text: string): NoteSentence[] {
  const out: NoteSentence[] = [];
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "\n" || text[i] === "\r") {
      if (i > lineStart) splitLine(out, text, lineStart, i);
      lineStart = i + 1;
    }
  }
  return out;
}
