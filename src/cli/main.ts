import { Command } from "commander";
import { ZodError } from "zod";
import { registerBackfillNoteSignals } from "./commands/backfill-note-signals.ts";
import { registerKpiCommands } from "./commands/kpi-push.ts";
import { registerMigrate } from "./commands/migrate.ts";
import { registerSeedDemo } from "./commands/seed-demo.ts";
import { registerServe } from "./commands/serve.ts";
import { registerUserCommands } from "./commands/users.ts";

const program = new Command();
program.name("keel").description("Keel: OKRs and KPIs on one platform");
registerServe(program);
registerMigrate(program);
registerSeedDemo(program);
registerUserCommands(program);
registerKpiCommands(program);
registerBackfillNoteSignals(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ZodError) {
    console.error(`keel: ${err.issues.map((i) => i.message).join("; ")}`);
  } else {
    console.error(`keel: ${(err as Error).message}`);
  }
  process.exit(1);
}
