// Recipe for auth-api-002 (bearer-token middleware): a test per acceptance criterion, run against a real
// local server, and the file that implements them (recipes/auth-api-002/src/middleware/require-auth.mjs).
/* global use */
import assert from "node:assert/strict";
import { withServer } from "./http-helpers.mjs";

export const modules = { auth: "src/middleware/require-auth.mjs", refresh: "src/refresh.mjs" };
export const imports = ['import http from "node:http";'];
export const helpers = [withServer, protectedRoute, bearer];
export const implementation = ["src/middleware/require-auth.mjs"];

/** A route behind requireAuth (secret "k", clock at `clock.now`) that echoes req.user; `calls` counts next(). */
async function protectedRoute(clock) {
  const { requireAuth } = await use("auth");
  const guard = requireAuth("k", { now: () => clock.now });
  const seen = { calls: 0 };
  const handler = (req, res) =>
    guard(req, res, () => {
      seen.calls += 1;
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ user: req.user }));
    });
  return { handler, seen };
}

function bearer(token) {
  return { headers: { Authorization: `Bearer ${token}` } };
}

export const tests = {
  "With `Authorization: Bearer <valid access token>` it sets `req.user = { id }` and calls `next()`": async () => {
    const { issueTokenPair } = await use("refresh");
    const clock = { now: 1_700_000_000 };
    const { handler, seen } = await protectedRoute(clock);
    const { accessToken } = issueTokenPair("user-7", "k", { now: clock.now });
    await withServer(handler, async (request) => {
      const res = await request("/me", bearer(accessToken));
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { user: { id: "user-7" } });
      assert.equal(seen.calls, 1);
    });
  },
  "Without an `Authorization` header it answers 401 with `WWW-Authenticate: Bearer`": async () => {
    const { handler, seen } = await protectedRoute({ now: 1_700_000_000 });
    await withServer(handler, async (request) => {
      const res = await request("/me");
      assert.equal(res.status, 401);
      assert.equal(res.headers.get("www-authenticate"), "Bearer");
      await res.arrayBuffer();
      assert.equal(seen.calls, 0);
    });
  },
  'An expired token answers 401 with `{ "error": "token expired" }`': async () => {
    const { issueTokenPair } = await use("refresh");
    const clock = { now: 1_700_000_000 };
    const { handler, seen } = await protectedRoute(clock);
    const { accessToken } = issueTokenPair("user-7", "k", { now: clock.now });
    clock.now += 15 * 60;
    await withServer(handler, async (request) => {
      const res = await request("/me", bearer(accessToken));
      assert.equal(res.status, 401);
      assert.deepEqual(await res.json(), { error: "token expired" });
      assert.equal(seen.calls, 0);
    });
  },
  "A refresh token, or a token with a bad signature, answers 401 and `next` is not called": async () => {
    const { issueTokenPair } = await use("refresh");
    const clock = { now: 1_700_000_000 };
    const { handler, seen } = await protectedRoute(clock);
    const { refreshToken } = issueTokenPair("user-7", "k", { now: clock.now });
    const forged = issueTokenPair("user-7", "not the secret", { now: clock.now }).accessToken;
    await withServer(handler, async (request) => {
      for (const token of [refreshToken, forged, "garbage"]) {
        const res = await request("/me", bearer(token));
        assert.equal(res.status, 401);
        await res.arrayBuffer();
      }
      assert.equal(seen.calls, 0);
    });
  },
};
