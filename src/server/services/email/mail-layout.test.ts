import { describe, expect, it } from "vitest";
import { renderMail } from "./mail-layout.ts";

describe("renderMail", () => {
  const mail = renderMail({
    subject: "Check-ins due",
    paragraphs: ["Hello Ana <admin>,"],
    items: ['Ship "fast" & safe'],
    link: { label: "Check in", url: "https://okr.example.com/orgs/nordwind/check-ins?a=1&b=2" },
    footer: "Sent by Keel.",
  });

  it("keeps the text as written in the plain part", () => {
    expect(mail.text).toBe(
      'Hello Ana <admin>,\n\n- Ship "fast" & safe\n\nCheck in: https://okr.example.com/orgs/nordwind/check-ins?a=1&b=2\n\n--\nSent by Keel.\n',
    );
  });

  it("escapes what people wrote in the HTML part", () => {
    expect(mail.html).toContain("<p>Hello Ana &lt;admin&gt;,</p>");
    expect(mail.html).toContain("<li>Ship &quot;fast&quot; &amp; safe</li>");
    expect(mail.html).toContain('href="https://okr.example.com/orgs/nordwind/check-ins?a=1&amp;b=2"');
  });
});
