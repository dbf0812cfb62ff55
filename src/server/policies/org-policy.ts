import { may, type OrgAction } from "../../domain/roles.ts";
import { AppError } from "../../shared/errors.ts";
import type { Actor } from "../context.ts";

const explanations: Record<OrgAction, string> = {
  read: "read this organisation",
  create_personal_token: "create API tokens",
  manage_settings: "change organisation settings",
  manage_people: "manage people and invitations",
  manage_teams: "manage teams",
  manage_cycles: "manage cycles",
  manage_themes: "manage strategic themes",
  manage_service_tokens: "manage service tokens",
  read_audit: "read the audit log",
};

/** Throws `forbidden` unless the actor's role allows the action. */
export function authorize(actor: Actor, action: OrgAction): void {
  if (!may(actor.role, action)) {
    throw new AppError(
      "forbidden",
      `Your role (${actor.role}) does not allow you to ${explanations[action]}. Ask an admin of ${actor.orgName}.`,
    );
  }
}
