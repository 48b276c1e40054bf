// POST /logout: revokes a refresh token by remembering its jti, so it can no longer be traded for new
// tokens. Logging out is idempotent: a token revoked already still answers 204.
import { verifyRefreshToken } from "../refresh.mjs";

const MAX_BODY_BYTES = 16 * 1024;
const nowSeconds = () => Math.floor(Date.now() / 1000);

export function createLogoutHandler({ secret, revoked, now = nowSeconds }) {
  return async (req, res) => {
    if (req.method !== "POST") return sendJson(res, 405, { error: "method not allowed" }, { Allow: "POST" });
    const body = await readJsonBody(req);
    let claims;
    try {
      // Not passing `revoked`: a second logout with the same token is not an error.
      claims = verifyRefreshToken(body?.refreshToken, secret, { now: now() });
    } catch {
      return sendJson(res, 400, { error: "invalid refresh token" });
    }
    revoked.add(claims.jti);
    res.writeHead(204, { "Cache-Control": "no-store" });
    return res.end();
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
