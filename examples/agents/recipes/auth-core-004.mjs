// Recipe for auth-core-004 (token expiry and refresh): a test per acceptance criterion, and the file that
// implements them (recipes/auth-core-004/src/refresh.mjs).
/* global use */
import assert from "node:assert/strict";

export const modules = { refresh: "src/refresh.mjs", token: "src/token.mjs" };
export const implementation = ["src/refresh.mjs"];

export const tests = {
  'The access token expires after 15 minutes and carries `sub` (the user id) and `type: "access"`': async () => {
    const { issueTokenPair } = await use("refresh");
    const { verifyToken } = await use("token");
    const { accessToken } = issueTokenPair("user-1", "k", { now: 1_700_000_000 });
    const claims = verifyToken(accessToken, "k", { now: 1_700_000_000 });
    assert.equal(claims.sub, "user-1");
    assert.equal(claims.type, "access");
    assert.equal(claims.exp - claims.iat, 15 * 60);
    assert.throws(() => verifyToken(accessToken, "k", { now: 1_700_000_000 + 15 * 60 }), { code: "TOKEN_EXPIRED" });
  },
  'The refresh token expires after 7 days, carries `type: "refresh"` and a unique `jti`': async () => {
    const { issueTokenPair } = await use("refresh");
    const { verifyToken } = await use("token");
    const first = verifyToken(issueTokenPair("user-1", "k", { now: 1_700_000_000 }).refreshToken, "k", { now: 1_700_000_000 });
    const second = verifyToken(issueTokenPair("user-1", "k", { now: 1_700_000_000 }).refreshToken, "k", { now: 1_700_000_000 });
    assert.equal(first.type, "refresh");
    assert.equal(first.sub, "user-1");
    assert.equal(first.exp - first.iat, 7 * 24 * 60 * 60);
    assert.equal(typeof first.jti, "string");
    assert.ok(first.jti.length > 0);
    assert.notEqual(first.jti, second.jti);
  },
  "`refreshTokens` returns a new pair for a valid refresh token": async () => {
    const { issueTokenPair, refreshTokens } = await use("refresh");
    const { verifyToken } = await use("token");
    const pair = issueTokenPair("user-1", "k", { now: 1_700_000_000 });
    const later = 1_700_000_000 + 3600;
    const next = refreshTokens(pair.refreshToken, "k", { now: later });
    assert.notEqual(next.refreshToken, pair.refreshToken);
    const access = verifyToken(next.accessToken, "k", { now: later });
    assert.deepEqual([access.sub, access.type, access.iat], ["user-1", "access", later]);
    const refresh = verifyToken(next.refreshToken, "k", { now: later });
    assert.equal(refresh.type, "refresh");
    assert.notEqual(refresh.jti, verifyToken(pair.refreshToken, "k", { now: later }).jti);
  },
  '`refreshTokens` throws `code: "WRONG_TOKEN_TYPE"` when given an access token': async () => {
    const { issueTokenPair, refreshTokens } = await use("refresh");
    const { accessToken } = issueTokenPair("user-1", "k", { now: 1_700_000_000 });
    assert.throws(() => refreshTokens(accessToken, "k", { now: 1_700_000_060 }), { code: "WRONG_TOKEN_TYPE" });
  },
  'An expired refresh token is refused with `code: "TOKEN_EXPIRED"`': async () => {
    const { issueTokenPair, refreshTokens } = await use("refresh");
    const { refreshToken } = issueTokenPair("user-1", "k", { now: 1_700_000_000 });
    assert.throws(() => refreshTokens(refreshToken, "k", { now: 1_700_000_000 + 7 * 24 * 60 * 60 }), { code: "TOKEN_EXPIRED" });
  },
};
