import { createRoute } from "@hono/zod-openapi";
import {
  IdSchema,
  ListQuerySchema,
  OrgIdParamSchema,
  OrgParamSchema,
  pageOf,
} from "../../shared/schemas/common.ts";
import {
  AddTeamMemberSchema,
  CreateTeamSchema,
  TeamListQuerySchema,
  TeamMemberSchema,
  TeamSchema,
  TeamTreeSchema,
  UpdateTeamSchema,
} from "../../shared/schemas/teams.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import {
  addMemberToTeam,
  createTeam,
  getTeam,
  listTeamsPage,
  removeMemberFromTeam,
  teamMembers,
  teamTree,
  updateTeamDetails,
} from "../services/team-service.ts";
import { authenticated } from "./route-helpers.ts";

const MemberParams = OrgIdParamSchema.extend({ userId: IdSchema });

export function teamRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/teams",
      tags: ["Teams"],
      summary: "Teams by name, searchable",
      security: authenticated,
      request: { params: OrgParamSchema, query: ListQuerySchema.extend(TeamListQuerySchema.shape) },
      responses: { 200: jsonResponse(pageOf(TeamSchema), "Teams"), ...errorResponses },
    }),
    async (c) => {
      const query = c.req.valid("query");
      return c.json(
        await listTeamsPage(deps, c.get("actor"), {
          ...query,
          includeArchived: query.includeArchived === "true",
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/teams/tree",
      tags: ["Teams"],
      summary: "The whole team tree (company → division → department → squad)",
      security: authenticated,
      request: { params: OrgParamSchema, query: TeamListQuerySchema },
      responses: { 200: jsonResponse(TeamTreeSchema, "The tree"), ...errorResponses },
    }),
    async (c) =>
      c.json(await teamTree(deps, c.get("actor"), c.req.valid("query").includeArchived === "true"), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/teams",
      tags: ["Teams"],
      summary: "Create a team, optionally under a parent (admins)",
      security: authenticated,
      request: { params: OrgParamSchema, body: jsonBody(CreateTeamSchema) },
      responses: { 201: jsonResponse(TeamSchema, "Created"), ...errorResponses },
    }),
    async (c) => c.json(await createTeam(deps, c.get("actor"), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/teams/{id}",
      tags: ["Teams"],
      summary: "One team",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: { 200: jsonResponse(TeamSchema, "The team"), ...errorResponses },
    }),
    async (c) => c.json(await getTeam(deps, c.get("actor"), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/orgs/{org}/teams/{id}",
      tags: ["Teams"],
      summary: "Rename, move, change lead or methodology, archive or restore (admins)",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(UpdateTeamSchema) },
      responses: { 200: jsonResponse(TeamSchema, "Updated"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await updateTeamDetails(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/teams/{id}/members",
      tags: ["Teams"],
      summary: "The team's members by name, searchable",
      security: authenticated,
      request: { params: OrgIdParamSchema, query: ListQuerySchema },
      responses: { 200: jsonResponse(pageOf(TeamMemberSchema), "Members"), ...errorResponses },
    }),
    async (c) =>
      c.json(await teamMembers(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/teams/{id}/members",
      tags: ["Teams"],
      summary: "Add a member to the team (admins); a person may be in several teams",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(AddTeamMemberSchema) },
      responses: { 200: jsonResponse(pageOf(TeamMemberSchema), "Members now"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await addMemberToTeam(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("json").userId),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/orgs/{org}/teams/{id}/members/{userId}",
      tags: ["Teams"],
      summary: "Remove a member from the team (admins)",
      security: authenticated,
      request: { params: MemberParams },
      responses: { 200: jsonResponse(pageOf(TeamMemberSchema), "Members now"), ...errorResponses },
    }),
    async (c) => {
      const { id, userId } = c.req.valid("param");
      return c.json(await removeMemberFromTeam(deps, c.get("actor"), id, userId), 200);
    },
  );
}
