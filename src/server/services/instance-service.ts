import type { Queryable } from "../../db/client.ts";
import { AppError, notFound } from "../../shared/errors.ts";
import type { Operator } from "../../shared/schemas/instance.ts";
import type { Deps } from "../context.ts";
import {
  findUserByEmail,
  findUserById,
  listOperators,
  lockOperators,
  setOperator,
} from "../repositories/identity-repository.ts";
import { readSetting, writeSetting } from "../repositories/organization-repository.ts";
import { emailEnabled } from "./email/outbox.ts";

/**
 * Operators run the Keel instance: they create organisations and name other operators.
 * Accounts are global, so letting anyone create an account would let anyone claim any
 * address: only an instance that sends email, where new accounts prove their address by an
 * emailed link, may open organisation creation (and with it sign-up) to everyone.
 */
export async function isOperator(deps: Deps, userId: string): Promise<boolean> {
  return (await findUserById(deps.db, userId))?.isOperator === true;
}

/** 403 unless the signed-in person is an operator of this instance. */
export async function requireOperator(deps: Deps, userId: string, toDo: string): Promise<void> {
  if (!(await isOperator(deps, userId))) {
    throw new AppError(
      "forbidden",
      `Only the operators of this Keel instance can ${toDo}: the person who set Keel up and those an operator has named (or the server's \`keel operator\` command). Ask one of them.`,
    );
  }
}

export async function operatorList(deps: Deps): Promise<{ items: Operator[]; nextCursor: null }> {
  return { items: await listOperators(deps.db), nextCursor: null };
}

/**
 * Names an account an operator or takes the role away; the change is logged with who made
 * it (instance roles belong to no organisation, so no organisation's audit log holds it).
 * The last operator cannot be removed: nobody could create organisations any more.
 */
export async function setOperatorRole(
  deps: Deps,
  by: { userId: string; email: string; requestId: string } | "cli",
  input: { email: string; operator: boolean },
): Promise<Operator[]> {
  const changed = await deps.db.transaction(async (tx) => {
    const operators = await lockOperators(tx);
    const user = await findUserByEmail(tx, input.email);
    if (!user) throw notFound(`An account for ${input.email}`);
    if (!input.operator && user.isOperator && operators.length <= 1) {
      throw new AppError(
        "conflict",
        `${user.email} is the last operator of this Keel instance. Name another operator first.`,
      );
    }
    return (await setOperator(tx, user.id, input.operator)) ? user : null;
  });
  if (changed) {
    deps.logger.warn(
      {
        event: input.operator ? "operator.added" : "operator.removed",
        account: changed.email,
        by: by === "cli" ? "keel CLI" : by.email,
        ...(by === "cli" ? {} : { byUserId: by.userId, requestId: by.requestId }),
      },
      `${changed.email} ${input.operator ? "is now an operator" : "is no longer an operator"} of this Keel instance`,
    );
  }
  return listOperators(deps.db);
}

export type OrganizationCreation = "operators" | "everyone";

/** The instance_settings key of who may create organisations; absent means "operators". */
const ORGANIZATION_CREATION = "organization_creation";

/** The stored setting, as the operators chose it. */
export async function storedOrganizationCreation(q: Queryable): Promise<OrganizationCreation> {
  return (await readSetting(q, ORGANIZATION_CREATION)) === "everyone" ? "everyone" : "operators";
}

/**
 * Whether organisation creation (and self sign-up) is open to everyone now: stored as
 * "everyone" and this instance sends email. With email turned off since, it counts as
 * "operators": nobody could prove a new address.
 */
export async function openToEveryone(deps: Deps): Promise<boolean> {
  return emailEnabled(deps) && (await storedOrganizationCreation(deps.db)) === "everyone";
}

/** Operators always; everyone else while creation is open to everyone. */
export async function mayCreateOrganizations(deps: Deps, user: { isOperator: boolean }): Promise<boolean> {
  return user.isOperator || (await openToEveryone(deps));
}

/** 403 unless the signed-in person may create organisations. */
export async function requireMayCreateOrganizations(deps: Deps, userId: string): Promise<void> {
  const user = await findUserById(deps.db, userId);
  if (user && (await mayCreateOrganizations(deps, user))) return;
  await requireOperator(deps, userId, "create organisations");
}

export async function instanceSettings(deps: Deps) {
  const organizationCreation = await storedOrganizationCreation(deps.db);
  return {
    organizationCreation,
    emailConfigured: emailEnabled(deps),
    signUpOpen: emailEnabled(deps) && organizationCreation === "everyone",
  };
}

/**
 * Sets who may create organisations. "everyone" opens self sign-up, whose accounts prove
 * their address by an emailed link, so it needs this instance to send email. A change is
 * logged with who made it and the value before and after (instance settings belong to no
 * organisation, so no organisation's audit log holds them); the same value writes nothing.
 */
export async function updateInstanceSettings(
  deps: Deps,
  by: { userId: string; email: string; requestId: string },
  input: { organizationCreation: OrganizationCreation },
) {
  if (input.organizationCreation === "everyone" && !emailEnabled(deps)) {
    throw new AppError(
      "conflict",
      "Letting everyone create organisations opens self sign-up, and new accounts prove their address by an emailed link, so this Keel must send email first: set KEEL_SMTP_HOST, KEEL_SMTP_FROM and KEEL_PUBLIC_URL (docs/email.md) and restart Keel.",
      { requires: "email", configure: ["KEEL_SMTP_HOST", "KEEL_SMTP_FROM", "KEEL_PUBLIC_URL"] },
    );
  }
  const before = await deps.db.transaction(async (tx) => {
    const current = await storedOrganizationCreation(tx);
    if (current !== input.organizationCreation) {
      await writeSetting(tx, ORGANIZATION_CREATION, input.organizationCreation);
    }
    return current;
  });
  if (before !== input.organizationCreation) {
    deps.logger.warn(
      {
        event: "instance.settings_changed",
        before: { organizationCreation: before },
        after: { organizationCreation: input.organizationCreation },
        by: by.email,
        byUserId: by.userId,
        requestId: by.requestId,
      },
      `Organisation creation is now open to ${input.organizationCreation === "everyone" ? "everyone (self sign-up is open)" : "operators only (self sign-up is closed)"}`,
    );
  }
  return instanceSettings(deps);
}
