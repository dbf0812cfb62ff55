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

/**
 * Operators run the Keel instance: they create organisations and name other operators.
 * Accounts are global and no address is proven by email yet, so letting anyone create an
 * organisation would let anyone add (and claim) any address; hence a role above owners.
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

/** Opening organisation creation to everyone waits for email that proves addresses. */
export function updateInstanceSettings(input: { organizationCreation: "operators" | "everyone" }) {
  if (input.organizationCreation === "everyone") {
    throw new AppError(
      "conflict",
      "Letting everyone create organisations needs verified email (Keel proving that people own their addresses), which this version does not have. Until then only operators create organisations.",
      { requires: "verified_email" },
    );
  }
  return { organizationCreation: "operators" as const };
}
