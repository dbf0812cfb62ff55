import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTeam } from "./support/factories.ts";
import {
  expectError,
  type Harness,
  type Member,
  type OrgRef,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

type Team = {
  id: string;
  name: string;
  parentId: string | null;
  methodology: string;
  version: number;
  archived: boolean;
  leadUserId: string | null;
  memberCount: number;
};
type Node = Team & { children: Node[] };

function helpers(owner: SessionClient, org: OrgRef) {
  const base = `/api/orgs/${org.slug}/teams`;
  return {
    base,
    create: (body: Parameters<typeof buildTeam>[0]) =>
      h.ok<Team>("POST", base, { as: owner, body: buildTeam(body) }, 201),
    get: (id: string) => h.ok<Team>("GET", `${base}/${id}`, { as: owner }),
    patch: (id: string, body: Record<string, unknown>) =>
      h.request("PATCH", `${base}/${id}`, { as: owner, body }),
    tree: (query = "") => h.ok<{ roots: Node[] }>("GET", `${base}/tree${query}`, { as: owner }),
    members: (id: string) => h.ok("GET", `${base}/${id}/members`, { as: owner }),
  };
}

/** The tree as nested names, for readable expectations. */
function shape(nodes: Node[]): unknown[] {
  return nodes.map((n) => (n.children.length ? { [n.name]: shape(n.children) } : n.name));
}

describe("the team tree", () => {
  let owner: SessionClient;
  let org: OrgRef;
  let t: ReturnType<typeof helpers>;
  let company: Team;
  let operations: Team;
  let fleet: Team;
  let rotterdam: Team;

  beforeAll(async () => {
    ({ owner, org } = await h.createOwnerWithOrg({ org: { name: "Van der Berg Logistics" } }));
    t = helpers(owner, org);
  });

  it("starts with the company at the root, led by the owner", async () => {
    const { roots } = await t.tree();
    expect(shape(roots)).toEqual(["Van der Berg Logistics"]);
    company = roots[0]!;
    expect(company).toMatchObject({ kind: "company", leadUserId: owner.userId, parentId: null });
  });

  it("creates teams under a parent", async () => {
    operations = await t.create({ name: "Operations", kind: "division", parentId: company.id });
    fleet = await t.create({ name: "Fleet Maintenance", parentId: operations.id, methodology: "kpi" });
    rotterdam = await t.create({ name: "Hub Rotterdam", parentId: operations.id, methodology: "okr" });
    expect(fleet).toMatchObject({ parentId: operations.id, methodology: "kpi", version: 1, archived: false });
    expect(shape((await t.tree()).roots)).toEqual([
      { "Van der Berg Logistics": [{ Operations: ["Fleet Maintenance", "Hub Rotterdam"] }] },
    ]);
  });

  it("validates names, methodology and parent", async () => {
    expectError(
      await h.request("POST", t.base, { as: owner, body: buildTeam({ name: "   " }) }),
      400,
      "validation_failed",
      "name",
    );
    expectError(
      await h.request("POST", t.base, { as: owner, body: { ...buildTeam(), methodology: "scrum" } }),
      400,
      "validation_failed",
      "methodology",
    );
    expectError(
      await h.request("POST", t.base, {
        as: owner,
        body: buildTeam({ parentId: "00000000-0000-4000-8000-000000000000" }),
      }),
      400,
      "validation_failed",
      "parentId",
    );
  });

  it("renames a team and counts the version up", async () => {
    const reply = await t.patch(rotterdam.id, {
      version: rotterdam.version,
      name: "Hub Rotterdam Waalhaven",
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ name: "Hub Rotterdam Waalhaven", version: rotterdam.version + 1 });
    rotterdam = reply.body;
  });

  it("moves a team with its sub-teams", async () => {
    const customs = await t.create({ name: "Customs Desk", parentId: fleet.id });
    const reply = await t.patch(fleet.id, { version: fleet.version, parentId: company.id });
    expect(reply.status, reply.text).toBe(200);
    fleet = reply.body;
    expect(shape((await t.tree()).roots)).toEqual([
      {
        "Van der Berg Logistics": [
          { "Fleet Maintenance": ["Customs Desk"] },
          { Operations: ["Hub Rotterdam Waalhaven"] },
        ],
      },
    ]);
    expect((await t.get(customs.id)).parentId).toBe(fleet.id);
  });

  it("refuses to move a team under itself or its own descendant, naming parentId", async () => {
    const customs = (await t.tree()).roots[0]!.children[0]!.children[0]!;
    const company = await t.get((await t.tree()).roots[0]!.id);
    for (const parentId of [customs.id, fleet.id]) {
      const reply = await t.patch(fleet.id, { version: fleet.version, parentId });
      expectError(reply, 400, "validation_failed", "parentId");
    }
    const underGrandchild = await t.patch(company.id, { version: company.version, parentId: customs.id });
    expectError(underGrandchild, 400, "validation_failed", "parentId");
    expect(await t.get(fleet.id)).toEqual(fleet);
  });

  it("archives a team: hidden from lists and tree unless asked for; restores it", async () => {
    const archived = await t.patch(rotterdam.id, { version: rotterdam.version, archived: true });
    expect(archived.status, archived.text).toBe(200);
    expect(archived.body.archived).toBe(true);
    const names = async (q: string) =>
      (await h.ok("GET", `${t.base}${q}`, { as: owner })).items.map((x: Team) => x.name);
    expect(await names("")).not.toContain("Hub Rotterdam Waalhaven");
    expect(await names("?includeArchived=true")).toContain("Hub Rotterdam Waalhaven");
    expect(JSON.stringify(shape((await t.tree()).roots))).not.toContain("Hub Rotterdam Waalhaven");
    expect(JSON.stringify(shape((await t.tree("?includeArchived=true")).roots))).toContain(
      "Hub Rotterdam Waalhaven",
    );

    const underArchived = await h.request("POST", t.base, {
      as: owner,
      body: buildTeam({ name: "Night Shift", parentId: rotterdam.id }),
    });
    expectError(underArchived, 400, "validation_failed", "parentId");

    const restored = await t.patch(rotterdam.id, { version: archived.body.version, archived: false });
    expect(restored.body.archived).toBe(false);
    expect(await names("")).toContain("Hub Rotterdam Waalhaven");
  });

  it("keeps at least one top-level team", async () => {
    const root = await t.get(company.id);
    const reply = await t.patch(company.id, { version: root.version, archived: true });
    expectError(reply, 409, "conflict");
    expect((await t.get(company.id)).archived).toBe(false);
  });

  it("a team that does not exist is 404", async () => {
    expectError(
      await h.request("GET", `${t.base}/00000000-0000-4000-8000-000000000000`, { as: owner }),
      404,
      "not_found",
    );
    expectError(
      await t.patch("00000000-0000-4000-8000-000000000000", { version: 1, name: "Ghost" }),
      404,
      "not_found",
    );
    expectError(
      await h.request("GET", `${t.base}/not-a-uuid`, { as: owner }),
      400,
      "validation_failed",
      "id",
    );
  });
});

describe("team members and leads", () => {
  let owner: SessionClient;
  let org: OrgRef;
  let t: ReturnType<typeof helpers>;
  let anouk: Member;
  let bram: Member;

  beforeAll(async () => {
    ({ owner, org } = await h.createOwnerWithOrg({ org: { name: "Noordzee Freight" } }));
    t = helpers(owner, org);
    anouk = await h.addPerson(owner, org, "member", { name: "Anouk Dijkstra" });
    bram = await h.addPerson(owner, org, "member", { name: "Bram Smits" });
  });

  it("adds and removes members; a person may be in several teams", async () => {
    const coldChain = await t.create({ name: "Cold Chain" });
    const academy = await t.create({ name: "Driver Academy" });
    for (const team of [coldChain, academy]) {
      const reply = await h.request("POST", `${t.base}/${team.id}/members`, {
        as: owner,
        body: { userId: anouk.id },
      });
      expect(reply.status, reply.text).toBe(200);
      expect(reply.body.items.map((m: { name: string }) => m.name)).toEqual(["Anouk Dijkstra"]);
    }
    await h.ok("POST", `${t.base}/${coldChain.id}/members`, { as: owner, body: { userId: bram.id } });
    // Adding twice changes nothing.
    await h.ok("POST", `${t.base}/${coldChain.id}/members`, { as: owner, body: { userId: bram.id } });
    expect((await t.members(coldChain.id)).items.map((m: { name: string }) => m.name)).toEqual([
      "Anouk Dijkstra",
      "Bram Smits",
    ]);
    expect((await t.get(coldChain.id)).memberCount).toBe(2);

    const removed = await h.request("DELETE", `${t.base}/${coldChain.id}/members/${anouk.id}`, { as: owner });
    expect(removed.status).toBe(200);
    expect(removed.body.items.map((m: { name: string }) => m.name)).toEqual(["Bram Smits"]);
    expect((await t.members(academy.id)).items.map((m: { name: string }) => m.name)).toEqual([
      "Anouk Dijkstra",
    ]);
    expectError(
      await h.request("DELETE", `${t.base}/${coldChain.id}/members/${anouk.id}`, { as: owner }),
      404,
      "not_found",
    );
  });

  it("only people of the organisation can be members", async () => {
    const team = await t.create({ name: "Customer Service" });
    const outsider = await h.createUser({ name: "Stijn Jacobs" });
    const reply = await h.request("POST", `${t.base}/${team.id}/members`, {
      as: owner,
      body: { userId: outsider.id },
    });
    expectError(reply, 400, "validation_failed", "userId");
    expect((await t.members(team.id)).items).toEqual([]);
  });

  it("a lead must be an active member, becomes a team member, and cannot be removed while leading", async () => {
    const outsider = await h.createUser({ name: "Eva Kok" });
    const refused = await h.request("POST", t.base, {
      as: owner,
      body: buildTeam({ name: "Route Planning", leadUserId: outsider.id }),
    });
    expectError(refused, 400, "validation_failed", "leadUserId");

    const routes = await t.create({ name: "Route Planning", leadUserId: anouk.id });
    expect(routes).toMatchObject({ leadUserId: anouk.id, leadName: "Anouk Dijkstra", memberCount: 1 });
    const remove = await h.request("DELETE", `${t.base}/${routes.id}/members/${anouk.id}`, { as: owner });
    expectError(remove, 409, "conflict");

    const changeLead = await t.patch(routes.id, { version: routes.version, leadUserId: bram.id });
    expect(changeLead.status, changeLead.text).toBe(200);
    expect((await t.members(routes.id)).items.map((m: { name: string }) => m.name)).toEqual([
      "Anouk Dijkstra",
      "Bram Smits",
    ]);
    const badLead = await t.patch(routes.id, { version: changeLead.body.version, leadUserId: outsider.id });
    expectError(badLead, 400, "validation_failed", "leadUserId");
    expect((await t.get(routes.id)).leadUserId).toBe(bram.id);
  });
});

describe("finding teams", () => {
  let owner: SessionClient;
  let org: OrgRef;
  const cities = [
    "Amsterdam",
    "Antwerp",
    "Arnhem",
    "Bremen",
    "Breda",
    "Brussels",
    "Duisburg",
    "Eindhoven",
    "Enschede",
    "Groningen",
    "Hamburg",
    "Liège",
    "Lille",
    "Maastricht",
    "Nijmegen",
    "Rotterdam",
    "Tilburg",
    "Utrecht",
    "Venlo",
    "Zwolle",
  ];
  const others = [
    "Cold Chain",
    "customs desk",
    "Driver Academy",
    "eCommerce Returns",
    "Finance & Control",
    "Fleet Maintenance",
    "Route Planning",
    "Spare Parts 100%",
    "Warehouse_Tilburg",
  ];

  beforeAll(async () => {
    ({ owner, org } = await h.createOwnerWithOrg({ org: { name: "Rijnmond Distribution" } }));
    // Created out of order, so the order of the list comes from the names.
    for (const name of [...cities.map((c) => `Hub ${c}`), ...others].reverse()) {
      await h.ok("POST", `/api/orgs/${org.slug}/teams`, { as: owner, body: buildTeam({ name }) }, 201);
    }
  });

  it("pages through every team exactly once, in case-insensitive name order", async () => {
    const seen: Team[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const page = await h.ok("GET", `/api/orgs/${org.slug}/teams${query}`, { as: owner });
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    const names = seen.map((t) => t.name);
    expect(names).toHaveLength(cities.length + others.length + 1);
    expect(new Set(seen.map((t) => t.id)).size).toBe(seen.length);
    const key = (n: string) => n.toLowerCase();
    const sorted = [...names].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    expect(names).toEqual(sorted);
    expect(pages).toBe(Math.ceil(names.length / 7));
    expect(names.indexOf("eCommerce Returns")).toBeLessThan(names.indexOf("Finance & Control"));
    expect(names.indexOf("customs desk")).toBeGreaterThan(names.indexOf("Cold Chain"));
  });

  it("searches names case-insensitively, taking % and _ literally", async () => {
    const search = async (q: string) =>
      (
        await h.ok("GET", `/api/orgs/${org.slug}/teams?limit=200&q=${encodeURIComponent(q)}`, { as: owner })
      ).items.map((t: Team) => t.name);
    expect(await search("HUB B")).toEqual(["Hub Breda", "Hub Bremen", "Hub Brussels"]);
    expect(await search("100%")).toEqual(["Spare Parts 100%"]);
    expect(await search("%")).toEqual(["Spare Parts 100%"]);
    expect(await search("b_b")).toEqual([]); // as a wildcard it would find "Hub Breda"…
    expect(await search("_")).toEqual(["Warehouse_Tilburg"]);
    expect(await search("Tilburg")).toEqual(["Hub Tilburg", "Warehouse_Tilburg"]);
  });

  it("refuses a cursor it did not give out, and limits outside 1–200", async () => {
    expectError(
      await h.request("GET", `/api/orgs/${org.slug}/teams?cursor=forged`, { as: owner }),
      400,
      "validation_failed",
      "cursor",
    );
    for (const limit of ["0", "201", "seven"]) {
      expectError(
        await h.request("GET", `/api/orgs/${org.slug}/teams?limit=${limit}`, { as: owner }),
        400,
        "validation_failed",
        "limit",
      );
    }
  });
});

describe("two people editing the same team", () => {
  it("the second save with the same version gets 409 version_conflict and changes nothing", async () => {
    const { owner, org } = await h.createOwnerWithOrg({ org: { name: "Delta Parcel Services" } });
    const admin = await h.addPerson(owner, org, "admin", { name: "Julia Meijer" });
    const t = helpers(owner, org);
    const team = await t.create({ name: "Last Mile Amsterdam" });
    const audit = () => h.ok("GET", `/api/orgs/${org.slug}/audit?entityId=${team.id}`, { as: owner });
    const eventsBefore = (await audit()).items.length;

    const first = await h.request("PATCH", `${t.base}/${team.id}`, {
      as: owner,
      body: { version: team.version, name: "Last Mile Amsterdam Noord" },
    });
    expect(first.status, first.text).toBe(200);
    const second = await h.request("PATCH", `${t.base}/${team.id}`, {
      as: admin.client,
      body: { version: team.version, name: "Last Mile Amsterdam Zuid", methodology: "kpi" },
    });
    expectError(second, 409, "version_conflict");
    expect(await t.get(team.id)).toMatchObject({
      name: "Last Mile Amsterdam Noord",
      methodology: team.methodology,
      version: team.version + 1,
    });
    expect((await audit()).items.length).toBe(eventsBefore + 1);
  });
});
