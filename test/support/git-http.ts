// Git's smart HTTP for the workflow harness, the way GitHub serves a private repository: `git
// http-backend` (shipped with git) behind a small node:http server on 127.0.0.1. Every request needs a
// token (`AUTHORIZATION: basic base64(x-access-token:<token>)`, what actions/checkout sends); fetching
// needs one that can read, pushing one with `contents: write`. Refusals are recorded for the tests.
import { spawn } from "node:child_process";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Access = "read" | "write";

export interface GitHttpRefusal {
  token: string | null;
  path: string;
  service: string;
  status: number;
}

export interface GitHttpServer {
  /** http://127.0.0.1:<port>: `${url}/<name>.git` is the bare repository `<root>/<name>.git`. */
  url: string;
  /** What a token may do with `contents`; absent tokens are refused (401). */
  grant(token: string, access: Access | "none"): void;
  refusals: GitHttpRefusal[];
  close(): Promise<void>;
}

/** The token of a `basic` or `bearer` authorization header (`x-access-token:<token>`), or null. */
export function tokenOf(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme, value = ""] = header.split(" ", 2);
  if (/^bearer$/i.test(scheme ?? "") || /^token$/i.test(scheme ?? "")) return value;
  if (!/^basic$/i.test(scheme ?? "")) return null;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  return decoded.slice(decoded.indexOf(":") + 1) || null;
}

export async function startGitHttp(root: string): Promise<GitHttpServer> {
  const grants = new Map<string, Access | "none">();
  const refusals: GitHttpRefusal[] = [];
  const server = createServer((req, res) => serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function serve(req: IncomingMessage, res: ServerResponse): void {
    const parsed = new URL(req.url ?? "/", url);
    const service = parsed.searchParams.get("service") ?? parsed.pathname.split("/").at(-1) ?? "";
    const push = service === "git-receive-pack";
    const token = tokenOf(req.headers.authorization);
    const access = token === null ? undefined : grants.get(token);
    const status = access === undefined ? 401 : access === "none" || (push && access !== "write") ? 403 : 0;
    if (status !== 0) {
      refusals.push({ token, path: parsed.pathname, service, status });
      req.resume();
      res.writeHead(status, status === 401 ? { "www-authenticate": 'Basic realm="GitHub"' } : {});
      res.end(status === 401 ? "authentication required\n" : "Permission to this repository denied to the token.\n");
      return;
    }
    const cgi = spawn("git", ["http-backend"], {
      env: {
        PATH: process.env.PATH ?? "",
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: "1",
        GIT_CONFIG_NOSYSTEM: "1",
        HOME: root,
        REQUEST_METHOD: req.method ?? "GET",
        PATH_INFO: decodeURIComponent(parsed.pathname),
        QUERY_STRING: parsed.search.slice(1),
        CONTENT_TYPE: req.headers["content-type"] ?? "",
        ...(req.headers["content-length"] ? { CONTENT_LENGTH: req.headers["content-length"] } : {}),
        ...(req.headers["content-encoding"] ? { HTTP_CONTENT_ENCODING: req.headers["content-encoding"] } : {}),
        ...(req.headers["git-protocol"] ? { GIT_PROTOCOL: String(req.headers["git-protocol"]) } : {}),
        // http-backend serves receive-pack only to an authenticated user.
        REMOTE_USER: "x-access-token",
        REMOTE_ADDR: "127.0.0.1",
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    req.pipe(cgi.stdin);
    let head = Buffer.alloc(0);
    let headerDone = false;
    cgi.stdout.on("data", (chunk: Buffer) => {
      if (headerDone) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf("\r\n\r\n");
      if (end < 0) return;
      headerDone = true;
      const headers: Record<string, string> = {};
      let code = 200;
      for (const line of head.subarray(0, end).toString("latin1").split("\r\n")) {
        const colon = line.indexOf(":");
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (/^status$/i.test(name)) code = Number.parseInt(value, 10);
        else headers[name] = value;
      }
      res.writeHead(code, headers);
      res.write(head.subarray(end + 4));
    });
    cgi.on("close", () => {
      if (!headerDone) res.writeHead(500);
      res.end();
    });
    cgi.stderr.resume();
  }

  return {
    url,
    grant: (token, access) => grants.set(token, access),
    refusals,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}
