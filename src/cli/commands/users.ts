import type { Command } from "commander";
import type { Actor } from "../../server/context.ts";
import { hashPassword } from "../../server/lib/passwords.ts";
import { systemActor } from "../../server/lib/system-actor.ts";
import { recordAudit } from "../../server/repositories/audit-repository.ts";
import {
  deleteOtherSessions,
  deletePendingPasswordResets,
  findUserByEmail,
  insertUser,
  setPasswordHash,
} from "../../server/repositories/identity-repository.ts";
import { findOrganizationBySlug } from "../../server/repositories/organization-repository.ts";
import { findPerson, insertMembership } from "../../server/repositories/people-repository.ts";
import { issuePasswordReset } from "../../server/services/auth-service.ts";
import { setOperatorRole } from "../../server/services/instance-service.ts";
import { presentPerson } from "../../server/services/people-service.ts";
import { EmailSchema, PasswordSchema } from "../../shared/schemas/auth.ts";
import { RoleSchema } from "../../shared/schemas/common.ts";
import { openForCommand } from "../open-for-command.ts";

/** Changes made on the server's command line are audited as "keel CLI". */
function cliActor(org: Parameters<typeof systemActor>[0]): Actor {
  return { ...systemActor(org, "cli"), label: "keel CLI", requestId: "cli" };
}

export function registerUserCommands(program: Command) {
  program
    .command("create-user")
    .description("Create an account, optionally as a member of an organisation")
    .requiredOption("--email <email>")
    .requiredOption("--name <name>")
    .requiredOption("--password <password>", "at least 10 characters")
    .option("--org <slug>", "organisation to add the person to")
    .option("--role <role>", "owner, admin, member or viewer", "member")
    .option("--operator", "make the account an operator of this instance (may create organisations)")
    .action(
      async (opts: {
        email: string;
        name: string;
        password: string;
        org?: string;
        role: string;
        operator?: boolean;
      }) => {
        const email = EmailSchema.parse(opts.email);
        const passwordHash = await hashPassword(PasswordSchema.parse(opts.password));
        const role = RoleSchema.parse(opts.role);
        const { deps, done } = await openForCommand();
        try {
          await deps.db.transaction(async (tx) => {
            let user = await findUserByEmail(tx, email);
            if (user)
              throw new Error(
                `An account for ${email} exists already; use reset-password to change its password.`,
              );
            user = await insertUser(tx, {
              email,
              name: opts.name,
              passwordHash,
              isOperator: opts.operator === true,
            });
            if (opts.org) {
              const org = await findOrganizationBySlug(tx, opts.org);
              if (!org) throw new Error(`No organisation with slug "${opts.org}".`);
              if (!(await findPerson(tx, org.id, user.id))) {
                await insertMembership(tx, { organizationId: org.id, userId: user.id, role });
                const after = await findPerson(tx, org.id, user.id);
                await recordAudit(tx, cliActor(org), {
                  action: "membership.created",
                  entityType: "membership",
                  entityId: user.id,
                  entityLabel: user.name,
                  after: after && presentPerson(after),
                });
              }
            }
          });
          if (opts.operator) deps.logger.warn({ event: "operator.added", account: email, by: "keel CLI" });
          console.log(
            `Account ${email} created${opts.org ? ` as ${role} of ${opts.org}` : ""}${opts.operator ? ", operator of this instance" : ""}.`,
          );
        } finally {
          await done();
        }
      },
    );

  program
    .command("operator")
    .description("Name an account an operator of this instance (operators create organisations), or --remove")
    .requiredOption("--email <email>")
    .option("--remove", "take the operator role away instead")
    .action(async (opts: { email: string; remove?: boolean }) => {
      const email = EmailSchema.parse(opts.email);
      const { deps, done } = await openForCommand();
      try {
        const operators = await setOperatorRole(deps, "cli", { email, operator: !opts.remove });
        console.log(
          `${email} ${opts.remove ? "is not" : "is"} an operator. Operators now: ${operators.map((o) => o.email).join(", ") || "none"}.`,
        );
      } finally {
        await done();
      }
    });

  program
    .command("reset-password")
    .description("Set a new password for an account, or print a one-time reset link")
    .requiredOption("--email <email>")
    .option("--password <password>", "set this password directly")
    .option("--base-url <url>", "origin for the printed link", "http://localhost:3000")
    .action(async (opts: { email: string; password?: string; baseUrl: string }) => {
      const { deps, done } = await openForCommand();
      try {
        const user = await findUserByEmail(deps.db, EmailSchema.parse(opts.email));
        if (!user) throw new Error(`No account for ${opts.email}.`);
        if (opts.password) {
          const hash = await hashPassword(PasswordSchema.parse(opts.password));
          // A new password ends every session, as a reset link does: whoever knew the old
          // password (the reason for resetting it, often) must not stay signed in.
          await deps.db.transaction(async (tx) => {
            await setPasswordHash(tx, user.id, hash);
            await deleteOtherSessions(tx, user.id);
            // Links handed out earlier must not set another password over this one.
            await deletePendingPasswordResets(tx, user.id);
          });
          console.log(`Password for ${user.email} changed; their sessions have ended.`);
        } else {
          const link = await issuePasswordReset(deps, deps.db, user.id, null, opts.baseUrl);
          console.log(
            `One-time reset link for ${user.email} (valid until ${link.expiresAt.toISOString()}):\n${link.url}`,
          );
        }
      } finally {
        await done();
      }
    });
}
