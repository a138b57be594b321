import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { GatewayConfig } from '../config/parseGatewayConfig.ts';
import { DEMO_USERS, demoUser } from '../security/demoUsers.ts';
import { DEV_JWT } from '../security/devJwt.ts';
import { mintToken } from '../security/mintToken.ts';

/** Where `npm run build:console` writes the console (git-ignored). */
export const CONSOLE_DIST_DIR = fileURLToPath(new URL('./dist', import.meta.url));

/**
 * The browser may load only from this gateway and run no inline script or
 * style element: an isolated network, and a page about people's records.
 * (React's `style` props are set through the CSSOM, which style-src allows.)
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};
const ASSET_NAME = /^[A-Za-z0-9_.-]{1,200}$/;
/** A token minted here lives one shift, as `npm run token` does. */
const DEMO_TOKEN_SECONDS = 8 * 3600;

export interface ConsoleOptions {
  config: Pick<GatewayConfig, 'nodeEnv' | 'security'>;
  /** The built console (default: gateway/console/dist). */
  distDir?: string;
}

/** What the sign-in page needs to know about this gateway (no secrets). */
export interface ConsoleSession {
  /** Whether /graphql requires a token (GATEWAY_AUTH=off turns it off outside production). */
  authentication: boolean;
  /** Whether /console/api/dev/* lists demo users and mints their tokens. */
  demoUsers: boolean;
}

/**
 * The case handler's console at /console: the built single-page app from
 * gateway/console/dist (Vite), under a same-origin-only CSP.
 *
 * DEVELOPMENT ONLY: /console/api/dev/demo-users and /console/api/dev/demo-token
 * list the demo users (security/demoUsers.ts) and mint their tokens, so a
 * developer can sign in by picking one. They exist only outside production
 * and only while the gateway verifies tokens with the development secret (a
 * token minted with it would be refused otherwise); in production the routes
 * are not registered at all.
 */
export function registerConsole(app: FastifyInstance, options: ConsoleOptions): void {
  const { config } = options;
  const distDir = options.distDir ?? CONSOLE_DIST_DIR;
  const production = config.nodeEnv === 'production';
  const keys = config.security.jwt.keys;
  const demoUsersEnabled = !production && keys.kind === 'secret' && keys.secret === DEV_JWT.secret;
  const session: ConsoleSession = { authentication: config.security.enabled, demoUsers: demoUsersEnabled };

  const securityHeaders = (reply: FastifyReply) =>
    reply
      .header('content-security-policy', CONSOLE_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('x-frame-options', 'DENY');

  // index.html is re-read when the build replaces it (a developer rebuilding
  // while the gateway runs); hashed assets never change under their name.
  let page: { mtimeMs: number; html: Buffer } | undefined;
  const indexFile = join(distDir, 'index.html');
  const loadPage = (): Buffer | undefined => {
    if (!existsSync(indexFile)) return undefined;
    const { mtimeMs } = statSync(indexFile);
    if (!page || page.mtimeMs !== mtimeMs) page = { mtimeMs, html: readFileSync(indexFile) };
    return page.html;
  };
  const sendPage = async (_request: FastifyRequest, reply: FastifyReply) => {
    securityHeaders(reply).header('cache-control', 'no-cache');
    const html = loadPage();
    if (!html) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('控制台尚未构建：请运行 npm run build:console（The console is not built: run npm run build:console.）\n');
    }
    return reply.type('text/html; charset=utf-8').send(html);
  };
  app.get('/console', sendPage);
  app.get('/console/', sendPage);

  const assets = new Map<string, { raw: Buffer; gzip: Buffer }>();
  app.get<{ Params: { name: string } }>('/console/assets/:name', async (request, reply) => {
    const { name } = request.params;
    const type = TYPES[extname(name)];
    if (!ASSET_NAME.test(name) || name.startsWith('.') || !type) return reply.code(404).send({ error: 'not found' });
    let asset = assets.get(name);
    if (!asset) {
      let raw: Buffer;
      try {
        raw = await readFile(join(distDir, 'assets', name));
      } catch {
        return reply.code(404).send({ error: 'not found' });
      }
      asset = { raw, gzip: gzipSync(raw) };
      assets.set(name, asset);
    }
    securityHeaders(reply).type(type).header('cache-control', 'public, max-age=31536000, immutable').header('vary', 'accept-encoding');
    if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(asset.gzip);
    return reply.send(asset.raw);
  });

  app.get('/console/api/session', async (_request, reply) => reply.header('cache-control', 'no-store').send(session));

  if (!demoUsersEnabled) return;

  app.get('/console/api/dev/demo-users', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({
      users: DEMO_USERS.map((u) => ({ key: u.key, name: u.name, agency: u.agency, roles: u.roles, scopes: u.scopes, jurisdiction: u.jurisdiction })),
    }),
  );

  app.post<{ Body: { user?: unknown } }>('/console/api/dev/demo-token', async (request, reply) => {
    const key = request.body?.user;
    const user = typeof key === 'string' ? demoUser(key) : undefined;
    if (!user) return reply.code(400).send({ error: 'UNKNOWN_DEMO_USER', message: `Pick one of: ${DEMO_USERS.map((u) => u.key).join(', ')}.` });
    const token = await mintToken(user, { expiresInSeconds: DEMO_TOKEN_SECONDS });
    request.log.info({ demoUser: user.key }, 'console: minted a development token for a demo user');
    return reply.header('cache-control', 'no-store').send({ token });
  });
}
