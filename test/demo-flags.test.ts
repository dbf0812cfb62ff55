/**
 * The demo tells the risk-flag story: a squad lead whose KR confidence went 7 → 5 → 3
 * with notes about waiting on another team has an open flag, quoting the sentence, that
 * their manager may resolve.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, type Json, type SessionClient, startHarness } from "./support/harness.ts";

let h: Harness;
let owner: SessionClient;
const slug = "nordwind-logistics";

beforeAll(async () => {
  h = await startHarness();
  const reply = await h.request("POST", "/api/setup", {
    body: {
      start: "demo",
      name: "Priya Kaya",
      email: "priya.kaya@example.com",
      password: "demo password 2026",
    },
  });
  expect(reply.status).toBe(201);
  owner = await h.signIn("priya.kaya@example.com", "demo password 2026");
});
afterAll(() => h?.close());

describe("the demo's risk flag", () => {
  it("flags a squad lead's KR whose confidence fell 7 → 5 → 3 while waiting on another team", async () => {
    const tree = await h.ok("GET", `/api/orgs/${slug}/teams/tree`, { as: owner });
    const flatten = (nodes: Json[]): Json[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);
    const teams = flatten(tree.roots);
    const squad = teams.find((t) => t.name === "Integrations Squad");
    const { items } = await h.ok("GET", `/api/orgs/${slug}/teams/${squad.id}/flags`, { as: owner });
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item.keyResult.ownerUserId).toBe(squad.leadUserId);
    expect(item.flag).toMatchObject({
      status: "open",
      cue: "waiting",
      confidenceBefore: 7,
      confidenceNow: 3,
    });
    expect(item.flag.quote).toMatch(/waiting on the Platform team/);

    // The history behind it: the last three check-ins fell 7 → 5 → 3, and the quote is the newest note's.
    const history = (
      await h.ok("GET", `/api/orgs/${slug}/key-results/${item.keyResult.id}/check-ins`, { as: owner })
    ).items;
    expect(history.slice(0, 3).map((c: Json) => c.confidence)).toEqual([3, 5, 7]);
    expect(history[0].id).toBe(item.flag.quoteCheckInId);
    expect(history[0].signals.blockers[0].sentence).toBe(item.flag.quote);

    // It is on the KR as the Objective page shows it, and the lead has a manager to resolve it.
    const objective = await h.ok("GET", `/api/orgs/${slug}/objectives/${item.objective.id}`, { as: owner });
    expect(objective.keyResults.find((k: Json) => k.id === item.keyResult.id).flag.id).toBe(item.flag.id);
    const lead = await h.ok("GET", `/api/orgs/${slug}/people/${squad.leadUserId}`, { as: owner });
    expect(lead.managerUserId).not.toBeNull();

    // The company's view (its whole subtree) holds it too, and it is the demo's only open flag.
    const company = await h.ok("GET", `/api/orgs/${slug}/teams/${tree.roots[0].id}/flags`, { as: owner });
    expect(company.items.map((i: Json) => i.flag.id)).toEqual([item.flag.id]);
  });

  it("puts the flag on the squad lead's next 1:1 with their manager, quoting the sentence", async () => {
    const tree = await h.ok("GET", `/api/orgs/${slug}/teams/tree`, { as: owner });
    const [item] = (await h.ok("GET", `/api/orgs/${slug}/teams/${tree.roots[0].id}/flags`, { as: owner }))
      .items;
    const lead = await h.ok("GET", `/api/orgs/${slug}/people/${item.keyResult.ownerUserId}`, { as: owner });
    const pair = await h.ok("GET", `/api/orgs/${slug}/one-on-ones/${lead.managerUserId}/${lead.userId}`, {
      as: owner,
    });
    const flagged = pair.agenda.items.filter((i: Json) => i.kind === "risk_flag");
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ quote: item.flag.quote, subject: { id: item.keyResult.id } });
  });

  it("stores what Keel read in every demo check-in's note", async () => {
    const tree = await h.ok("GET", `/api/orgs/${slug}/teams/tree`, { as: owner });
    const objectives = (
      await h.ok("GET", `/api/orgs/${slug}/objectives?teamId=${tree.roots[0].id}`, { as: owner })
    ).items;
    const kr = objectives[0].keyResults[0];
    const history = (await h.ok("GET", `/api/orgs/${slug}/key-results/${kr.id}/check-ins`, { as: owner }))
      .items;
    expect(history.length).toBeGreaterThan(0);
    for (const c of history) expect(c.signals, c.note).not.toBeNull();
  });
});
