/** What the console reads from a user token (the gateway verifies it; this only displays it). */
export interface Claims {
  sub: string;
  name: string;
  agency: string;
  roles: string[];
  scopes: string[];
  jurisdiction: string[];
  /** Seconds since the epoch; undefined when the token has no exp. */
  exp: number | undefined;
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function base64UrlDecode(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

const strings = (value: unknown): string[] => {
  if (typeof value === 'string') return value.split(' ').filter((s) => s !== '');
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
};

/** Reads a JWT's claims (no verification: that is the gateway's job); undefined when it is not a JWT. */
export function readClaims(token: string): Claims | undefined {
  const trimmed = token.trim();
  if (!COMPACT_JWS.test(trimmed)) return undefined;
  try {
    const payload = JSON.parse(base64UrlDecode(trimmed.split('.')[1]!)) as Record<string, unknown>;
    if (typeof payload.sub !== 'string') return undefined;
    return {
      sub: payload.sub,
      name: typeof payload.name === 'string' ? payload.name : payload.sub,
      agency: typeof payload.agency === 'string' ? payload.agency : '',
      roles: strings(payload.roles),
      scopes: [...new Set([...strings(payload.scope), ...strings(payload.scopes)])],
      jurisdiction: strings(payload.jurisdiction),
      exp: typeof payload.exp === 'number' ? payload.exp : undefined,
    };
  } catch {
    return undefined;
  }
}

export function isExpired(claims: Claims, now = Date.now()): boolean {
  return claims.exp !== undefined && claims.exp * 1000 <= now;
}
