import type { JWK } from 'jose';
import { send } from './benchRequest.ts';
import { type ContextClaims, createContextSigner } from './contextSigner.ts';

export interface ContextKeyChoice {
  /** Subgraphs refuse a request without a signed user context. */
  required: boolean;
  /** The key that signs contexts subgraphs accept (the bench's, or the development key); none when neither is accepted. */
  key: JWK | undefined;
  source: 'bench' | 'development' | 'none';
  note: string;
}

/**
 * Which key the subgraphs trust, asked of one directly (they refuse any
 * request without a valid context, whatever it asks): none needed yet; the
 * bench's (they read ONEWINDOW_CONTEXT_PUBLIC_KEY); or only the development
 * key (they ignore that variable outside production, so a production
 * gateway cannot be served).
 */
export async function chooseContextKey(url: string, claims: ContextClaims, benchKey: JWK, devKey: JWK | undefined): Promise<ContextKeyChoice> {
  const accepted = async (key: JWK | undefined) => {
    const headers: Record<string, string> = {};
    if (key) {
      const signer = createContextSigner(key, claims);
      headers[signer.header] = await signer.token();
    }
    const r = await send({ url, body: '{"query":"query BenchProbe { __typename }"}', headers: { 'content-type': 'application/json', ...headers } });
    return { ok: r.status === 200 && r.json?.data != null, status: r.status };
  };
  const unsigned = await accepted(undefined);
  if (unsigned.ok) return { required: false, key: benchKey, source: 'bench', note: 'subgraphs answer without a signed user context (not enforced yet); the ceiling sends one anyway, signed with the bench key, as our gateway does' };
  if ((await accepted(benchKey)).ok) return { required: true, key: benchKey, source: 'bench', note: `subgraphs require the signed user context (HTTP ${unsigned.status} without); stock and the ceiling send one signed with the bench's key` };
  if (devKey && (await accepted(devKey)).ok) {
    return { required: true, key: devKey, source: 'development', note: `subgraphs require the signed user context and trust only the development key (ONEWINDOW_CONTEXT_PUBLIC_KEY ignored outside production), which production refuses` };
  }
  return { required: true, key: undefined, source: 'none', note: `subgraphs refuse every context the bench can sign (HTTP ${unsigned.status} without one)` };
}
