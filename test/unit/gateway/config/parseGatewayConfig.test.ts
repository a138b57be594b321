import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPERGRAPH_PATH, overrideFor, parseGatewayConfig } from '../../../../gateway/config/parseGatewayConfig.ts';
import { ConfigError } from '../../../../gateway/errors.ts';
import { PRODUCTION_SECURITY_ENV } from '../../../fixtures/gateway/productionSecurityEnv.ts';

describe('parseGatewayConfig', () => {
  it('has defaults: the checked-in supergraph, port 4000, 5 s timeouts, GraphiQL on outside production', () => {
    const config = parseGatewayConfig([], {});
    expect(config.supergraphPath).toBe(DEFAULT_SUPERGRAPH_PATH);
    expect(config.port).toBe(4000);
    expect(config.nodeEnv).toBe('development');
    expect(config.transport.timeoutMs).toBe(5000);
    expect(config.graphiql).toBe(true);
    expect(config.exposeErrorDetails).toBe(true);
  });

  it('takes --supergraph and --port from argv over GATEWAY_PORT', () => {
    const config = parseGatewayConfig(['--supergraph', '/tmp/x.graphql', '--port=4100'], { GATEWAY_PORT: '4200' });
    expect(config.supergraphPath).toBe('/tmp/x.graphql');
    expect(config.port).toBe(4100);
    expect(parseGatewayConfig([], { GATEWAY_PORT: '4200' }).port).toBe(4200);
  });

  it('reads subgraph URL overrides from SUBGRAPH_URLS and SUBGRAPH_URL_<NAME> (which wins)', () => {
    const config = parseGatewayConfig([], {
      SUBGRAPH_URLS: JSON.stringify({ grid: 'http://a:1/graphql', police: 'http://b:2/graphql' }),
      SUBGRAPH_URL_POLICE: 'http://c:3/graphql',
      SUBGRAPH_URL_LEGAL_AID: 'https://d/graphql',
    });
    expect(overrideFor(config.subgraphUrls, 'grid')).toBe('http://a:1/graphql');
    expect(overrideFor(config.subgraphUrls, 'police')).toBe('http://c:3/graphql');
    expect(overrideFor(config.subgraphUrls, 'legal-aid')).toBe('https://d/graphql');
    expect(overrideFor(config.subgraphUrls, 'courts')).toBeUndefined();
  });

  it('reads per-subgraph timeouts', () => {
    const config = parseGatewayConfig([], { GATEWAY_SUBGRAPH_TIMEOUT_MS: '1000', SUBGRAPH_TIMEOUT_MS_COURTS: '8000' });
    expect(config.transport.timeoutMs).toBe(1000);
    expect(overrideFor(config.transport.timeoutMsBySubgraph, 'courts')).toBe(8000);
  });

  it('executes with our executor unless GATEWAY_EXECUTOR=apollo; reads the planner switches @apollo/gateway reads', () => {
    expect(parseGatewayConfig([], {}).executor).toBe('onewindow');
    expect(parseGatewayConfig([], { GATEWAY_EXECUTOR: 'apollo' }).executor).toBe('apollo');
    expect(parseGatewayConfig([], {}).queryPlanner).toEqual({ recursiveSelectionsLimitDisabled: false, nonLocalSelectionsLimitDisabled: false });
    expect(parseGatewayConfig([], { APOLLO_DISABLE_SECURITY_RECURSIVE_SELECTIONS_CHECK: 'true' }).queryPlanner.recursiveSelectionsLimitDisabled).toBe(true);
  });

  it('turns GraphiQL, error details and unenforced authorization off in production', () => {
    const config = parseGatewayConfig([], { NODE_ENV: 'production', ...PRODUCTION_SECURITY_ENV });
    expect(config.graphiql).toBe(false);
    expect(config.exposeErrorDetails).toBe(false);
    expect(config.allowUnenforcedAuthorization).toBe(false);
    expect(parseGatewayConfig([], { NODE_ENV: 'production', GATEWAY_GRAPHIQL: 'true', ...PRODUCTION_SECURITY_ENV }).graphiql).toBe(false);
  });

  it.each([
    [['--port', 'abc'], {}],
    [['--port'], {}],
    [['--nope'], {}],
    [['stray'], {}],
    [[], { GATEWAY_PORT: '70000' }],
    [[], { NODE_ENV: 'staging' }],
    [[], { GATEWAY_EXECUTOR: 'fast' }],
    [[], { SUBGRAPH_URLS: '[1]' }],
    [[], { SUBGRAPH_URLS: '{"grid": "ftp://x"}' }],
    [[], { SUBGRAPH_URL_GRID: 'not a url' }],
    [[], { GATEWAY_BREAKER_FAILURES: '0' }],
    [[], { GATEWAY_WATCH_SUPERGRAPH: 'maybe' }],
    [[], { NODE_ENV: 'production', GATEWAY_ALLOW_UNENFORCED_AUTHORIZATION: 'true', ...PRODUCTION_SECURITY_ENV }],
  ])('refuses malformed settings with a ConfigError: %j %j', (argv, env) => {
    expect(() => parseGatewayConfig(argv, env)).toThrow(ConfigError);
  });
});
