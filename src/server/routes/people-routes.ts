import { createRoute } from "@hono/zod-openapi";
import { ResetLinkSchema, SessionSchema } from "../../shared/schemas/auth.ts";
import { IdSchema, ListQuerySchema, OrgParamSchema, pageOf } from "../../shared/schemas/common.ts";
import {
  CreatedInvitationSchema,
  CreateInvitationSchema,
  CreatePersonSchema,
  InvitationSchema,
  PeopleListQuerySchema,
  PersonSchema,
  UpdatePersonSchema,
} from "../../shared/schemas/people.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import { createInvitation, listInvitationsFor, revokeInvitationFor } from "../services/invitation-service.ts";
import {
  createPerson,
  getPerson,
  issueResetLinkForPerson,
  listPeoplePage,
  updatePerson,
} from "../services/people-service.ts";
import { startViewAs } from "../services/view-as-service.ts";
import { authenticated, baseUrlOf, requireSession } from "./route-helpers.ts";

const PersonParams = OrgParamSchema.extend({ userId: IdSchema });
const InvitationParams = OrgParamSchema.extend({ id: IdSchema });

export function peopleRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/people",
      tags: ["People"],
      summary: "Members of the organisation, by name",
      security: authenticated,
      request: { params: OrgParamSchema, query: ListQuerySchema.extend(PeopleListQuerySchema.shape) },
      responses: { 200: jsonResponse(pageOf(PersonSchema), "People"), ...errorResponses },
    }),
    async (c) => c.json(await listPeoplePage(deps, c.get("actor"), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/people",
      tags: ["People"],
      summary:
        "Add a person (admins): an invitation link with their name, title and manager, the same answer whether or not the address has a Keel account",
      security: authenticated,
      request: { params: OrgParamSchema, body: jsonBody(CreatePersonSchema) },
      responses: { 201: jsonResponse(CreatedInvitationSchema, "Invited"), ...errorResponses },
    }),
    async (c) =>
      c.json(await createPerson(deps, c.get("actor"), c.req.valid("json"), baseUrlOf(c, deps)), 201),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/people/{userId}/view-as",
      tags: ["People"],
      summary:
        "Open a demo organisation as one of its people (its owners only, audited); DELETE /api/auth/view-as returns",
      security: [{ session: [] }],
      request: { params: PersonParams },
      responses: {
        200: jsonResponse(SessionSchema, "The session as that person sees it"),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await startViewAs(deps, c.get("actor"), requireSession(c), c.req.valid("param").userId), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/people/{userId}",
      tags: ["People"],
      summary: "One member",
      security: authenticated,
      request: { params: PersonParams },
      responses: { 200: jsonResponse(PersonSchema, "The person"), ...errorResponses },
    }),
    async (c) => c.json(await getPerson(deps, c.get("actor"), c.req.valid("param").userId), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/orgs/{org}/people/{userId}",
      tags: ["People"],
      summary: "Change role, title or manager; deactivate or reactivate (admins)",
      security: authenticated,
      request: { params: PersonParams, body: jsonBody(UpdatePersonSchema) },
      responses: { 200: jsonResponse(PersonSchema, "Updated"), ...errorResponses },
    }),
    async (c) =>
      c.json(await updatePerson(deps, c.get("actor"), c.req.valid("param").userId, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/people/{userId}/password-reset",
      tags: ["People"],
      summary: "Issue a one-time password reset link for a member (admins)",
      security: authenticated,
      request: { params: PersonParams },
      responses: { 201: jsonResponse(ResetLinkSchema, "The link"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await issueResetLinkForPerson(deps, c.get("actor"), c.req.valid("param").userId, baseUrlOf(c, deps)),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/invitations",
      tags: ["People"],
      summary: "Invitations, newest first, searchable by email (admins)",
      security: authenticated,
      request: { params: OrgParamSchema, query: ListQuerySchema },
      responses: { 200: jsonResponse(pageOf(InvitationSchema), "Invitations"), ...errorResponses },
    }),
    async (c) => c.json(await listInvitationsFor(deps, c.get("actor"), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/invitations",
      tags: ["People"],
      summary: "Invite someone by email: returns a one-time, expiring link to copy (admins)",
      security: authenticated,
      request: { params: OrgParamSchema, body: jsonBody(CreateInvitationSchema) },
      responses: { 201: jsonResponse(CreatedInvitationSchema, "Invited"), ...errorResponses },
    }),
    async (c) =>
      c.json(await createInvitation(deps, c.get("actor"), c.req.valid("json"), baseUrlOf(c, deps)), 201),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/orgs/{org}/invitations/{id}",
      tags: ["People"],
      summary: "Revoke a pending invitation (admins)",
      security: authenticated,
      request: { params: InvitationParams },
      responses: { 200: jsonResponse(InvitationSchema, "Revoked"), ...errorResponses },
    }),
    async (c) => c.json(await revokeInvitationFor(deps, c.get("actor"), c.req.valid("param").id), 200),
  );
}
