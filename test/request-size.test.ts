/**
 * How Keel answers bodies over its limits: 413 documented on every operation that takes a
 * body, the connection closed as the answer says (over a real socket), and the CSV
 * import's documented file limit being the one that holds.
 */
import net from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectError,
  type Harness,
  type OrgRef,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";
import { loadOpenApiDocument, operationsOf } from "./support/openapi.ts";

const doc = await loadOpenApiDocument();

let h: Harness;
let owner: SessionClient;
let org: OrgRef;

beforeAll(async () => {
  h = await startHarness();
  ({ owner, org } = await h.createOwnerWithOrg({ org: { name: "Van der Berg Logistics" } }));
});
afterAll(() => h?.close());

it("every operation that takes a body documents 413", () => {
  const withBody = operationsOf(doc).filter((op) => op.body);
  expect(withBody.length).toBeGreaterThan(30);
  expect(withBody.filter((op) => !op.statuses.includes(413)).map((op) => op.label)).toEqual([]);
  const csv = doc.paths["/api/orgs/{org}/kpi-imports"]!.post as unknown as {
    responses: Record<string, { description: string }>;
  };
  expect(csv.responses["413"]!.description).toContain("8 MB");
});

/** Sends raw bytes on one connection; resolves with what came back once the server closed it. */
function exchange(port: number, request: string): Promise<{ text: string; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let text = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk) => {
      text += chunk;
    });
    socket.on("error", reject);
    socket.on("end", () => {
      socket.end();
      resolve({ text, closedByServer: true });
    });
    socket.write(request);
  });
}

describe("over a real connection", () => {
  it("a too-large body is answered 413 with Connection: close, and the server closes", async () => {
    const server = serve({ fetch: h.app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((r) => server.once("listening", r));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const reply = await exchange(
        port,
        [
          "POST /api/auth/sign-in HTTP/1.1",
          "Host: 127.0.0.1",
          "Content-Type: application/json",
          `Content-Length: ${3 * 1024 * 1024}`,
          "Connection: keep-alive",
          "",
          '{"email":"',
        ].join("\r\n"),
      );
      expect(reply.text).toMatch(/^HTTP\/1\.1 413 /);
      expect(reply.text.toLowerCase()).toContain("connection: close");
      expect(reply.text.toLowerCase()).not.toContain("keep-alive");
      expect(reply.text).toContain('"payload_too_large"');
      expect(reply.closedByServer).toBe(true);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe("the CSV import's limit", () => {
  const imports = () => `/api/orgs/${org.slug}/kpi-imports`;

  it("takes a file of 1,000,000 characters, however JSON escapes it", async () => {
    const header = "kpi,date,value\n";
    // Control characters take 6 bytes each in JSON: about 6 MB on the wire.
    const csv = header + "\u0001".repeat(1_000_000 - header.length);
    const reply = await h.request("POST", imports(), { as: owner, body: { csv, dryRun: true } });
    expect(reply.status, reply.text.slice(0, 300)).not.toBe(413);
    expect(JSON.stringify(reply.body.error?.details ?? {})).not.toContain("1,000,000");
  });

  it("refuses one character more with 400 naming csv", async () => {
    const csv = `kpi,date,value\n${"x".repeat(1_000_001 - 15)}`;
    const reply = await h.request("POST", imports(), { as: owner, body: { csv, dryRun: true } });
    expectError(reply, 400, "validation_failed", "csv");
    expect(reply.body.error.details.issues).toContainEqual({
      field: "csv",
      message: "must be at most 1,000,000 characters: split larger files",
    });
  });
});
