import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "./logger.ts";
import { openSecret, parseSecretKey, resolveSecretKey, SecretBoxError, sealSecret } from "./secret-box.ts";

const key = randomBytes(32);
const context = "kpi_connector:org-1:kpi-1";
const credentials = JSON.stringify({ headers: { Authorization: "Bearer s3cr3t-f1nance-t0ken" } });

describe("sealing and opening secrets", () => {
  it("opens what it sealed, and the sealed text does not contain the secret", () => {
    const sealed = sealSecret(key, credentials, context);
    expect(sealed).not.toContain("s3cr3t");
    expect(openSecret(key, sealed, context)).toBe(credentials);
  });

  it("seals the same text differently each time (a fresh nonce per secret)", () => {
    expect(sealSecret(key, credentials, context)).not.toBe(sealSecret(key, credentials, context));
  });

  it("refuses a changed ciphertext", () => {
    const sealed = sealSecret(key, credentials, context);
    const parts = sealed.split(":");
    const body = Buffer.from(parts[3]!, "base64");
    body[0]! ^= 1;
    parts[3] = body.toString("base64");
    expect(() => openSecret(key, parts.join(":"), context)).toThrow(SecretBoxError);
  });

  it("refuses a changed authentication tag", () => {
    const parts = sealSecret(key, credentials, context).split(":");
    const tag = Buffer.from(parts[2]!, "base64");
    tag[5]! ^= 0x80;
    parts[2] = tag.toString("base64");
    expect(() => openSecret(key, parts.join(":"), context)).toThrow(SecretBoxError);
  });

  it("refuses another key", () => {
    const sealed = sealSecret(key, credentials, context);
    expect(() => openSecret(randomBytes(32), sealed, context)).toThrow(SecretBoxError);
  });

  it("refuses a ciphertext moved to another record", () => {
    const sealed = sealSecret(key, credentials, context);
    expect(() => openSecret(key, sealed, "kpi_connector:org-2:kpi-1")).toThrow(SecretBoxError);
  });

  it("refuses text that is not a sealed secret", () => {
    for (const text of ["", "plain text", "v1:a:b:c", "v2:AAAA:AAAA:AAAA"]) {
      expect(() => openSecret(key, text, context)).toThrow(SecretBoxError);
    }
  });
});

describe("reading KEEL_SECRET_KEY", () => {
  it("takes base64, URL-safe base64 and hex", () => {
    expect(parseSecretKey(key.toString("base64")).equals(key)).toBe(true);
    expect(parseSecretKey(key.toString("base64url")).equals(key)).toBe(true);
    expect(parseSecretKey(` ${key.toString("hex")}\n`).equals(key)).toBe(true);
  });

  it("refuses a key of the wrong length, saying how to make one", () => {
    expect(() => parseSecretKey(randomBytes(16).toString("base64"))).toThrow(
      /32 bytes.*got 16 bytes.*openssl/,
    );
    expect(() => parseSecretKey("not a key!")).toThrow(/neither base64 nor hex/);
    expect(() => parseSecretKey("")).toThrow(/KEEL_SECRET_KEY must be 32 bytes/);
  });
});

describe("finding the key at start", () => {
  const logger = createLogger("silent");
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-secret-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("uses KEEL_SECRET_KEY when set, and writes no file", () => {
    const dataDir = tempDir();
    const got = resolveSecretKey(
      { secretKey: key, production: true, databaseUrl: "postgres://x/y", dataDir },
      logger,
    );
    expect(got.equals(key)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, "secret.key"))).toBe(false);
  });

  it("creates secret.key (mode 0600) on first start and reuses it after", () => {
    const dataDir = path.join(tempDir(), "data");
    const config = { secretKey: undefined, production: false, databaseUrl: undefined, dataDir };
    const first = resolveSecretKey(config, logger);
    const file = path.join(dataDir, "secret.key");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveSecretKey(config, logger).equals(first)).toBe(true);
  });

  it("requires KEEL_SECRET_KEY in production on a PostgreSQL server", () => {
    const config = {
      secretKey: undefined,
      production: true,
      databaseUrl: "postgres://db/keel",
      dataDir: tempDir(),
    };
    expect(() => resolveSecretKey(config, logger)).toThrow(
      /KEEL_SECRET_KEY is required.*openssl rand -base64 32/,
    );
  });

  it("refuses a damaged key file instead of making a new key", () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, "secret.key"), "too short\n", { mode: 0o600 });
    const config = { secretKey: undefined, production: false, databaseUrl: undefined, dataDir };
    expect(() => resolveSecretKey(config, logger)).toThrow(/secret\.key must be 32 bytes/);
  });
});
