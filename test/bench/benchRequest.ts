import type { BenchOperation } from './operations.ts';
import { documentHash } from './trustedDocuments.ts';

/** One HTTP request of a load: the same bytes on every send. */
export interface BenchRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/**
 * A GraphQL POST for an operation: the text, or (trusted documents) only its
 * hash as an Apollo persisted query. Every gateway gets the same headers
 * (the production variant needs them; the others ignore them), so request
 * sizes are equal.
 */
export function benchRequest(url: string, op: BenchOperation, document: 'text' | 'hash', headers: Record<string, string>): BenchRequest {
  const named = document === 'text'
    ? { query: op.query }
    : { extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(op.query) } } };
  return {
    url,
    body: JSON.stringify({ ...named, operationName: op.operationName, variables: op.variables }),
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
  };
}

export interface BenchResponse {
  status: number;
  text: string;
  json: { data?: unknown; errors?: { message?: string; path?: unknown[]; extensions?: { code?: string } }[] } | undefined;
}

/** Sends it once (outside any load): recording answers and checking gateways before measuring. */
export async function send(request: BenchRequest, timeoutMs = 30_000): Promise<BenchResponse> {
  const response = await fetch(request.url, { method: 'POST', body: request.body, headers: request.headers, signal: AbortSignal.timeout(timeoutMs) });
  const text = await response.text();
  let json: BenchResponse['json'];
  try {
    json = JSON.parse(text) as BenchResponse['json'];
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}
