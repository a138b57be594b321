import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers of a signed service call between subgraphs (the feed). */
export const SERVICE_HEADERS = {
  caller: 'x-onewindow-service',
  timestamp: 'x-onewindow-timestamp',
  signature: 'x-onewindow-signature',
} as const;

/** How far a signed call's timestamp may be from now (replay window). */
export const SERVICE_SIGNATURE_MAX_AGE_MS = 5 * 60 * 1000;

function mac(secret: string, caller: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${caller}\n${timestamp}\n${body}`).digest('hex');
}

/** Signs a service call body: HMAC-SHA256 over caller, time and body. */
export function signServiceCall(secret: string, caller: string, body: string, now: Date): Record<string, string> {
  const timestamp = String(now.getTime());
  return {
    [SERVICE_HEADERS.caller]: caller,
    [SERVICE_HEADERS.timestamp]: timestamp,
    [SERVICE_HEADERS.signature]: mac(secret, caller, timestamp, body),
  };
}

/** Checks a signed service call; returns the caller or why it is refused. */
export function verifyServiceCall(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  now: Date,
): { ok: true; caller: string } | { ok: false; reason: string } {
  const caller = headers[SERVICE_HEADERS.caller];
  const timestamp = headers[SERVICE_HEADERS.timestamp];
  const signature = headers[SERVICE_HEADERS.signature];
  if (typeof caller !== 'string' || typeof timestamp !== 'string' || typeof signature !== 'string') {
    return { ok: false, reason: 'missing service signature headers' };
  }
  const at = Number(timestamp);
  if (!Number.isFinite(at) || Math.abs(now.getTime() - at) > SERVICE_SIGNATURE_MAX_AGE_MS) {
    return { ok: false, reason: 'service signature is stale or its timestamp is invalid' };
  }
  const expected = Buffer.from(mac(secret, caller, timestamp, body), 'hex');
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'service signature does not match' };
  }
  return { ok: true, caller };
}
