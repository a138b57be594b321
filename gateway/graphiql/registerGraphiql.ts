import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { INIT_JS, PAGE_CSS, graphiqlPage } from './graphiqlPage.ts';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

/** The only files served: from the installed packages, or our own text. */
const ASSETS: Record<string, { type: string; file?: () => string; text?: string }> = {
  'graphiql.min.js': { type: JS, file: () => join(packageDir('graphiql'), 'graphiql.min.js') },
  'graphiql.min.js.map': { type: JSON_TYPE, file: () => join(packageDir('graphiql'), 'graphiql.min.js.map') },
  'graphiql.min.css': { type: CSS, file: () => join(packageDir('graphiql'), 'graphiql.min.css') },
  'graphiql.min.css.map': { type: JSON_TYPE, file: () => join(packageDir('graphiql'), 'graphiql.min.css.map') },
  'react.production.min.js': { type: JS, file: () => join(packageDir('react'), 'umd/react.production.min.js') },
  'react-dom.production.min.js': { type: JS, file: () => join(packageDir('react-dom'), 'umd/react-dom.production.min.js') },
  'init.js': { type: JS, text: INIT_JS },
  'page.css': { type: CSS, text: PAGE_CSS },
};

/**
 * The browser may load only from this gateway, and run no inline script:
 * even if an asset tried to reach a CDN, the browser would refuse.
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const ASSET_BASE = '/graphiql/assets';

/**
 * GraphiQL at /graphiql, served entirely from the project's installed
 * packages (graphiql 3 and React 18 UMD bundles) through these routes. The
 * composition root registers it only outside production.
 */
export function registerGraphiql(app: FastifyInstance): void {
  const cache = new Map<string, { raw: Buffer; gzip: Buffer }>();
  const load = async (name: string) => {
    let entry = cache.get(name);
    if (!entry) {
      const asset = ASSETS[name]!;
      const raw = asset.text !== undefined ? Buffer.from(asset.text) : await readFile(asset.file!());
      entry = { raw, gzip: gzipSync(raw) };
      cache.set(name, entry);
    }
    return entry;
  };

  const page = graphiqlPage(ASSET_BASE);
  const sendPage = async (_request: FastifyRequest, reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('content-security-policy', GRAPHIQL_CSP).header('cache-control', 'no-cache').send(page);
  app.get('/graphiql', sendPage);
  app.get('/graphiql/', sendPage);

  app.get<{ Params: { name: string } }>(`${ASSET_BASE}/:name`, async (request, reply) => {
    const { name } = request.params;
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!asset) return reply.code(404).send({ error: 'not found' });
    const { raw, gzip } = await load(name);
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    reply.type(asset.type).header('cache-control', 'public, max-age=3600').header('vary', 'accept-encoding');
    if (acceptsGzip) return reply.header('content-encoding', 'gzip').send(gzip);
    return reply.send(raw);
  });
}
