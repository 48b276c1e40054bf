// Recipe for auth-core-001 (password hashing with scrypt): a test per acceptance criterion, and the file
// that implements them (recipes/auth-core-001/src/password.mjs).
/* global use */
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { mock } from "node:test";

export const modules = { password: "src/password.mjs" };
export const imports = ['import crypto from "node:crypto";', 'import { mock } from "node:test";'];
export const implementation = ["src/password.mjs"];

export const tests = {
  '`hashPassword("s3cret")` returns a string of the form `scrypt$<salt-hex>$<hash-hex>` that does not contain the password': async () => {
    const { hashPassword } = await use("password");
    const stored = hashPassword("s3cret");
    assert.match(stored, /^scrypt\$[0-9a-f]+\$[0-9a-f]+$/);
    assert.ok(!stored.includes("s3cret"), "the stored value must not contain the password");
  },
  "Hashing the same password twice gives two different strings (a random 16-byte salt each time)": async () => {
    const { hashPassword } = await use("password");
    const [a, b] = [hashPassword("s3cret"), hashPassword("s3cret")];
    assert.notEqual(a, b);
    for (const stored of [a, b]) assert.equal(stored.split("$")[1].length, 32, "a 16-byte salt is 32 hex digits");
  },
  "`verifyPassword(plain, stored)` returns true for the right password and false for a wrong one": async () => {
    const { hashPassword, verifyPassword } = await use("password");
    const stored = hashPassword("correct horse");
    assert.equal(verifyPassword("correct horse", stored), true);
    assert.equal(verifyPassword("correct horsf", stored), false);
    assert.equal(verifyPassword("", stored), false);
  },
  "`verifyPassword` returns false (does not throw) for a malformed stored value": async () => {
    const { verifyPassword } = await use("password");
    for (const stored of ["", "s3cret", "scrypt$zz$zz", "bcrypt$00$00", "scrypt$abcd", undefined, null]) {
      assert.equal(verifyPassword("s3cret", stored), false, `stored value ${JSON.stringify(stored)}`);
    }
  },
  "The comparison uses `crypto.timingSafeEqual`": async () => {
    const { hashPassword, verifyPassword } = await use("password");
    const stored = hashPassword("s3cret");
    const spy = mock.method(crypto, "timingSafeEqual");
    try {
      assert.equal(verifyPassword("wrong", stored), false);
      assert.equal(verifyPassword("s3cret", stored), true);
      assert.equal(spy.mock.callCount(), 2, "every comparison goes through crypto.timingSafeEqual");
    } finally {
      spy.mock.restore();
    }
  },
};
