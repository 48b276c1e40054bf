// Password hashing: scrypt with a random salt per password, stored as scrypt$<salt-hex>$<hash-hex>,
// compared in constant time so a wrong guess takes as long as a right one.
import crypto from "node:crypto";

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const STORED = /^scrypt\$([0-9a-f]{32})\$([0-9a-f]{64})$/;

export function hashPassword(plain) {
  const salt = crypto.randomBytes(SALT_BYTES);
  const hash = crypto.scryptSync(String(plain), salt, KEY_BYTES);
  return `scrypt$${salt.toString("hex")}$${hash.toString("hex")}`;
}

export function verifyPassword(plain, stored) {
  const match = typeof stored === "string" ? STORED.exec(stored) : null;
  if (!match) return false;
  const expected = Buffer.from(match[2], "hex");
  const actual = crypto.scryptSync(String(plain), Buffer.from(match[1], "hex"), expected.length);
  return crypto.timingSafeEqual(actual, expected);
}
