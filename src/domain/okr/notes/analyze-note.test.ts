import { describe, expect, it } from "vitest";
import { analyzeNote, MAX_ANALYSED_CHARS } from "./analyze-note.ts";
import { CUE_PATTERNS, RESOLUTION } from "./blocker-cues.ts";

const blockerSentences = (note: string) => analyzeNote(note).blockers.map((b) => b.sentence);

describe("analyzeNote: blockers", () => {
  it.each([
    ["explicit", "Blocker: the staging database is read-only since the migration."],
    ["waiting", "We are waiting to hear back from the insurer."],
    ["pending approval", "Awaiting the security sign-off."],
    ["decision outstanding", "Approval from the board is still outstanding."],
    ["not done by others", "Procurement still hasn't issued the PO for the scanners."],
    ["yet to", "Legal has yet to review the contract."],
    ["people out", "Two engineers are off this week and Tom is on paternity leave until March."],
    ["slipped", "The go-live date moved back by a month because the client wants more testing."],
    ["no capacity", "Not enough nurses on the night shift to run the new triage."],
    ["unstable scope", "The scope keeps changing every week."],
    ["risk caused by others", "If IT doesn't provision the laptops by Friday we miss the induction."],
    ["broken tool", "Jira has been down all morning."],
    ["flaky tool", "The payments sandbox keeps failing with timeouts."],
    ["frozen", "We've been told to pause all outbound campaigns until the rebrand is signed off."],
    ["rejected", "The council rejected our planning application."],
    ["cannot", "We can't access the warehouse system since the password reset."],
    ["may not deliver", "Key risk: the vendor may not deliver the firmware in time."],
    ["dependency stated", "Engineering are behind on the API, which blocks our onboarding change."],
  ])("finds a blocker (%s)", (_kind, note) => {
    expect(blockerSentences(note)).toEqual([note]);
  });

  it.each([
    ["silent supplier", "Our supplier went quiet after the price increase."],
    ["unresponsive partner", "The customer's IT team is unresponsive."],
    ["nobody acts", "Nobody has picked up our ticket."],
    ["single owner leaving", "Our only data engineer resigned."],
    ["owner away", "Sarah is away till the 14th and she has the only admin login."],
    ["repeated chasing", "Tried to book the venue three times, they never answered."],
    ["thing not arrived", "The data we need from the bank still hasn't arrived."],
    ["on ice", "The pilot is on ice until the new director starts."],
    ["no ETA", "Still no ETA from the manufacturer."],
  ])("finds an implicit blocker (%s)", (_kind, note) => {
    expect(blockerSentences(note)).toEqual([note]);
  });

  it.each([
    "No blockers.",
    "Blockers: none.",
    "Dependencies: none",
    "Nothing is blocking us at the moment.",
    "We're not waiting on anyone this week.",
    "No one is waiting on us and we're not waiting on anyone.",
    "I don't see any blockers right now.",
    "Not blocked, just a busy week.",
    "Free of blockers for now.",
    "No risks or issues.",
    "There were no outages this month.",
    "Blocked? No, just slow going.",
  ])("reads a negated blocker as none: %j", (note) => {
    expect(blockerSentences(note)).toEqual([]);
  });

  it.each([
    "The delay from the supplier is resolved and parts arrived Tuesday.",
    "Last week we were stuck on the VPN, that's fixed now.",
    "We were blocked by facilities on the keys. That's sorted now.",
    "We had a delay with the supplier in March but we're back on plan.",
    "Unblocked now that IT granted the access.",
    "Risk is low, we have a fallback.",
    "The vendor finally replied and the limits are raised.",
    "I was off sick on Monday but caught up by Wednesday.",
  ])("reads a resolved or mitigated blocker as none: %j", (note) => {
    expect(blockerSentences(note)).toEqual([]);
  });

  it.each([
    "Average delivery delay down to 2.1 days.",
    "Errors dropped to 0.3% after the release.",
    "Waiting list reduced by 12%.",
    "Customer complaints are down to 4 a week.",
    "I'll be on holiday next week, Sara covers the check-in.",
    "Goes out to all customers next week.",
    "Can't wait to see the numbers next month!",
    "We decided to push the newsletter to next week to focus on onboarding.",
    "The only one left to review is the pricing page.",
  ])("does not read plain progress, metrics or plans as blockers: %j", (note) => {
    expect(blockerSentences(note)).toEqual([]);
  });

  it.each([
    ["the writer's own decision", "We put the pilot on hold to focus on the launch."],
    ["a choice stated", "We slipped one story into next sprint by choice."],
    ["a metric named after a problem", "Outage minutes this quarter: 12, against 95 last quarter."],
    ["risk as a modifier", "Reviewed the risk register with the board."],
    ["enthusiasm", "Couldn't be prouder of the ward team this week."],
    ["a software dependency", "Dependency upgrade done, all green."],
    ["time blocked out", "Blocked out Fridays for deep work."],
    ["nobody as an object", "We lost nobody from the evening shift this month."],
    ["planned downtime", "Took the scanners offline on Sunday for the upgrade, as planned."],
  ])("finds no blocker in a near-miss (%s)", (_kind, note) => {
    expect(blockerSentences(note)).toEqual([]);
  });

  it.each([
    ["undergone, not decided", "We fell behind on the ward audits because two auditors left."],
    ["telegraphic", "Customs clearance stuck again."],
    ["pushed to a date", "The publisher pushed the release of the console patch to March."],
    ["sitting on it", "Legal has been sitting on the contract for three weeks."],
  ])("still finds a blocker in first-person or telegraphic wording (%s)", (_kind, note) => {
    expect(blockerSentences(note)).toEqual([note]);
  });

  it("scopes negation to its clause, not the whole note", () => {
    const note = "No blockers on the content side, but we're still waiting on legal for the T&Cs.";
    expect(blockerSentences(note)).toEqual([note]);
    expect(blockerSentences("No issues with hiring. Waiting for the landlord to sign.")).toEqual([
      "Waiting for the landlord to sign.",
    ]);
  });

  it("keeps a blocker stated after something that was resolved", () => {
    const note = "The VPN is fixed, but the vendor still hasn't replied about the limits.";
    expect(blockerSentences(note)).toEqual([note]);
  });

  it("does not take a waiting-to-be-done as resolved", () => {
    const note = "Waiting for the contract to be approved by the client.";
    expect(blockerSentences(note)).toEqual([note]);
  });

  it("tolerates common typos and missing apostrophes", () => {
    expect(blockerSentences("still waitng on legal")).toEqual(["still waitng on legal"]);
    expect(blockerSentences("We're dependant on the landlord for the signage.")).toHaveLength(1);
    expect(blockerSentences("the rota still isnt published by HR")).toHaveLength(1);
    expect(blockerSentences("We’re blocked by the firewall change.")).toEqual([
      "We’re blocked by the firewall change.",
    ]);
  });

  it("reads list items and returns them without their bullets, as substrings of the note", () => {
    const note =
      "1. migrated 4 of 6 sites\n2. site 5 blocked by the firewall change request\n3. site 6 next week";
    const result = analyzeNote(note);
    expect(result.blockers).toEqual([
      { sentence: "site 5 blocked by the firewall change request", cue: "blocked" },
    ]);
    for (const b of result.blockers) expect(note.includes(b.sentence)).toBe(true);
  });

  it("returns each blocker sentence exactly as written, punctuation included", () => {
    const note = "Good week!  The printer is broken again (third time).\nHR hasn't approved the temps…";
    const sentences = blockerSentences(note);
    expect(sentences).toEqual(["The printer is broken again (third time).", "HR hasn't approved the temps…"]);
    for (const s of sentences) expect(note.includes(s)).toBe(true);
  });
});

describe("analyzeNote: what it does not analyse", () => {
  it.each(["", "   ", "-", "ok", "n/a", "👍"])("calls %j empty with no blockers", (note) => {
    expect(analyzeNote(note)).toEqual({ analysed: true, reason: "empty", blockers: [], tone: "neutral" });
  });

  it("reads a near-empty note that still names a blocker", () => {
    expect(blockerSentences("Same as last week, still waiting on the council.")).toHaveLength(1);
    expect(analyzeNote("Same as last week.").blockers).toEqual([]);
  });

  it.each([
    "Wir warten noch auf die IT. Der Server ist kaputt.",
    "Nous attendons toujours la décision du comité.",
    "Seguimos esperando la aprobación del comité.",
    "Ik wacht nog steeds op de offerte van de leverancier.",
  ])("does not analyse non-English notes: %j", (note) => {
    expect(analyzeNote(note)).toEqual({
      analysed: false,
      reason: "not-english",
      blockers: [],
      tone: "neutral",
    });
  });

  it("analyses a huge note up to the cap, says so, and never throws", () => {
    const filler = "Progress is fine and the team is on plan. ".repeat(400);
    const note = `Still waiting on legal for the contract. ${filler}The server is broken.`;
    expect(note.length).toBeGreaterThan(MAX_ANALYSED_CHARS);
    const result = analyzeNote(note);
    expect(result.analysed).toBe(true);
    expect(result.reason).toBe("too-long-truncated");
    expect(result.blockers.map((b) => b.sentence)).toEqual(["Still waiting on legal for the contract."]);
  });

  it("copes with a megabyte of text without sentence breaks", () => {
    const result = analyzeNote(`blocked ${"a".repeat(1_000_000)}`);
    expect(result.reason).toBe("too-long-truncated");
    expect(result.blockers).toHaveLength(1);
  });
});

describe("analyzeNote: tone", () => {
  it.each([
    ["Great week, the pilot is live and customers love it!", "positive"],
    ["No issues this week, everything done as planned.", "positive"],
    ["Still waiting on procurement, the launch slipped again.", "negative"],
    ["Not good: response times got worse.", "negative"],
    ["Ran the second workshop. Next: the survey.", "neutral"],
  ] as const)("reads %j as %s", (note, tone) => {
    expect(analyzeNote(note).tone).toBe(tone);
  });
});

describe("cue patterns", () => {
  it("never match the empty string (an empty match would stall the scan)", () => {
    for (const { pattern } of CUE_PATTERNS) {
      expect(new RegExp(pattern.source).test("")).toBe(false);
    }
    expect(new RegExp(RESOLUTION.source).test("")).toBe(false);
  });
});
