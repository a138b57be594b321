// The console's registrar on its own (no subgraphs): what it serves, and the
// development-only demo-user endpoint refused in production.
import Fastify, { type FastifyInstance } from 'fastify';
import { decodeJwt } from 'jose';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CSP, registerConsole } from '../../../gateway/console/registerConsole.ts';
import { DEMO_USERS } from '../../../gateway/security/demoUsers.ts';
import { parseSecurityConfig } from '../../../gateway/security/parseSecurityConfig.ts';
import { PRODUCTION_SECURITY_ENV } from '../../fixtures/gateway/productionSecurityEnv.ts';

type NodeEnv = 'development' | 'test' | 'production';

async function consoleApp(nodeEnv: NodeEnv, env: Record<string, string>, distDir: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  registerConsole(app, { config: { nodeEnv, security: parseSecurityConfig(nodeEnv === 'production', env) }, distDir });
  await app.ready();
  return app;
}

describe('registerConsole', () => {
  let dist: string;
  const apps: FastifyInstance[] = [];
  const make = async (nodeEnv: NodeEnv, env: Record<string, string> = {}, dir?: string) => {
    const app = await consoleApp(nodeEnv, env, dir ?? dist);
    apps.push(app);
    return app;
  };

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'onewindow-console-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="zh-CN"><script type="module" src="/console/assets/app-abc123.js"></script></html>');
    writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log("办理台");'.repeat(50));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves the built page and its hashed assets under a same-origin CSP', async () => {
    const app = await make('development');
    for (const url of ['/console', '/console/']) {
      const page = await app.inject({ url });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['content-security-policy']).toBe(CONSOLE_CSP);
      expect(page.headers['x-frame-options']).toBe('DENY');
    }
    const asset = await app.inject({ url: '/console/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.headers['cache-control']).toContain('immutable');
    for (const url of ['/console/assets/..%2F..%2Fpackage.json', '/console/assets/missing.js', '/console/assets/.hidden.js', '/console/assets/app.exe']) {
      expect((await app.inject({ url })).statusCode, url).toBe(404);
    }
  });

  it('answers 503 with a message when the console is not built', async () => {
    const app = await make('development', {}, join(dist, 'nowhere'));
    const page = await app.inject({ url: '/console' });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('npm run build:console');
  });

  it('in development lists the demo users and mints their tokens', async () => {
    const app = await make('development');
    expect((await app.inject({ url: '/console/api/session' })).json()).toEqual({ authentication: true, demoUsers: true });
    const list = (await app.inject({ url: '/console/api/dev/demo-users' })).json() as { users: { key: string }[] };
    expect(list.users.map((u) => u.key)).toEqual(DEMO_USERS.map((u) => u.key));
    const minted = await app.inject({ method: 'POST', url: '/console/api/dev/demo-token', payload: { user: 'handler' } });
    expect(minted.statusCode).toBe(200);
    const claims = decodeJwt((minted.json() as { token: string }).token);
    expect(claims).toMatchObject({ sub: 'zhou.jie', agency: 'GRID', jurisdiction: ['420923'] });
    expect((await app.inject({ method: 'POST', url: '/console/api/dev/demo-token', payload: { user: 'root' } })).statusCode).toBe(400);
  });

  it('refuses the demo-user endpoint in production, and wherever tokens are not verified with the development secret', async () => {
    const production = await make('production', { ...PRODUCTION_SECURITY_ENV });
    const ownSecret = await make('development', { GATEWAY_JWT_SECRET: 'a-development-secret-of-our-own-0123456789' });
    for (const app of [production, ownSecret]) {
      expect((await app.inject({ url: '/console/api/session' })).json()).toMatchObject({ demoUsers: false });
      expect((await app.inject({ url: '/console/api/dev/demo-users' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'POST', url: '/console/api/dev/demo-token', payload: { user: 'handler' } })).statusCode).toBe(404);
      // The console itself is served everywhere: sign-in is by token there.
      expect((await app.inject({ url: '/console/' })).statusCode).toBe(200);
    }
  });
});
