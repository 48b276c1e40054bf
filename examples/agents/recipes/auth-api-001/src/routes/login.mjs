// POST /login: trades an email and a password for an access/refresh token pair. A wrong password and an
// unknown email get the same answer, so the endpoint does not reveal which emails have accounts.
import { issueTokenPair } from "../refresh.mjs";

const MAX_BODY_BYTES = 16 * 1024;
const nowSeconds = () => Math.floor(Date.now() / 1000);

export function createLoginHandler({ users, secret, now = nowSeconds }) {
  return async (req, res) => {
    if (req.method !== "POST") return sendJson(res, 405, { error: "method not allowed" }, { Allow: "POST" });
    const body = await readJsonBody(req);
    if (typeof body?.email !== "string" || typeof body?.password !== "string") {
      return sendJson(res, 400, { error: "expected a JSON body with email and password" });
    }
    const user = users.checkCredentials(body.email, body.password);
    if (!user) return sendJson(res, 401, { error: "invalid credentials" });
    return sendJson(res, 200, issueTokenPair(user.id, secret, { now: now() }));
  };
}

/** The parsed JSON body, or null when it is not JSON or too large. */
async function readJsonBody(req) {
  let text = "";
  for await (const chunk of req) {
    text += chunk;
    if (text.length > MAX_BODY_BYTES) return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}
