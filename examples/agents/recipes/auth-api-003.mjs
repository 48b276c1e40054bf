// Recipe for auth-api-003 (POST /logout): a test per acceptance criterion, run against a real local
// server, and the files that implement them (recipes/auth-api-003/src/: the logout route and refresh.mjs
// taught about revoked tokens).
/* global use */
import assert from "node:assert/strict";
import { postJson, withServer } from "./http-helpers.mjs";

export const modules = { logout: "src/routes/logout.mjs", refresh: "src/refresh.mjs" };
export const imports = ['import http from "node:http";'];
export const helpers = [withServer, postJson, logoutHandler];
export const implementation = ["src/refresh.mjs", "src/routes/logout.mjs"];

/** A logout handler (secret "k", clock fixed) with its revocation set, and a refresh token to log out with. */
async function logoutHandler() {
  const { createLogoutHandler } = await use("logout");
  const { issueTokenPair } = await use("refresh");
  const revoked = new Set();
  const { refreshToken } = issueTokenPair("user-1", "k", { now: 1_700_000_000 });
  const jti = JSON.parse(Buffer.from(refreshToken.split(".")[1], "base64url").toString("utf8")).jti;
  return { revoked, refreshToken, jti, handler: createLogoutHandler({ secret: "k", revoked, now: () => 1_700_000_060 }) };
}

export const tests = {
  '`POST /logout` with `{ "refreshToken" }` adds its `jti` to `revoked` and answers 204': async () => {
    const { revoked, refreshToken, jti, handler } = await logoutHandler();
    await withServer(handler, async (request) => {
      const res = await request("/logout", postJson({ refreshToken }));
      assert.equal(res.status, 204);
      assert.deepEqual([...revoked], [jti]);
    });
  },
  'A revoked refresh token is refused by `refreshTokens` with `code: "TOKEN_REVOKED"`': async () => {
    const { refreshTokens } = await use("refresh");
    const { revoked, refreshToken, handler } = await logoutHandler();
    assert.ok(refreshTokens(refreshToken, "k", { now: 1_700_000_030, revoked }).accessToken, "valid before logout");
    await withServer(handler, async (request) => {
      assert.equal((await request("/logout", postJson({ refreshToken }))).status, 204);
    });
    assert.throws(() => refreshTokens(refreshToken, "k", { now: 1_700_000_090, revoked }), { code: "TOKEN_REVOKED" });
  },
  "Logging out twice with the same token still answers 204": async () => {
    const { revoked, refreshToken, handler } = await logoutHandler();
    await withServer(handler, async (request) => {
      assert.equal((await request("/logout", postJson({ refreshToken }))).status, 204);
      assert.equal((await request("/logout", postJson({ refreshToken }))).status, 204);
    });
    assert.equal(revoked.size, 1);
  },
  "An invalid refresh token answers 400 and revokes nothing": async () => {
    const { issueTokenPair } = await use("refresh");
    const { revoked, handler } = await logoutHandler();
    const pair = issueTokenPair("user-1", "k", { now: 1_700_000_000 });
    const forged = issueTokenPair("user-1", "not the secret", { now: 1_700_000_000 }).refreshToken;
    await withServer(handler, async (request) => {
      for (const body of [{ refreshToken: "garbage" }, { refreshToken: forged }, { refreshToken: pair.accessToken }, {}, "not json"]) {
        const res = await request("/logout", postJson(body));
        assert.equal(res.status, 400, `body ${JSON.stringify(body)}`);
        await res.arrayBuffer();
      }
    });
    assert.equal(revoked.size, 0);
  },
};
