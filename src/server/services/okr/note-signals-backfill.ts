import type { Db } from "../../../db/client.ts";
import { noteSignalsOf } from "../../../domain/okr/notes/note-signals.ts";
import { checkInNotesWithoutSignals, writeNoteSignals } from "../../repositories/note-signals-repository.ts";

export const DEFAULT_BACKFILL_BATCH = 2000;

export type BackfillProgress = { batches: number; read: number; written: number };

/**
 * Reads the notes of check-ins stored before notes were read (note_signals null) and
 * stores their signals, a batch per transaction, walking the table in primary-key order.
 * Resumable: every committed batch stays done, and a new run starts again from the rows
 * still null, so stopping it (Ctrl-C, a deploy) loses at most one batch's work. Check-ins
 * written meanwhile already carry their signals and are left alone.
 */
export async function backfillNoteSignals(
  db: Db,
  options: { batchSize?: number; onBatch?: (progress: BackfillProgress) => void } = {},
): Promise<BackfillProgress> {
  const batchSize = options.batchSize ?? DEFAULT_BACKFILL_BATCH;
  const progress: BackfillProgress = { batches: 0, read: 0, written: 0 };
  let after: { organizationId: string; id: string } | null = null;
  for (;;) {
    const done: boolean = await db.transaction(async (tx) => {
      const notes = await checkInNotesWithoutSignals(tx, after, batchSize);
      if (notes.length === 0) return true;
      const rows = notes.map((n) => ({
        organizationId: n.organizationId,
        id: n.id,
        signals: noteSignalsOf(n.note),
      }));
      progress.written += await writeNoteSignals(tx, rows);
      progress.read += notes.length;
      progress.batches += 1;
      const last = notes[notes.length - 1]!;
      after = { organizationId: last.organizationId, id: last.id };
      return notes.length < batchSize;
    });
    options.onBatch?.({ ...progress });
    if (done) return progress;
  }
}
