// The Apollo plugin refuses to execute what the preHandler did not prepare
// for this user, or prepared against another supergraph (a reload between
// the two steps): nothing runs that skipped the rewrite.
import { describe, expect, it } from 'vitest';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createSecurity } from '../../../../gateway/security/createSecurity.ts';
import { demoPrincipal } from '../../../../gateway/security/demoUsers.ts';
import { parseSecurityConfig } from '../../../../gateway/security/parseSecurityConfig.ts';
import { apiSchemaOf, composeAuthzSupergraph } from './support/authzFixture.ts';

const sdl = composeAuthzSupergraph({ people: 'http://127.0.0.1:9/p', things: 'http://127.0.0.1:9/t' });
const first = { sdl, schema: apiSchemaOf(sdl) };
const second = { sdl, schema: apiSchemaOf(sdl) };

async function securityOn(current: () => typeof first) {
  return createSecurity({ config: parseSecurityConfig(false, {}), production: false, currentSupergraph: current });
}

const fakeRequest = (query: string) =>
  ({ method: 'POST', headers: {}, body: { query }, principal: demoPrincipal('handler'), log: { debug() {} } }) as unknown as FastifyRequest;
const reply = {} as FastifyReply;

async function resolve(security: Awaited<ReturnType<typeof securityOn>>, request: FastifyRequest, schema: typeof first.schema) {
  const hooks = await security.plugin.requestDidStart!({ contextValue: { request } } as never);
  return hooks!.didResolveOperation!({ schema, operation: { kind: 'OperationDefinition' } } as never);
}

describe('fail closed', () => {
  it('an operation that never went through the rewrite is refused', async () => {
    const security = await securityOn(() => first);
    await expect(resolve(security, fakeRequest('{ hello }'), first.schema)).rejects.toMatchObject({ extensions: { code: 'AUTHORIZATION_UNAVAILABLE' } });
  });

  it('an operation prepared on one supergraph is refused on another; on its own it runs', async () => {
    const security = await securityOn(() => first);
    const request = fakeRequest('{ hello }');
    await security.preHandler(request, reply);
    await expect(resolve(security, request, first.schema)).resolves.toBeUndefined();
    await expect(resolve(security, request, second.schema)).rejects.toMatchObject({ extensions: { code: 'AUTHORIZATION_UNAVAILABLE', http: { status: 503 } } });
  });
});
