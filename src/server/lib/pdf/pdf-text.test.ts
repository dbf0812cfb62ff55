import { describe, expect, it } from "vitest";
import { pdfText } from "./pdf-text.ts";

describe("text for the PDF's standard fonts", () => {
  it("keeps Latin-1 and the Windows-1252 extras", () => {
    expect(pdfText("Straße – café € “quoted”")).toBe("Straße – café € “quoted”");
  });

  it("replaces what the fonts cannot write, and control characters", () => {
    expect(pdfText("東京 hub 🚚")).toBe("?? hub ?");
    expect(pdfText("a\tb\u0007c")).toBe("a b c");
  });
});
