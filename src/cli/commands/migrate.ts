import type { Command } from "commander";
import { openForCommand } from "../open-for-command.ts";

export function registerMigrate(program: Command) {
  program
    .command("migrate")
    .description("Apply pending database migrations and exit")
    .action(async () => {
      const { database, done } = await openForCommand();
      console.log(`Migrations applied (${database.engine}).`);
      await done();
    });
}
