// Token pairs: a short-lived access token for requests and a long-lived refresh token, with a unique
// jti, that is traded for a new pair. Both are HS256 tokens; the `type` claim keeps them apart, and a
// refresh token whose jti was revoked (at logout) is refused.
import { randomUUID } from "node:crypto";
import { signToken, TokenError, verifyToken } from "./token.mjs";

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_SECONDS = 7 * 24 * 60 * 60;

export function issueTokenPair(userId, secret, { now } = {}) {
  return {
    accessToken: signToken({ sub: userId, type: "access" }, secret, { expiresInSeconds: ACCESS_TOKEN_SECONDS, now }),
    refreshToken: signToken({ sub: userId, type: "refresh", jti: randomUUID() }, secret, { expiresInSeconds: REFRESH_TOKEN_SECONDS, now }),
  };
}

/** The claims of a valid refresh token; throws a TokenError with a `code` otherwise. */
export function verifyRefreshToken(refreshToken, secret, { now, revoked } = {}) {
  const claims = verifyToken(refreshToken, secret, { now });
  if (claims.type !== "refresh") throw new TokenError("WRONG_TOKEN_TYPE", `expected a refresh token, got ${JSON.stringify(claims.type)}`);
  if (revoked?.has(claims.jti)) throw new TokenError("TOKEN_REVOKED", "this refresh token was revoked");
  return claims;
}

export function refreshTokens(refreshToken, secret, { now, revoked } = {}) {
  const claims = verifyRefreshToken(refreshToken, secret, { now, revoked });
  return issueTokenPair(claims.sub, secret, { now });
}
