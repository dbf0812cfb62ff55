/**
 * `keel kpi push`: values from a CSV file (or one from the command line) sent to a
 * running Keel over real HTTP with a service token, in requests of at most 10,000.
 */
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { serve } from "@hono/node-server";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { registerKpiCommands } from "../src/cli/commands/kpi-push.ts";
import { buildTeam } from "./support/factories.ts";
import { type Harness, type Json, type OrgRef, type SessionClient, startHarness } from "./support/harness.ts";

let h: Harness;
let owner: SessionClient;
let org: OrgRef;
let server: ReturnType<typeof serve>;
let url: string;
let token: string;
let kpi: Json;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "keel-push-"));

beforeAll(async () => {
  h = await startHarness();
  h.clock.set("2026-11-18T11:00:00Z");
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Ines Albers" },
    org: { name: "Elbe Freight" },
  }));
  const team = await h.ok("POST", `/api/orgs/${org.slug}/teams`, {
    as: owner,
    body: buildTeam({ name: "Hub Hamburg" }),
  });
  kpi = await h.ok(
    "POST",
    `/api/orgs/${org.slug}/kpis`,
    {
      as: owner,
      body: {
        key: "parcels_sorted",
        name: "Parcels sorted",
        ownerUserId: owner.userId,
        teamId: team.id,
        unit: "count",
        direction: "higher_is_better",
        frequency: "daily",
        aggregation: "sum",
      },
    },
    201,
  );
  token = (await h.createToken(owner, org, { kind: "service", name: "Sorter feed", role: "member" })).secret;
  server = serve({ fetch: h.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await h?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

async function keel(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerKpiCommands(program);
  const lines: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
  try {
    await program.parseAsync(args, { from: "user" });
  } finally {
    log.mockRestore();
  }
  return lines.join("\n");
}

function csvFile(name: string, text: string): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, text);
  return file;
}

describe("keel kpi push", () => {
  it("sends a file of more than 10,000 values in several requests, and again without writing anything", async () => {
    const days = Array.from({ length: 12_000 }, (_, i) => new Date(Date.UTC(1990, 0, 1) + i * 86_400_000));
    const file = csvFile(
      "history.csv",
      `kpi,date,value\n${days.map((d, i) => `parcels_sorted,${d.toISOString().slice(0, 10)},${1000 + (i % 97)}`).join("\n")}\n`,
    );
    const args = ["kpi", "push", "--org", org.slug, "--url", url, "--token", token, "--file", file];
    expect(await keel(...args)).toBe("Sent 12000 values in 2 requests: 12000 new, 0 corrected, 0 unchanged.");
    expect(await keel(...args)).toBe("Sent 12000 values in 2 requests: 0 new, 0 corrected, 12000 unchanged.");
    const page = await h.ok(
      "GET",
      `/api/orgs/${org.slug}/kpis/${kpi.id}/measurements?limit=1&to=1990-01-01`,
      { as: owner },
    );
    expect(page.items[0]).toMatchObject({
      periodStart: "1990-01-01",
      value: 1000,
      source: "api",
      authorName: "Sorter feed (API token)",
    });
  });

  it("names the file's line when Keel refuses a value, and writes nothing of that request", async () => {
    const file = csvFile(
      "broken.csv",
      "kpi,date,value\nparcels_sorted,2026-11-16,1500\nparcel_sorted,2026-11-17,1600\n",
    );
    await expect(
      keel("kpi", "push", "--org", org.slug, "--url", url, "--token", token, "--file", file),
    ).rejects.toThrow(/line 3, kpi: no KPI with the key or id "parcel_sorted"/);
    const page = await h.ok("GET", `/api/orgs/${org.slug}/kpis/${kpi.id}/measurements?from=2026-11-16`, {
      as: owner,
    });
    expect(page.items).toEqual([]);
  });

  it("sends one value given on the command line", async () => {
    const out = await keel(
      "kpi",
      "push",
      "--org",
      org.slug,
      "--url",
      url,
      "--token",
      token,
      "--kpi",
      "parcels_sorted",
      "--value",
      "1720",
      "--date",
      "2026-11-17",
    );
    expect(out).toBe("Sent 1 value in 1 request: 1 new, 0 corrected, 0 unchanged.");
  });
});
