// Recipe for auth-core-003 (user store): a test per acceptance criterion, and the file that implements
// them (recipes/auth-core-003/src/user-store.mjs).
/* global use */
import assert from "node:assert/strict";

export const modules = { store: "src/user-store.mjs", password: "src/password.mjs" };
export const implementation = ["src/user-store.mjs"];

export const tests = {
  "`addUser` stores the user with a hashed password (`findByEmail(email).passwordHash`) and returns `{ id, email }` without the hash": async () => {
    const { createUserStore } = await use("store");
    const { verifyPassword } = await use("password");
    const users = createUserStore();
    const added = users.addUser("ada@example.com", "s3cret");
    assert.deepEqual(Object.keys(added).sort(), ["email", "id"]);
    assert.equal(added.email, "ada@example.com");
    const stored = users.findByEmail("ada@example.com");
    assert.equal(stored.id, added.id);
    assert.match(stored.passwordHash, /^scrypt\$/);
    assert.ok(!stored.passwordHash.includes("s3cret"));
    assert.equal(verifyPassword("s3cret", stored.passwordHash), true);
    assert.notEqual(users.addUser("bob@example.com", "s3cret").id, added.id, "ids are unique");
  },
  'Emails are compared case-insensitively; adding an existing email throws `code: "USER_EXISTS"`': async () => {
    const { createUserStore } = await use("store");
    const users = createUserStore();
    users.addUser("Ada@Example.com", "s3cret");
    assert.throws(() => users.addUser("ada@example.com", "other"), { code: "USER_EXISTS" });
    assert.throws(() => users.addUser("Ada@Example.com", "s3cret"), { code: "USER_EXISTS" });
    assert.ok(users.checkCredentials("ADA@EXAMPLE.COM", "s3cret"), "login is case-insensitive too");
  },
  "`checkCredentials` returns the user `{ id, email }` for a correct password": async () => {
    const { createUserStore } = await use("store");
    const users = createUserStore();
    const ada = users.addUser("ada@example.com", "s3cret");
    users.addUser("bob@example.com", "hunter2");
    assert.deepEqual(users.checkCredentials("ada@example.com", "s3cret"), ada);
  },
  "`checkCredentials` returns null for a wrong password and for an unknown email alike": async () => {
    const { createUserStore } = await use("store");
    const users = createUserStore();
    users.addUser("ada@example.com", "s3cret");
    assert.equal(users.checkCredentials("ada@example.com", "wrong"), null);
    assert.equal(users.checkCredentials("nobody@example.com", "s3cret"), null);
  },
};
