import type { Command } from "commander";
import { loadConfig } from "../../server/config.ts";
import { startServer } from "../../server/main.ts";

export function registerServe(program: Command) {
  program
    .command("serve")
    .description("Start Keel: migrate the database and listen (PORT, default 3000)")
    .action(async () => {
      await startServer(loadConfig());
    });
}
