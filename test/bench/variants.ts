// The gateways the bench loads, as tables of settings: adjust them here as
// the security work (issue 6) settles its variable names. A setting a
// gateway does not know is ignored, so a wrong name shows up as a variant
// that is "not available" (e.g. it does not refuse an anonymous request),
// never as a silently different measurement.
import type { JWK } from 'jose';
import { SUBGRAPHS, type SubgraphName } from '../../schema/subgraphList.ts';
import { ANONYMOUS_DEVELOPER } from '../../gateway/security/anonymousDeveloper.ts';
import type { ContextClaims } from './contextSigner.ts';
import { SERVICE_NODE_FLAGS } from '../../scripts/serviceNodeFlags.ts';

/** What a gateway's settings may depend on; prepared by the bench for each run. */
export interface VariantContext {
  port: number;
  subgraphUrls: Record<SubgraphName, string>;
  /** The checked-in supergraph with the bench's subgraph URLs written in (stock reads URLs only from the file). */
  supergraphWithUrlsFile: string;
  /** The gateway's own data directory (its audit store): per run and per variant. */
  dataDir: string;
  /** HS256 secret the bench signs its demo user's token with. */
  jwtSecret: string;
  /** The key subgraphs trust for the signed user context (the bench's own); undefined: leave the gateway's default. */
  contextPrivateJwk: JWK | undefined;
  /** The bench's operations as a trusted-documents manifest (Apollo persisted-query manifest format, as `npm run persist` writes). */
  trustedDocumentsFile: string;
}

export interface GatewaySetup {
  /** Shown in the report: which setup of the variant was measured. */
  label: string;
  /** `node --import tsx <nodeFlags> <script> <args>`. */
  script: string;
  /** V8 options: ours runs with the ones it ships with (scripts/serviceNodeFlags.ts), stock with none. */
  nodeFlags: readonly string[];
  args(ctx: VariantContext): string[];
  /** Added to the bench's environment; `undefined` removes a variable. */
  env(ctx: VariantContext): Record<string, string | undefined>;
  /** How a request names its operation: the text, or only its SHA-256 (trusted documents). */
  document: 'text' | 'hash';
  /** Security on: before measuring, a request without a token must be refused (401 / UNAUTHENTICATED). */
  refusesAnonymous: boolean;
  /** GET path that answers 2xx once the gateway serves; without one, a POST `{ __typename }` must answer. */
  readyPath?: string;
}

export type VariantId = 'secure' | 'open' | 'stock';

export interface GatewayVariant {
  id: VariantId;
  label: string;
  /** Tried in order: the first that starts and passes its checks is measured. */
  setups: GatewaySetup[];
}

/** Settings every variant of our gateway shares. */
const ours = (ctx: VariantContext): Record<string, string> => ({
  GATEWAY_HOST: '127.0.0.1',
  GATEWAY_PORT: String(ctx.port),
  ...Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_URL_${s.name.toUpperCase()}`, ctx.subgraphUrls[s.name]])),
  GATEWAY_WATCH_SUPERGRAPH: 'false',
  DATA_DIR: ctx.dataDir,
  // One access line per request would be measured as gateway work and as
  // load-generator work (the bench reads the pipe); stock logs nothing per request.
  LOG_LEVEL: 'warn',
});

/**
 * Authentication with the bench's own HS256 secret (so it can mint its demo
 * user's token) and the context key its subgraphs trust (production refuses
 * the development ones: they are in the repository).
 */
const security = (ctx: VariantContext): Record<string, string> => ({
  GATEWAY_AUTH: 'on',
  GATEWAY_JWT_SECRET: ctx.jwtSecret,
  ...(ctx.contextPrivateJwk ? { GATEWAY_CONTEXT_PRIVATE_KEY: JSON.stringify(ctx.contextPrivateJwk) } : {}),
  GATEWAY_AUDIT: 'on',
  GATEWAY_PERSISTED_OPERATIONS: ctx.trustedDocumentsFile,
  // The per-user rate limit stays on (its cost is measured) with a budget no
  // load reaches: one demo user sends every request of the bench.
  GATEWAY_RATE_LIMIT_BURST: '1000000000',
  GATEWAY_RATE_LIMIT_PER_MINUTE: '1000000000',
});

const GATEWAY_MAIN = 'gateway/main.ts';

export const VARIANTS: readonly GatewayVariant[] = [
  {
    id: 'secure',
    label: 'ours, production (auth, authz, audit, limits)',
    setups: [
      {
        label: 'NODE_ENV=production, trusted documents',
        script: GATEWAY_MAIN,
        nodeFlags: SERVICE_NODE_FLAGS,
        args: () => [],
        env: (ctx) => ({ ...ours(ctx), ...security(ctx), NODE_ENV: 'production' }),
        document: 'hash',
        refusesAnonymous: true,
        readyPath: '/ready',
      },
      {
        // Until production mode is complete: the same security in development mode.
        label: 'NODE_ENV=development, security on',
        script: GATEWAY_MAIN,
        nodeFlags: SERVICE_NODE_FLAGS,
        args: () => [],
        env: (ctx) => ({ ...ours(ctx), ...security(ctx), NODE_ENV: 'development' }),
        document: 'text',
        refusesAnonymous: true,
        readyPath: '/ready',
      },
    ],
  },
  {
    id: 'open',
    label: 'ours, security off',
    setups: [
      {
        label: 'NODE_ENV=development, GATEWAY_AUTH=off, GATEWAY_AUDIT=off, no rate limit',
        script: GATEWAY_MAIN,
        nodeFlags: SERVICE_NODE_FLAGS,
        args: () => [],
        env: (ctx) => ({
          ...ours(ctx),
          NODE_ENV: 'development',
          // Authentication off takes authorization and purpose with it; the
          // subgraphs still need a signed context (an anonymous, province-wide
          // one in this mode), under the key they trust.
          GATEWAY_AUTH: 'off',
          ...(ctx.contextPrivateJwk ? { GATEWAY_CONTEXT_PRIVATE_KEY: JSON.stringify(ctx.contextPrivateJwk) } : {}),
          GATEWAY_AUDIT: 'off',
          GATEWAY_RATE_LIMIT_BURST: '0',
          GATEWAY_ALLOW_UNENFORCED_AUTHORIZATION: 'true',
        }),
        document: 'text',
        refusesAnonymous: false,
        readyPath: '/ready',
      },
    ],
  },
  {
    id: 'stock',
    label: 'stock @apollo/gateway + @apollo/server',
    setups: [
      {
        label: 'standalone server, default settings',
        script: 'test/bench/stockGatewayMain.ts',
        nodeFlags: [],
        args: (ctx) => ['--supergraph', ctx.supergraphWithUrlsFile, '--port', String(ctx.port)],
        // Default settings: whatever NODE_ENV the bench was started with is not stock's.
        env: () => ({ NODE_ENV: undefined }),
        document: 'text',
        refusesAnonymous: false,
      },
    ],
  },
];

/**
 * The demo user every request speaks for: a centre case handler whose
 * jurisdiction is the county of the bench's person and its city (the
 * wage-arrears journey ends in the city's intermediate court). No scope for
 * full ID or phone numbers: the operations ask only for masked ones.
 */
export function demoUser(county: string, purpose: string): ContextClaims {
  return {
    sub: 'bench-case-handler',
    name: '基准测试办事员',
    agency: 'GRID',
    roles: ['case_handler'],
    scopes: [],
    jurisdiction: [county, `${county.slice(0, 4)}00`],
    purpose,
  };
}

/**
 * Who our gateway signs for with authentication off (development only):
 * stock and the ceiling send this user's context, so they serve what (b)
 * serves.
 */
export function anonymousDeveloper(purpose: string): ContextClaims {
  const { userId, name, agency, roles, scopes, jurisdiction } = ANONYMOUS_DEVELOPER;
  return { sub: userId, name, agency, roles: [...roles], scopes: [...scopes], jurisdiction: [...jurisdiction], purpose };
}
