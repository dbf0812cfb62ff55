import type { Command } from "commander";
import { hashPassword } from "../../server/lib/passwords.ts";
import {
  findUserByEmail,
  insertUser,
  listOperators,
  setOperator,
  setPasswordHash,
} from "../../server/repositories/identity-repository.ts";
import { seedDemoOrganization } from "../../server/seed/seed-demo.ts";
import { EmailSchema, PasswordSchema } from "../../shared/schemas/auth.ts";
import { openForCommand } from "../open-for-command.ts";

export function registerSeedDemo(program: Command) {
  program
    .command("seed-demo")
    .description("Create the demo organisation (Nordwind Logistics) with you as its owner")
    .requiredOption("--email <email>", "owner's email; the account is created if it does not exist")
    .option("--name <name>", "owner's name, for a new account", "Demo Owner")
    .option("--password <password>", "password for a new account (at least 10 characters)")
    .action(async (opts: { email: string; name: string; password?: string }) => {
      const email = EmailSchema.parse(opts.email);
      const { deps, done } = await openForCommand();
      try {
        const org = await deps.db.transaction(async (tx) => {
          let user = await findUserByEmail(tx, email);
          if (!user) {
            if (!opts.password) throw new Error("--password is required to create a new account");
            user = await insertUser(tx, {
              email,
              name: opts.name,
              passwordHash: await hashPassword(PasswordSchema.parse(opts.password)),
            });
          } else if (opts.password) {
            await setPasswordHash(tx, user.id, await hashPassword(PasswordSchema.parse(opts.password)));
          }
          // On an instance nobody has set up yet this is its setup: the owner becomes its
          // first operator, the one who may create organisations.
          if ((await listOperators(tx)).length === 0) await setOperator(tx, user.id, true);
          return seedDemoOrganization(tx, deps, { userId: user.id, name: user.name }, "cli");
        });
        console.log(`Demo organisation "${org.name}" created: /o/${org.slug} (owner ${email}).`);
      } finally {
        await done();
      }
    });
}
