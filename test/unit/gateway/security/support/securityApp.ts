import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { parseGatewayConfig } from '../../../../../gateway/config/parseGatewayConfig.ts';
import { build } from '../../../../../gateway/createGateway.ts';
import { createMetrics } from '../../../../../gateway/metrics/createMetrics.ts';
import { mintToken, type TokenSubject } from '../../../../../gateway/security/mintToken.ts';
import { composeAuthzSupergraph, startAuthzSubgraphs, type AuthzSubgraphs } from './authzFixture.ts';

// Nothing here may phone home (main.ts sets this for the real process).
process.env.APOLLO_TELEMETRY_DISABLED = 'true';

export interface SecurityApp {
  app: FastifyInstance;
  subgraphs: AuthzSubgraphs;
  supergraph: string;
  /** POST /graphql (or GET) through inject. */
  graphql(options: GraphQLCall): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface GraphQLCall {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  /** A token, or the user to mint one for (development secret). */
  token?: string;
  user?: TokenSubject;
  purpose?: string;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
}

export const USERS = {
  full: { sub: 'full', name: '全', agency: 'POLICE', roles: ['supervisor'], scopes: ['person:id_number', 'person:phone', 'admin', 'box:weight'], jurisdiction: ['420923'] },
  basic: { sub: 'basic', name: '基', agency: 'GRID', roles: [], scopes: [], jurisdiction: ['420923100'] },
  police: { sub: 'police', name: '警', agency: 'POLICE', roles: ['police_officer'], scopes: [], jurisdiction: ['420923'] },
} satisfies Record<string, TokenSubject>;

/** The gateway, built in process (`build()`, no port), over the two authz fixture subgraphs (real HTTP on loopback). */
export async function startSecurityApp(env: Record<string, string> = {}): Promise<SecurityApp> {
  const subgraphs = await startAuthzSubgraphs();
  const dir = mkdtempSync(join(tmpdir(), 'onewindow-security-'));
  const supergraph = composeAuthzSupergraph(subgraphs.urls);
  const path = join(dir, 'supergraph.graphql');
  writeFileSync(path, supergraph);
  let app: FastifyInstance;
  try {
    app = await build({
      // No rate limit (the fuzz sends thousands) and no audit log (test/e2e covers both with security on).
      config: parseGatewayConfig(['--supergraph', path], {
        NODE_ENV: 'test',
        GATEWAY_WATCH_SUPERGRAPH: 'false',
        GATEWAY_RATE_LIMIT_BURST: '0',
        GATEWAY_AUDIT: 'off',
        ...env,
      }),
      logger: false,
      metrics: createMetrics({ defaultMetrics: false }),
    });
  } catch (error) {
    await subgraphs.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (user: TokenSubject) => {
    let token = tokens.get(user.sub);
    if (!token) tokens.set(user.sub, (token = mintToken(user)));
    return token;
  };
  return {
    app,
    subgraphs,
    supergraph,
    async graphql(call) {
      const token = call.token ?? (call.user ? await tokenFor(call.user) : undefined);
      const headers: Record<string, string> = {
        ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
        ...(call.purpose !== undefined ? { 'x-access-purpose': call.purpose } : {}),
        ...call.headers,
      };
      if (call.method === 'GET') {
        const search = new URLSearchParams({
          query: call.query,
          ...(call.variables ? { variables: JSON.stringify(call.variables) } : {}),
          ...(call.operationName !== undefined ? { operationName: call.operationName } : {}),
        });
        return app.inject({ method: 'GET', url: `/graphql?${search}`, headers: { ...headers, 'apollo-require-preflight': 'true' } });
      }
      return app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', ...headers },
        payload: { query: call.query, variables: call.variables, operationName: call.operationName },
      });
    },
    async close() {
      await app.close();
      await subgraphs.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
