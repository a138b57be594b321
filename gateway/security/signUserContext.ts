import type { JWK } from 'jose';
import { createContextSigner, type ContextSigner } from './createContextSigner.ts';
import { DEV_CONTEXT_PRIVATE_JWK } from './devContextKey.ts';
import type { AccessPurpose, Principal } from './Principal.ts';

let devSigner: Promise<ContextSigner> | undefined;

/**
 * Signs a user context as the gateway would, for tests (subgraph tests call
 * a subgraph directly with it): the development key unless another is
 * given, a fresh `iat` and a 60 s lifetime unless `now` says otherwise. The
 * request id is not in the context: send it as `x-request-id`.
 */
export async function signUserContext(
  principal: Principal,
  options: { purpose?: AccessPurpose | string | null; privateKey?: string | JWK; now?: Date } = {},
): Promise<string> {
  const signer =
    options.privateKey !== undefined || options.now !== undefined
      ? await createContextSigner(options.privateKey ?? { ...DEV_CONTEXT_PRIVATE_JWK }, options.now ? { now: () => options.now! } : {})
      : await (devSigner ??= createContextSigner({ ...DEV_CONTEXT_PRIVATE_JWK }));
  return signer({ principal, purpose: options.purpose ?? null });
}
