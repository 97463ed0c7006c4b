// nginx (the Debian package) as the load balancer in front of Folio's app
// servers, for the two-server test (e2e/two-servers.spec.ts) and the page
// benchmark: round robin over the upstreams, run as the current user with a
// configuration, pid file, logs and temporary files in a folder of its own.
// Each answer names the upstream that served it (X-Upstream). With `cache`,
// nginx also keeps anonymous pages as a CDN would (docs/deployment.md):
// only cookie-less requests, for as long as the page's s-maxage says. With
// `staticFile` instead of upstreams, nginx answers every request with that
// one file from disk: the page benchmark's second ceiling.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type Nginx = { url: string; stop(): Promise<void> };

/** nginx's path; a clear error when it is not installed (the test must fail, not skip). */
export function nginxBinary(): string {
  for (const candidate of [process.env.NGINX_PATH, "/usr/sbin/nginx", "/usr/bin/nginx"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  const found = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).stdout.trim();
  if (found) return found;
  throw new Error(
    "nginx is not installed: the two-server test needs it (Debian: apt-get install -y nginx; .ci/run installs it)",
  );
}

/** The load balancer's configuration: the one docs/deployment.md shows, with test paths. */
export type NginxOptions =
  { port: number; upstreams: number[]; cache?: boolean } | { port: number; staticFile: string };

export function nginxConfig(options: NginxOptions & { dir: string }): string {
  if ("staticFile" in options) return staticConfig(options);
  const { dir, port, upstreams, cache } = options;
  const caching = cache
    ? `
      # The CDN rule: keep cookie-less answers for their s-maxage (Folio marks
      # only anonymous public pages so); anything with a cookie goes to Folio.
      proxy_cache folio_pages;
      proxy_cache_key $scheme$host$request_uri;
      proxy_cache_bypass $http_cookie;
      proxy_no_cache $http_cookie;
      proxy_cache_lock on;
      proxy_cache_use_stale updating error timeout;
      proxy_cache_background_update on;
      add_header X-Cache $upstream_cache_status always;`
    : "";
  return `# Folio behind nginx: round robin over the app servers (test configuration).
${process.getuid?.() === 0 ? "user root;\n" : ""}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${
  cache
    ? `  proxy_cache_path ${dir}/cache levels=1:2 keys_zone=folio_pages:10m max_size=256m inactive=10m use_temp_path=off;
`
    : ""
}  upstream folio {
${upstreams.map((upstream) => `    server 127.0.0.1:${upstream};`).join("\n")}
    keepalive 32;
  }
  server {
    listen localhost:${port};
    location / {
      proxy_pass http://folio;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      # The app servers run with TRUST_PROXY=1 and take the client's address from here.
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      add_header X-Upstream $upstream_addr always;${caching}
    }
  }
}
`;
}

/** One file for every request, with the headers of a static server (the Node ceiling's, scripts/bench/static-server.ts). */
function staticConfig({ dir, port, staticFile }: { dir: string; port: number; staticFile: string }): string {
  return `# nginx serving one saved page from disk (benchmark ceiling).
${process.getuid?.() === 0 ? "user root;\n" : ""}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  sendfile on;
  tcp_nopush on;
  open_file_cache max=16;
  server {
    listen localhost:${port};
    root ${path.dirname(staticFile)};
    location / {
      default_type "text/html; charset=utf-8";
      add_header Cache-Control "public, max-age=60";
      try_files /${path.basename(staticFile)} =404;
    }
  }
}
`;
}

export async function startNginx(options: NginxOptions): Promise<Nginx> {
  const { port } = options;
  const binary = nginxBinary();
  const dir = mkdtempSync(path.join(tmpdir(), "folio-nginx-"));
  const config = path.join(dir, "nginx.conf");
  writeFileSync(config, nginxConfig({ ...options, dir }));
  const child = spawn(binary, ["-p", dir, "-c", config, "-g", "daemon off;"], {
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // localhost, as the app servers' own addresses: the reader's session cookie is for that host.
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${stderr}`);
    if (
      await fetch(`${url}/api/health`).then(
        (response) => response.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error(`nginx did not answer on port ${port}: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.pid !== undefined) {
        process.kill(-child.pid, "SIGQUIT");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
        if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
