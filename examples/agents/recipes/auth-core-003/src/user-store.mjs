// An in-memory user store: passwords kept only as scrypt hashes, emails unique regardless of case, and
// one answer (null) for a wrong password and an unknown email, so callers cannot tell them apart.
import { hashPassword, verifyPassword } from "./password.mjs";

const emailKey = (email) => String(email).trim().toLowerCase();
const publicUser = ({ id, email }) => ({ id, email });

export function createUserStore() {
  const byEmail = new Map();
  let lastId = 0;

  function addUser(email, password) {
    const key = emailKey(email);
    if (byEmail.has(key)) {
      throw Object.assign(new Error(`a user with email ${email} already exists`), { code: "USER_EXISTS" });
    }
    const user = { id: `user-${++lastId}`, email, passwordHash: hashPassword(password) };
    byEmail.set(key, user);
    return publicUser(user);
  }

  function findByEmail(email) {
    const user = byEmail.get(emailKey(email));
    return user ? { ...user } : null;
  }

  function checkCredentials(email, password) {
    const user = byEmail.get(emailKey(email));
    return user && verifyPassword(password, user.passwordHash) ? publicUser(user) : null;
  }

  return { addUser, checkCredentials, findByEmail };
}
