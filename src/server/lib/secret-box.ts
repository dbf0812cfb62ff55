import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Logger } from "./logger.ts";

/**
 * Secrets at rest (connector credentials): AES-256-GCM with a 32-byte key from
 * KEEL_SECRET_KEY, or from `<data folder>/secret.key`, which Keel creates on first start.
 * GCM authenticates as well as encrypts: a changed ciphertext, or another key, fails to
 * open instead of yielding garbage.
 */

export const SECRET_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Sealed text starts with a version so the format can change without guessing. */
const FORMAT = "v1";

export const SECRET_KEY_HINT = "Generate one with `openssl rand -base64 32`.";

/** Raised when sealed text cannot be opened: another key, or a changed ciphertext. */
export class SecretBoxError extends Error {}

/**
 * A key written as base64 (standard or URL-safe) or hex; anything that is not exactly
 * 32 bytes is refused, so a truncated or mistyped key fails at start, not at first use.
 */
export function parseSecretKey(text: string, source = "KEEL_SECRET_KEY"): Buffer {
  const trimmed = text.trim();
  let key: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) key = Buffer.from(trimmed, "hex");
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) key = Buffer.from(trimmed, "base64");
  if (!key || key.length !== SECRET_KEY_BYTES) {
    const got = key ? `${key.length} bytes` : "neither base64 nor hex";
    throw new Error(
      `${source} must be ${SECRET_KEY_BYTES} bytes written as base64 (44 characters) or hex (64 characters); got ${got}. ${SECRET_KEY_HINT}`,
    );
  }
  return key;
}

/**
 * The key Keel encrypts secrets with: KEEL_SECRET_KEY when set; otherwise the data
 * folder's secret.key, created (mode 0600) and announced in the log on first start.
 * Production on a PostgreSQL server needs the variable: several instances share that
 * database but not a data folder, and a key only one of them holds would lock the others
 * out of every credential.
 */
export function resolveSecretKey(
  config: {
    secretKey: Buffer | undefined;
    production: boolean;
    databaseUrl: string | undefined;
    dataDir: string;
  },
  logger: Logger,
): Buffer {
  if (config.secretKey) return config.secretKey;
  if (config.production && config.databaseUrl) {
    throw new Error(
      `KEEL_SECRET_KEY is required in production with DATABASE_URL: it encrypts connector credentials, and every instance must use the same key. ${SECRET_KEY_HINT}`,
    );
  }
  const file = path.join(config.dataDir, "secret.key");
  const existing = readKeyFile(file, logger);
  if (existing) return existing;
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(SECRET_KEY_BYTES);
  try {
    // wx: two processes starting at once must not each write (and use) a different key.
    fs.writeFileSync(file, `${key.toString("base64")}\n`, { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return readKeyFile(file, logger)!;
    throw err;
  }
  logger.info(
    { file },
    "created a secret key for connector credentials in the data folder; back it up with the data, or set KEEL_SECRET_KEY",
  );
  return key;
}

function readKeyFile(file: string, logger: Logger): Buffer | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  const key = parseSecretKey(text, file);
  if ((fs.statSync(file).mode & 0o077) !== 0) {
    logger.warn({ file }, "the secret key file is readable by other users; chmod 600 it");
  }
  return key;
}

/**
 * Encrypts `plaintext`. `context` is bound to the ciphertext (additional authenticated
 * data): a ciphertext copied onto another record (another organisation's connector)
 * does not open there.
 */
export function sealSecret(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [FORMAT, iv.toString("base64"), tag.toString("base64"), body.toString("base64")].join(":");
}

/** Decrypts what sealSecret made with the same key and context; throws SecretBoxError otherwise. */
export function openSecret(key: Buffer, sealed: string, context: string): string {
  const parts = sealed.split(":");
  if (parts.length !== 4 || parts[0] !== FORMAT) throw new SecretBoxError("not a sealed secret");
  const iv = Buffer.from(parts[1]!, "base64");
  const tag = Buffer.from(parts[2]!, "base64");
  const body = Buffer.from(parts[3]!, "base64");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError("not a sealed secret");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError("the secret cannot be decrypted with this key (another key, or changed data)");
  }
}
