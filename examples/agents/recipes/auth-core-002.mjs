// Recipe for auth-core-002 (HS256 tokens): a test per acceptance criterion, and the file that implements
// them (recipes/auth-core-002/src/token.mjs).
/* global use */
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";

export const modules = { token: "src/token.mjs" };
export const imports = ['import { createHmac } from "node:crypto";'];
export const helpers = [decodeSegment, reencode];
export const implementation = ["src/token.mjs"];

function decodeSegment(segment) {
  return JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
}

/** The token with one segment replaced by `value` (JSON-encoded), the rest left as they were. */
function reencode(token, index, value) {
  const segments = token.split(".");
  segments[index] = Buffer.from(JSON.stringify(value)).toString("base64url");
  return segments.join(".");
}

export const tests = {
  '`signToken` returns three base64url segments separated by dots; the header is `{"alg":"HS256","typ":"JWT"}`': async () => {
    const { signToken } = await use("token");
    const token = signToken({ sub: "u1" }, "k", { expiresInSeconds: 60, now: 1_700_000_000 });
    const segments = token.split(".");
    assert.equal(segments.length, 3);
    for (const s of segments) assert.match(s, /^[A-Za-z0-9_-]+$/, "base64url, no padding");
    assert.deepEqual(decodeSegment(segments[0]), { alg: "HS256", typ: "JWT" });
    const expected = createHmac("sha256", "k").update(`${segments[0]}.${segments[1]}`).digest("base64url");
    assert.equal(segments[2], expected, "the signature is the HMAC-SHA256 of header.payload");
  },
  "The payload holds the given claims plus `iat` and `exp` (`iat` + `expiresInSeconds`)": async () => {
    const { signToken } = await use("token");
    const token = signToken({ sub: "u1", role: "admin" }, "k", { expiresInSeconds: 60, now: 1_700_000_000 });
    assert.deepEqual(decodeSegment(token.split(".")[1]), { sub: "u1", role: "admin", iat: 1_700_000_000, exp: 1_700_000_060 });
  },
  "`verifyToken` returns the claims of a token signed with the same secret": async () => {
    const { signToken, verifyToken } = await use("token");
    const token = signToken({ sub: "u1" }, "k", { expiresInSeconds: 60, now: 1_700_000_000 });
    assert.deepEqual(verifyToken(token, "k", { now: 1_700_000_030 }), { sub: "u1", iat: 1_700_000_000, exp: 1_700_000_060 });
    const current = signToken({ sub: "u2" }, "k", { expiresInSeconds: 60 });
    assert.equal(verifyToken(current, "k").sub, "u2", "now defaults to the current time");
  },
  '`verifyToken` throws an error with `code: "INVALID_SIGNATURE"` when the secret differs or any segment was altered': async () => {
    const { signToken, verifyToken } = await use("token");
    const token = signToken({ sub: "u1" }, "k", { expiresInSeconds: 60, now: 1_700_000_000 });
    const invalid = { code: "INVALID_SIGNATURE" };
    const check = { now: 1_700_000_010 };
    assert.throws(() => verifyToken(token, "other secret", check), invalid);
    assert.throws(() => verifyToken(reencode(token, 0, { alg: "HS256", typ: "JWT", kid: "x" }), "k", check), invalid);
    assert.throws(() => verifyToken(reencode(token, 1, { sub: "admin", iat: 1_700_000_000, exp: 1_700_000_060 }), "k", check), invalid);
    const flipped = token.split(".");
    flipped[2] = (flipped[2][0] === "A" ? "B" : "A") + flipped[2].slice(1);
    assert.throws(() => verifyToken(flipped.join("."), "k", check), invalid);
    assert.throws(() => verifyToken((token[0] === "e" ? "f" : "e") + token.slice(1), "k", check), invalid);
  },
  '`verifyToken` throws `code: "TOKEN_EXPIRED"` when `now` is at or after `exp`': async () => {
    const { signToken, verifyToken } = await use("token");
    const token = signToken({ sub: "u1" }, "k", { expiresInSeconds: 60, now: 1_700_000_000 });
    assert.equal(verifyToken(token, "k", { now: 1_700_000_059 }).sub, "u1");
    assert.throws(() => verifyToken(token, "k", { now: 1_700_000_060 }), { code: "TOKEN_EXPIRED" });
    assert.throws(() => verifyToken(token, "k", { now: 1_800_000_000 }), { code: "TOKEN_EXPIRED" });
  },
  'A token whose header names another algorithm (including `none`) is rejected with `code: "UNSUPPORTED_ALG"`': async () => {
    const { signToken, verifyToken } = await use("token");
    const token = signToken({ sub: "u1" }, "k", { expiresInSeconds: 60, now: 1_700_000_000 });
    const [, payload] = token.split(".");
    for (const alg of ["none", "HS512", "RS256"]) {
      const header = Buffer.from(JSON.stringify({ alg, typ: "JWT" })).toString("base64url");
      assert.throws(() => verifyToken(`${header}.${payload}.`, "k", { now: 1_700_000_010 }), { code: "UNSUPPORTED_ALG" }, alg);
    }
  },
};
