/**
 * Reading the consolidated report's downloads in tests: the zip's CSV files and the PDF's
 * pages and text (through poppler's pdfinfo and pdftotext, which CI installs).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { SESSION_COOKIE } from "../../src/server/services/auth-service.ts";
import type { Harness, SessionClient } from "./harness.ts";

export type Download = { status: number; type: string | null; disposition: string | null; bytes: Uint8Array };

/** A GET that answers bytes (the harness reads answers as text). */
export async function download(h: Harness, path: string, as: SessionClient): Promise<Download> {
  const res = await h.app.request(path, { headers: { cookie: `${SESSION_COOKIE}=${as.cookie}` } });
  return {
    status: res.status,
    type: res.headers.get("content-type"),
    disposition: res.headers.get("content-disposition"),
    bytes: new Uint8Array(await res.arrayBuffer()),
  };
}

/** The zip's files as text, without the byte-order mark each starts with. */
export function csvFiles(zip: Uint8Array): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(unzipSync(zip)))
    files[name] = strFromU8(bytes).replace(/^\uFEFF/, "");
  return files;
}

/** Why the PDF checks cannot run here, if they cannot. */
export const NO_POPPLER = existsSync("/usr/bin/pdftotext")
  ? false
  : "needs poppler-utils (apt-get install poppler-utils)";

/** The PDF's page count and its text, page by page. */
export function pdfPages(pdf: Uint8Array): { pages: number; text: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "keel-report-"));
  try {
    const file = join(dir, "report.pdf");
    writeFileSync(file, pdf);
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    return { pages, text: text.split("\f").slice(0, pages) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
