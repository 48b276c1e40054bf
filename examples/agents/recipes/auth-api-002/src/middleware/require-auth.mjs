// Bearer-token middleware: lets a request through only with a valid, unexpired access token and tells
// the handler who is calling (req.user). Refresh tokens are refused: they are for /refresh alone.
import { verifyToken } from "../token.mjs";

const nowSeconds = () => Math.floor(Date.now() / 1000);

export function requireAuth(secret, { now = nowSeconds } = {}) {
  return (req, res, next) => {
    const match = /^Bearer +([^ ]+)$/i.exec(req.headers.authorization ?? "");
    if (!match) return refuse(res, "Bearer", "missing bearer token");
    let claims;
    try {
      claims = verifyToken(match[1], secret, { now: now() });
    } catch (error) {
      return refuse(res, 'Bearer error="invalid_token"', error.code === "TOKEN_EXPIRED" ? "token expired" : "invalid token");
    }
    if (claims.type !== "access") return refuse(res, 'Bearer error="invalid_token"', "invalid token");
    req.user = { id: claims.sub };
    return next();
  };
}

function refuse(res, challenge, error) {
  res.writeHead(401, { "Content-Type": "application/json", "Cache-Control": "no-store", "WWW-Authenticate": challenge });
  res.end(JSON.stringify({ error }));
}
