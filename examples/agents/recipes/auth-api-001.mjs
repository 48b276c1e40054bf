// Recipe for auth-api-001 (POST /login): a test per acceptance criterion, run against a real local
// server, and the file that implements them (recipes/auth-api-001/src/routes/login.mjs).
/* global use */
import assert from "node:assert/strict";
import { postJson, withServer } from "./http-helpers.mjs";

export const modules = { login: "src/routes/login.mjs", store: "src/user-store.mjs", token: "src/token.mjs" };
export const imports = ['import http from "node:http";'];
export const helpers = [withServer, postJson, loginHandler];
export const implementation = ["src/routes/login.mjs"];

/** A login handler over a store holding ada@example.com / s3cret, its clock fixed. */
async function loginHandler() {
  const { createLoginHandler } = await use("login");
  const { createUserStore } = await use("store");
  const users = createUserStore();
  const ada = users.addUser("ada@example.com", "s3cret");
  return { ada, handler: createLoginHandler({ users, secret: "k", now: () => 1_700_000_000 }) };
}

export const tests = {
  'Correct credentials answer 200 with JSON `{ "accessToken", "refreshToken" }`': async () => {
    const { verifyToken } = await use("token");
    const { ada, handler } = await loginHandler();
    await withServer(handler, async (request) => {
      const res = await request("/login", postJson({ email: "ada@example.com", password: "s3cret" }));
      assert.equal(res.status, 200);
      const body = await res.json();
      assert.deepEqual(Object.keys(body).sort(), ["accessToken", "refreshToken"]);
      const access = verifyToken(body.accessToken, "k", { now: 1_700_000_000 });
      assert.deepEqual([access.sub, access.type], [ada.id, "access"]);
      assert.equal(verifyToken(body.refreshToken, "k", { now: 1_700_000_000 }).type, "refresh");
    });
  },
  'A wrong password or an unknown email answers 401 with `{ "error": "invalid credentials" }` (the same body for both)': async () => {
    const { handler } = await loginHandler();
    await withServer(handler, async (request) => {
      const wrong = await request("/login", postJson({ email: "ada@example.com", password: "guess" }));
      const unknown = await request("/login", postJson({ email: "eve@example.com", password: "s3cret" }));
      assert.deepEqual([wrong.status, unknown.status], [401, 401]);
      const [a, b] = [await wrong.text(), await unknown.text()];
      assert.deepEqual(JSON.parse(a), { error: "invalid credentials" });
      assert.equal(a, b, "the same body for both");
    });
  },
  "A body that is not JSON, or lacks email or password, answers 400": async () => {
    const { handler } = await loginHandler();
    await withServer(handler, async (request) => {
      for (const body of ["not json", "", "null", "[]", { email: "ada@example.com" }, { password: "s3cret" }, { email: 1, password: "s3cret" }]) {
        const res = await request("/login", postJson(body));
        assert.equal(res.status, 400, `body ${JSON.stringify(body)}`);
        await res.arrayBuffer();
      }
    });
  },
  "Responses have `Content-Type: application/json` and `Cache-Control: no-store`": async () => {
    const { handler } = await loginHandler();
    await withServer(handler, async (request) => {
      const bodies = [{ email: "ada@example.com", password: "s3cret" }, { email: "ada@example.com", password: "guess" }, "not json"];
      for (const body of bodies) {
        const res = await request("/login", postJson(body));
        assert.match(res.headers.get("content-type") ?? "", /^application\/json\b/, `status ${res.status}`);
        assert.equal(res.headers.get("cache-control"), "no-store", `status ${res.status}`);
        await res.arrayBuffer();
      }
    });
  },
};
