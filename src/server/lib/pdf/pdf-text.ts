/**
 * Text for PDFKit's built-in fonts. They are the PDF standard fonts (Helvetica), which
 * need no font file and so nothing to ship or download, but can write only the
 * Windows-1252 characters: anything else (CJK, emoji) becomes "?" rather than garbage.
 */
const EXTRA_WIN_ANSI = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

export function pdfText(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC")) {
    const code = char.codePointAt(0) ?? 0;
    if (char === "\n") out += char;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += " ";
    else if (code <= 0xff || EXTRA_WIN_ANSI.has(char)) out += char;
    else out += "?";
  }
  return out;
}
