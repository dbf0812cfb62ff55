import type { Command } from "commander";
import { z } from "zod";
import {
  backfillNoteSignals,
  DEFAULT_BACKFILL_BATCH,
} from "../../server/services/okr/note-signals-backfill.ts";
import { openForCommand } from "../open-for-command.ts";

const BatchSizeSchema = z.coerce
  .number()
  .int()
  .min(1, "--batch-size must be 1–20000")
  .max(20_000, "--batch-size must be 1–20000");

export function registerBackfillNoteSignals(program: Command) {
  program
    .command("backfill-note-signals")
    .description(
      "Read the notes of check-ins saved before Keel read notes, and store what it found (blockers, tone); safe to stop and run again",
    )
    .option("--batch-size <n>", "check-ins per transaction", String(DEFAULT_BACKFILL_BATCH))
    .action(async (opts: { batchSize: string }) => {
      const batchSize = BatchSizeSchema.parse(opts.batchSize);
      const { deps, done } = await openForCommand();
      const started = Date.now();
      try {
        const result = await backfillNoteSignals(deps.db, {
          batchSize,
          onBatch: (p) => {
            if (p.batches % 50 === 0 && p.batches > 0) console.log(`… ${p.read} notes read`);
          },
        });
        const seconds = (Date.now() - started) / 1000;
        console.log(
          `Read ${result.read} notes in ${seconds.toFixed(1)} s; stored signals for ${result.written} check-ins.`,
        );
      } finally {
        await done();
      }
    });
}
