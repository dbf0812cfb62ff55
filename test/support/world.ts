/**
 * An organisation with one of everything the API manages, and the ids to put into any
 * route's path or body. Used by the tests generated from the OpenAPI document.
 */
import { buildCycle, buildInvitation, buildTeam, buildTheme } from "./factories.ts";
import type { Harness, OrgRef, SessionClient, TokenClient } from "./harness.ts";
import type { Operation } from "./openapi.ts";

export type World = {
  org: OrgRef;
  owner: SessionClient;
  /** A personal token of the owner, with the owner role. */
  ownerToken: TokenClient;
  person: { id: string; name: string; email: string; client: SessionClient };
  team: { id: string; name: string };
  cycle: { id: string; name: string };
  theme: { id: string; name: string };
  invitation: { id: string; email: string; token: string };
  /** A service token of the organisation (a thing to revoke, not a caller). */
  serviceToken: { id: string; name: string };
};

export type WorldNames = {
  org: string;
  owner: string;
  person: string;
  team: string;
  cycle: string;
  theme: string;
  invitee: string;
  serviceToken: string;
};

export async function buildWorld(h: Harness, names: WorldNames): Promise<World> {
  const { owner, org } = await h.createOwnerWithOrg({
    person: { name: names.owner },
    org: { name: names.org },
  });
  const person = await h.addPerson(owner, org, "member", { name: names.person });
  const team = await h.ok(
    "POST",
    `/api/orgs/${org.slug}/teams`,
    { as: owner, body: buildTeam({ name: names.team, leadUserId: person.id }) },
    201,
  );
  const cycle = await h.ok(
    "POST",
    `/api/orgs/${org.slug}/cycles`,
    { as: owner, body: buildCycle({ name: names.cycle }) },
    201,
  );
  const theme = await h.ok(
    "POST",
    `/api/orgs/${org.slug}/themes`,
    { as: owner, body: buildTheme({ name: names.theme }) },
    201,
  );
  const invitation = await h.ok(
    "POST",
    `/api/orgs/${org.slug}/invitations`,
    { as: owner, body: buildInvitation({ email: names.invitee, role: "member" }) },
    201,
  );
  const service = await h.createToken(owner, org, {
    kind: "service",
    name: names.serviceToken,
    role: "member",
  });
  const ownerToken = await h.createToken(owner, org, {
    kind: "personal",
    name: `${names.owner}'s key`,
    role: "owner",
  });
  return {
    org,
    owner,
    ownerToken: ownerToken.client,
    person: { id: person.id, name: person.name, email: person.email, client: person.client },
    team: { id: team.id, name: team.name },
    cycle: { id: cycle.id, name: cycle.name },
    theme: { id: theme.id, name: theme.name },
    invitation: {
      id: invitation.invitation.id,
      email: invitation.invitation.email,
      token: /\/invite\/([^/]+)$/.exec(invitation.url)![1]!,
    },
    serviceToken: { id: service.id, name: names.serviceToken },
  };
}

/** Which world entity an `{id}` means, by the collection segment before it. */
function entityForCollection(world: World, collection: string): string | undefined {
  const byCollection: Record<string, string> = {
    teams: world.team.id,
    cycles: world.cycle.id,
    themes: world.theme.id,
    invitations: world.invitation.id,
    tokens: world.serviceToken.id,
    people: world.person.id,
  };
  return byCollection[collection];
}

/** Values for every path parameter of an operation, taken from the world. */
export function pathValues(world: World, op: Operation): Record<string, string> {
  const values: Record<string, string> = {};
  const segments = op.path.split("/");
  for (const param of op.pathParams) {
    if (param === "org") values[param] = world.org.slug;
    else if (param === "userId") values[param] = world.person.id;
    else if (param === "token") values[param] = world.invitation.token;
    else {
      const collection = segments[segments.indexOf(`{${param}}`) - 1] ?? "";
      const id = entityForCollection(world, collection);
      if (!id) {
        throw new Error(
          `${op.label}: test/support/world.ts does not know which entity {${param}} under /${collection} is; add it to World so tenant isolation and fuzzing cover it`,
        );
      }
      values[param] = id;
    }
  }
  return values;
}

/** The world's id for a body field that refers to another entity (parentId, leadUserId…). */
export function bodyIdFor(world: World) {
  return (field: string): string | undefined => {
    const f = field.toLowerCase();
    if (f === "parentid" || f === "teamid") return world.team.id;
    if (f.endsWith("userid")) return world.person.id;
    if (f === "cycleid") return world.cycle.id;
    if (f === "themeid") return world.theme.id;
    if (f === "tokenid") return world.serviceToken.id;
    if (f === "invitationid") return world.invitation.id;
    return undefined;
  };
}

/** Strings that belong to this world and must never show up in another organisation's answers. */
export function secretsOf(world: World): string[] {
  return [
    world.org.id,
    world.org.name,
    world.owner.userId,
    world.owner.email,
    world.person.id,
    world.person.name,
    world.person.email,
    world.team.id,
    world.team.name,
    world.cycle.id,
    world.cycle.name,
    world.theme.id,
    world.theme.name,
    world.invitation.id,
    world.invitation.email,
    world.serviceToken.id,
    world.serviceToken.name,
  ];
}
