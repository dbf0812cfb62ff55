import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences.ts";

const texts = (note: string) => splitSentences(note).map((s) => s.text);

describe("splitSentences", () => {
  it("splits at '. ', '! ' and '? ' and keeps the closing punctuation", () => {
    expect(texts("Shipped the form. Nobody used it! Why? Still digging.")).toEqual([
      "Shipped the form.",
      "Nobody used it!",
      "Why?",
      "Still digging.",
    ]);
  });

  it("splits at line breaks and leaves bullets and list numbers out", () => {
    const note =
      "Status:\n- pilot live in 2 shops\n* card reader broken\n• rota done\n1. train staff\n2) go live";
    expect(texts(note)).toEqual([
      "Status:",
      "pilot live in 2 shops",
      "card reader broken",
      "rota done",
      "train staff",
      "go live",
    ]);
  });

  it("does not split inside numbers, abbreviations or quoted endings", () => {
    expect(texts("Uptime 99.5 % this week, e.g. the API. They said 'soon.' Then nothing.")).toEqual([
      "Uptime 99.5 % this week, e.g. the API.",
      "They said 'soon.'",
      "Then nothing.",
    ]);
  });

  it("keeps runs of punctuation and brackets in the sentence", () => {
    expect(texts("Done!! (finally?) Next: the audit (maybe May?). Ok")).toEqual([
      "Done!!",
      "(finally?)",
      "Next: the audit (maybe May?).",
      "Ok",
    ]);
  });

  it("returns exact substrings with their positions, also for CRLF and blank lines", () => {
    const note = "  First line.\r\n\r\n- second item  \r\nthird";
    for (const s of splitSentences(note)) {
      expect(note.slice(s.start, s.start + s.text.length)).toBe(s.text);
    }
    expect(texts(note)).toEqual(["First line.", "second item", "third"]);
  });

  it("returns nothing for blank text", () => {
    expect(splitSentences("   \n\t")).toEqual([]);
  });
});
