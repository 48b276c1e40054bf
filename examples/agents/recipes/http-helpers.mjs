// Test helpers the HTTP recipes share: run a request handler on a real local server for one test.
/* global fetch */
import http from "node:http";

/** Serves `handler` on 127.0.0.1 while `body(request)` runs; `request(path, init)` is fetch on that server. */
export async function withServer(handler, body) {
  const server = http.createServer((req, res) => {
    (async () => handler(req, res))().catch((error) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
      res.end(`handler threw: ${error?.stack ?? error}`);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    return await body((path, init) => fetch(base + path, init));
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** A POST with a JSON body (a string is sent as it is, to test bodies that are not JSON). */
export function postJson(body) {
  return { method: "POST", headers: { "Content-Type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) };
}
