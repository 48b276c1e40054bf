// Compact JWTs signed with HMAC-SHA256 (HS256). Errors carry a `code` callers can branch on; the header's
// algorithm is checked first, so a token claiming "none" never reaches the signature comparison.
import { createHmac, timingSafeEqual } from "node:crypto";

const HEADER = { alg: "HS256", typ: "JWT" };
const DEFAULT_LIFETIME_SECONDS = 15 * 60;

export class TokenError extends Error {
  constructor(code, message) {
    super(message);
    this.name = "TokenError";
    this.code = code;
  }
}

const nowSeconds = () => Math.floor(Date.now() / 1000);
const encode = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
const mac = (data, secret) => createHmac("sha256", secret).update(data).digest();

function decode(segment) {
  try {
    const value = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    return value !== null && typeof value === "object" ? value : null;
  } catch {
    return null;
  }
}

export function signToken(claims, secret, { expiresInSeconds = DEFAULT_LIFETIME_SECONDS, now = nowSeconds() } = {}) {
  const signed = `${encode(HEADER)}.${encode({ ...claims, iat: now, exp: now + expiresInSeconds })}`;
  return `${signed}.${mac(signed, secret).toString("base64url")}`;
}

export function verifyToken(token, secret, { now = nowSeconds() } = {}) {
  const segments = typeof token === "string" ? token.split(".") : [];
  if (segments.length !== 3) throw new TokenError("MALFORMED_TOKEN", "a token is three base64url segments separated by dots");
  const [header, payload, signature] = segments;
  const head = decode(header);
  if (head && head.alg !== HEADER.alg) throw new TokenError("UNSUPPORTED_ALG", `unsupported algorithm ${JSON.stringify(head.alg)}`);
  const expected = mac(`${header}.${payload}`, secret);
  const given = Buffer.from(signature, "base64url");
  if (!head || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new TokenError("INVALID_SIGNATURE", "the token's signature does not match");
  }
  const claims = decode(payload);
  if (!claims) throw new TokenError("MALFORMED_TOKEN", "the token's payload is not a JSON object");
  if (typeof claims.exp !== "number" || now >= claims.exp) throw new TokenError("TOKEN_EXPIRED", "token expired");
  return claims;
}
