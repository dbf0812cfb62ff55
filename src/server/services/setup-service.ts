import { AppError } from "../../shared/errors.ts";
import type { Deps } from "../context.ts";
import { hashPassword } from "../lib/passwords.ts";
import { humanCode, sha256 } from "../lib/secrets.ts";
import {
  findUserByEmail,
  insertUser,
  setOperator,
  setPasswordHash,
} from "../repositories/identity-repository.ts";
import {
  deleteSetting,
  deleteSettingsWithPrefix,
  readSetting,
  settingExistsWithPrefix,
  writeSetting,
} from "../repositories/organization-repository.ts";
import { lockSetup, someAccountHasPassword } from "../repositories/setup-repository.ts";
import { seedDemoOrganization } from "../seed/seed-demo.ts";
import { createSession, type NewSession } from "./auth-service.ts";
import { createOrganizationIn } from "./organization-service.ts";

/**
 * Each announced code is stored under its own key (`setup_code:<sha256>`): several
 * instances starting on one database each announce a code, and any of them must work.
 */
const SETUP_CODE_PREFIX = "setup_code:";
/** Where earlier versions kept the single code; cleared with the others. */
const LEGACY_SETUP_CODE_KEY = "setup_code_sha256";

/** An instance needs setup until some account can sign in. */
export async function needsSetup(deps: Deps): Promise<boolean> {
  return !(await someAccountHasPassword(deps.db));
}

/**
 * Setup without the code is only for a browser on the server itself (`local`: see
 * isLocalRequest) and never in production. Anything else must prove access to the
 * server's log: behind a local proxy every request would look like loopback, and a
 * DNS-rebinding page reaches loopback from a visitor's browser under its own name.
 */
export function setupCodeRequired(local: boolean, production: boolean): boolean {
  return production || !local;
}

/** Makes a fresh one-time setup code, stores its hash and logs it for the operator. */
export async function announceSetupCode(deps: Deps): Promise<string> {
  const code = humanCode();
  await writeSetting(deps.db, `${SETUP_CODE_PREFIX}${sha256(code)}`, "announced");
  deps.logger.warn(
    { setupCode: code },
    `Keel has no accounts yet. Open it in a browser to set it up; from another machine, enter the setup code ${code}`,
  );
  return code;
}

export type SetupInput = {
  start: "own" | "demo";
  organizationName?: string | undefined;
  timeZone: string;
  name: string;
  email: string;
  password: string;
  setupCode?: string | undefined;
};

export async function runSetup(
  deps: Deps,
  input: SetupInput,
  request: { ip: string; local: boolean; userAgent: string | null; requestId: string },
): Promise<{ session: NewSession; orgSlug: string; userId: string }> {
  // Checked first: asking a set-up instance's visitors for a setup code would print a new,
  // useless code in the log and suggest that Keel still waits for its first owner.
  if (!(await needsSetup(deps))) throw new AppError("conflict", "Keel is already set up. Sign in instead.");
  if (input.start === "own" && !input.organizationName) {
    throw new AppError("validation_failed", "organizationName: name your organisation", {
      issues: [{ field: "organizationName", message: "name your organisation" }],
    });
  }
  if (setupCodeRequired(request.local, deps.config.production)) {
    // Codes are looked up by their hash (full-entropy secrets, like tokens): no comparison to time.
    if (!(await settingExistsWithPrefix(deps.db, SETUP_CODE_PREFIX))) await announceSetupCode(deps);
    const typed = input.setupCode?.trim().toUpperCase();
    if (!typed || (await readSetting(deps.db, `${SETUP_CODE_PREFIX}${sha256(typed)}`)) === undefined) {
      throw new AppError(
        "setup_code_required",
        "Enter the one-time setup code that Keel printed in its log when it started (look for setupCode).",
        { issues: [{ field: "setupCode", message: "is missing or does not match the code in the log" }] },
      );
    }
  }
  const passwordHash = await hashPassword(input.password);
  const orgSlug = await deps.db.transaction(async (tx) => {
    // One setup at a time, across instances; the loser sees the instance already set up.
    await lockSetup(tx);
    if (await someAccountHasPassword(tx)) {
      throw new AppError("conflict", "Keel is already set up. Sign in instead.");
    }
    const existing = await findUserByEmail(tx, input.email);
    // Whoever sets Keel up is its first operator: the one who may create organisations.
    const user =
      existing ??
      (await insertUser(tx, { email: input.email, name: input.name, passwordHash, isOperator: true }));
    if (existing) {
      await setPasswordHash(tx, existing.id, passwordHash);
      await setOperator(tx, existing.id, true);
    }
    const owner = { userId: user.id, name: user.name };
    if (input.start === "demo") {
      const demo = await seedDemoOrganization(tx, deps, owner, request.requestId);
      return demo.slug;
    }
    const { org } = await createOrganizationIn(
      tx,
      deps,
      { name: input.organizationName!, timeZone: input.timeZone, weekStart: 1, fiscalYearStartMonth: 1 },
      owner,
      request.requestId,
    );
    return org.slug;
  });
  // Every instance's code is spent now.
  await deleteSettingsWithPrefix(deps.db, SETUP_CODE_PREFIX);
  await deleteSetting(deps.db, LEGACY_SETUP_CODE_KEY);
  const user = await findUserByEmail(deps.db, input.email);
  const session = await createSession(deps, user!.id, request.ip, request.userAgent);
  return { session, orgSlug, userId: user!.id };
}
