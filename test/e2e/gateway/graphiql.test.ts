// GraphiQL is served from the project's own installed assets: the page and
// everything it references load nothing from outside (isolated network).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureStack, type FixtureStack } from '../../fixtures/gateway/startFixtureStack.ts';

const ABSOLUTE_URL = /\b(?:https?|wss?):\/\/|(?:^|[\s"'(=])\/\/[a-z0-9-]+\./gim;

// Where an absolute URL would make the browser fetch something: CSS url() and
// @import, element src/href/action (HTML or JS-built), dynamic import, fetch,
// workers, sockets, event sources, source maps.
const LOADING_CONTEXTS = [
  /url\(\s*['"]?(?:https?:|wss?:)?\/\//i,
  /@import\s+(?:url\()?\s*['"]?(?:https?:)?\/\//i,
  /\b(?:src|srcset|action|poster|data)\s*[=:]\s*['"`](?:https?:)?\/\//i,
  /\bimport\(\s*['"`](?:https?:)?\/\//i,
  /\b(?:fetch|importScripts|sendBeacon)\(\s*['"`](?:https?:)?\/\//i,
  /\bnew\s+(?:Worker|SharedWorker|EventSource|WebSocket)\(\s*['"`](?:https?:|wss?:)?\/\//i,
  /sourceMappingURL=(?:https?:)?\/\//i,
  /\brel\s*[=:]\s*['"`](?:preload|prefetch|preconnect|dns-prefetch|stylesheet|modulepreload)['"`][^>]{0,200}href\s*[=:]\s*['"`](?:https?:)?\/\//i,
];

// The bundled libraries (React, GraphiQL, CodeMirror, markdown-it, ...) do
// contain absolute URLs that are never loaded: XML namespace names React
// creates SVG/MathML elements with, links in license banners, comments and
// error messages, test strings in URL parsers, and one click-through link in
// GraphiQL's short-keys dialog. They are tolerated; a URL in a loading
// context (above) is not, nor any URL on a host that serves assets to pages.
const ASSET_HOSTS = [
  'unpkg.com', 'cdn.jsdelivr.net', 'cdnjs.cloudflare.com', 'esm.sh', 'cdn.skypack.dev', 'ga.jspm.io', 'fonts.googleapis.com',
  'fonts.gstatic.com', 'ajax.googleapis.com', 'code.jquery.com', 'stackpath.bootstrapcdn.com', 'embeddable-sandbox.cdn.apollographql.com',
  'embeddable-explorer.cdn.apollographql.com', 'apollo-server-landing-page.cdn.apollographql.com', 'www.googletagmanager.com',
  'www.google-analytics.com',
];

describe('GraphiQL', () => {
  let stack: FixtureStack;
  beforeAll(async () => {
    stack = await startFixtureStack({ subgraphsUp: false });
  });
  afterAll(async () => stack?.stop());

  it('serves a page with no external URL, under a same-origin Content-Security-Policy', async () => {
    const response = await fetch(`${stack.base}/graphiql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:|\*/);
    const html = await response.text();
    expect(html.match(ABSOLUTE_URL)).toBeNull();
    expect(html).not.toMatch(/<script>(?!<\/script>)/); // no inline script
  });

  it('every asset the page references is served from this gateway, and none loads anything from outside', async () => {
    const html = await (await fetch(`${stack.base}/graphiql`)).text();
    const references = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(references.length).toBeGreaterThanOrEqual(6);
    const seenHosts = new Set<string>();
    const queue = [...references];
    const scanned = new Set<string>();
    while (queue.length > 0) {
      const reference = queue.shift()!;
      if (scanned.has(reference)) continue;
      scanned.add(reference);
      expect(reference, 'a same-origin path').toMatch(/^\/(?!\/)/);
      const asset = await fetch(new URL(reference, stack.base));
      expect(asset.status, reference).toBe(200);
      const text = await asset.text();
      for (const pattern of LOADING_CONTEXTS) expect(text.match(pattern), `${reference} loads an absolute URL`).toBeNull();
      if (reference.endsWith('.css')) {
        expect(text.match(ABSOLUTE_URL), `${reference} has an absolute URL`).toBeNull();
        // Follow the stylesheet's own references (fonts, images) if any.
        for (const m of text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
          if (!m[1]!.startsWith('data:')) queue.push(new URL(m[1]!, new URL(reference, stack.base)).pathname);
        }
      } else if (reference.endsWith('.js')) {
        for (const m of text.matchAll(/\b(?:https?|wss?):\/\/([a-z0-9.-]*)/gi)) seenHosts.add(m[1]!.toLowerCase());
      }
    }
    expect([...seenHosts].filter((host) => ASSET_HOSTS.some((cdn) => host === cdn || host.endsWith(`.${cdn}`)))).toEqual([]);
    // Our own page scripts and styles: not a single absolute URL.
    for (const own of ['/graphiql/assets/init.js', '/graphiql/assets/page.css']) {
      expect((await (await fetch(`${stack.base}${own}`)).text()).match(ABSOLUTE_URL)).toBeNull();
    }
  });

  it('compresses its large assets', async () => {
    const response = await fetch(`${stack.base}/graphiql/assets/graphiql.min.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
  });

  it('is off in production', async () => {
    const production = await startFixtureStack({ subgraphsUp: false, gatewayEnv: { NODE_ENV: 'production' } });
    try {
      expect((await fetch(`${production.base}/graphiql`)).status).toBe(404);
      expect((await fetch(`${production.base}/graphiql/assets/graphiql.min.js`)).status).toBe(404);
    } finally {
      await production.stop();
    }
  });
});
