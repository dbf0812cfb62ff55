import fs from "node:fs";
import type { Command } from "commander";
import { ApiError } from "../../shared/api/api-error.ts";
import { type ApiResponse, createApiClient } from "../../shared/api/client.ts";
import { parseDecimal, readCsvValues } from "../../shared/kpi-csv.ts";

/** The bulk endpoint's limit: larger files go in several requests. */
export const PUSH_BATCH = 10_000;

export type PushRow = { kpi: string; date?: string; value: number; note?: string; line: number };

export type PushTarget = { url: string; org: string; token: string };

export type PushSummary = {
  requests: number;
  received: number;
  created: number;
  corrected: number;
  unchanged: number;
};

/** Reads `kpi,date,value[,note]` rows from CSV text; line numbers count the header as 1. */
export function rowsFromCsv(text: string): PushRow[] {
  const { columns, rows } = readCsvValues(text);
  for (const required of ["kpi", "date", "value"]) {
    if (!columns.includes(required)) {
      throw new Error(`the CSV header must name kpi, date and value (missing: ${required})`);
    }
  }
  return rows.map((row) => {
    const raw = row.get("value");
    const value = parseDecimal(raw);
    if (value === null) throw new Error(`line ${row.line}: value "${raw}" is not a number`);
    const note = row.get("note");
    const date = row.get("date");
    return {
      kpi: row.get("kpi"),
      ...(date ? { date } : {}),
      value,
      ...(note ? { note } : {}),
      line: row.line,
    };
  });
}

/**
 * Sends values to a running Keel through the bulk endpoint, 10,000 per request. Each
 * request is all or nothing and idempotent on (KPI, period), so after a refused batch the
 * operator fixes the file and pushes it again: batches already written are left as they
 * are. Errors name the file's line numbers.
 */
export async function pushValues(target: PushTarget, rows: readonly PushRow[]): Promise<PushSummary> {
  const summary: PushSummary = { requests: 0, received: 0, created: 0, corrected: 0, unchanged: 0 };
  const api = createApiClient({
    baseUrl: target.url.replace(/\/+$/, ""),
    headers: () => ({ Authorization: `Bearer ${target.token}` }),
  });
  for (let start = 0; start < rows.length; start += PUSH_BATCH) {
    const batch = rows.slice(start, start + PUSH_BATCH);
    let outcome: ApiResponse<"/api/orgs/{org}/measurements/bulk", "post">;
    try {
      outcome = await api.post("/api/orgs/{org}/measurements/bulk", {
        path: { org: target.org },
        body: { measurements: batch.map(({ line: _line, ...row }) => row) },
      });
    } catch (err) {
      // No answer at all says so as it is; a refusal names the file's lines.
      if (!(err instanceof ApiError) || err.status === 0) throw err;
      throw refusal(err, batch, summary.requests > 0);
    }
    summary.requests++;
    summary.received += outcome.received;
    summary.created += outcome.created;
    summary.corrected += outcome.corrected;
    summary.unchanged += outcome.unchanged;
  }
  return summary;
}

/** The API's refusal of one batch, its field paths turned into the file's line numbers. */
function refusal(err: ApiError, batch: readonly PushRow[], earlierWritten: boolean): Error {
  const lines = err.issues.map((issue) => {
    const index = /^measurements\[(\d+)\]\.(\w+)$/.exec(issue.field);
    const row = index ? batch[Number(index[1])] : undefined;
    return row ? `  line ${row.line}, ${index?.[2]}: ${issue.message}` : `  ${issue.field}: ${issue.message}`;
  });
  const written = earlierWritten
    ? ` Lines 2–${(batch[0]?.line ?? 2) - 1} were written by earlier requests.`
    : "";
  return new Error(
    `Keel refused the values (HTTP ${err.status}): ${err.message}${lines.length ? `\n${lines.join("\n")}` : ""}\nNothing of this request was written.${written}`,
  );
}

export function registerKpiCommands(program: Command) {
  const kpi = program.command("kpi").description("Work with KPI values");
  kpi
    .command("push")
    .description("Send KPI values to a running Keel (a CSV file with kpi,date,value[,note], or one value)")
    .requiredOption("--org <slug>", "the organisation's slug")
    .option("--url <url>", "Keel's address (default: KEEL_URL, else http://localhost:$PORT or :3000)")
    .option("--token <token>", "an API token with the right to enter values (default: KEEL_TOKEN)")
    .option("--file <path>", "CSV file; - reads standard input")
    .option("--kpi <key>", "one value: the KPI's key")
    .option("--value <number>", "one value: the value")
    .option(
      "--date <date>",
      "one value: any day of the period (default: today in the organisation's time zone)",
    )
    .option("--note <text>", "one value: a note (say why when correcting)")
    .action(
      async (opts: {
        org: string;
        url?: string;
        token?: string;
        file?: string;
        kpi?: string;
        value?: string;
        date?: string;
        note?: string;
      }) => {
        const token = opts.token ?? process.env.KEEL_TOKEN;
        if (!token)
          throw new Error(
            "give an API token with --token or KEEL_TOKEN (create one under Settings → API tokens)",
          );
        const url = opts.url ?? process.env.KEEL_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`;
        let rows: PushRow[];
        if (opts.file) {
          rows = rowsFromCsv(fs.readFileSync(opts.file === "-" ? 0 : opts.file, "utf8"));
        } else if (opts.kpi && opts.value !== undefined) {
          const value = parseDecimal(opts.value);
          if (value === null) throw new Error(`--value "${opts.value}" is not a number`);
          // Without --date, Keel takes today in the organisation's time zone.
          rows = [
            {
              kpi: opts.kpi,
              ...(opts.date ? { date: opts.date } : {}),
              value,
              ...(opts.note ? { note: opts.note } : {}),
              line: 1,
            },
          ];
        } else {
          throw new Error("give --file, or --kpi with --value");
        }
        if (rows.length === 0) throw new Error("the file has no values");
        const summary = await pushValues({ url, org: opts.org, token }, rows);
        console.log(
          `Sent ${summary.received} value${summary.received === 1 ? "" : "s"} in ${summary.requests} request${summary.requests === 1 ? "" : "s"}: ${summary.created} new, ${summary.corrected} corrected, ${summary.unchanged} unchanged.`,
        );
      },
    );
}
