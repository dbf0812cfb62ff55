import { describe, expect, it } from "vitest";
import { csvCell, csvTable, neutralised } from "./csv-table.ts";

describe("CSV cells", () => {
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ["+1 555 0100", "'+1 555 0100"],
    ["-5 % on churn", "'-5 % on churn"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\tindented", "'\tindented"],
    ["\rreturn", "'\rreturn"],
    ["Raise on-time arrivals", "Raise on-time arrivals"],
    ["", ""],
  ])("neutralises text that a spreadsheet would run: %j", (text, expected) => {
    expect(neutralised(text)).toBe(expected);
  });

  it("leaves numbers as numbers, negative ones too, and writes nothing for no value", () => {
    expect(csvCell(-12.5)).toBe("-12.5");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(true)).toBe("true");
  });

  it("quotes commas, quotes and line breaks, doubling the quotes inside", () => {
    expect(csvCell("Hubs, depots")).toBe('"Hubs, depots"');
    expect(csvCell('The "big" one')).toBe('"The ""big"" one"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    // Neutralised first, then quoted: the quote stays inside the field.
    expect(csvCell("=1+2,3")).toBe('"\'=1+2,3"');
    expect(csvCell("\r\nstart")).toBe('"\'\r\nstart"');
  });
});

describe("CSV tables", () => {
  it("writes a header and rows, each line ended by CRLF", () => {
    expect(
      csvTable(
        ["kpi", "value"],
        [
          ["on_time_rate", 93.4],
          ["=cmd", -1],
        ],
      ),
    ).toBe("kpi,value\r\non_time_rate,93.4\r\n'=cmd,-1\r\n");
  });

  it("is a header line alone when there are no rows", () => {
    expect(csvTable(["a", "b"], [])).toBe("a,b\r\n");
  });
});
