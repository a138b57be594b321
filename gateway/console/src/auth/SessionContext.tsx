import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { isExpired, readClaims, type Claims } from './claims.ts';

const STORAGE_KEY = 'onewindow.console.token';

/** Who is signed in. `token` null with `anonymous` true: the gateway runs without authentication (development). */
export interface Session {
  token: string | null;
  claims: Claims | null;
  anonymous: boolean;
}

interface SessionState {
  session: Session | null;
  /** Why the user was signed out, shown on the sign-in page. */
  notice: string | null;
  signIn(token: string): string | undefined;
  enterAnonymously(): void;
  signOut(notice?: string): void;
  hasScope(scope: string): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

function restore(): Session | null {
  const token = sessionStorage.getItem(STORAGE_KEY);
  if (!token) return null;
  const claims = readClaims(token);
  if (!claims || isExpired(claims)) {
    sessionStorage.removeItem(STORAGE_KEY);
    return null;
  }
  return { token, claims, anonymous: false };
}

/**
 * The signed-in user for this browser tab. The token stays in sessionStorage
 * (gone when the tab closes) and is sent only to this gateway's /graphql.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(restore);
  const [notice, setNotice] = useState<string | null>(null);

  const signIn = useCallback((raw: string) => {
    const token = raw.trim().replace(/^Bearer\s+/i, '');
    const claims = readClaims(token);
    if (!claims) return '这不是有效的令牌（JWT）：请粘贴完整的令牌。';
    if (isExpired(claims)) return '令牌已过期，请重新获取。';
    sessionStorage.setItem(STORAGE_KEY, token);
    setNotice(null);
    setSession({ token, claims, anonymous: false });
    return undefined;
  }, []);
  const enterAnonymously = useCallback(() => {
    setNotice(null);
    setSession({ token: null, claims: null, anonymous: true });
  }, []);
  const signOut = useCallback((why?: string) => {
    sessionStorage.removeItem(STORAGE_KEY);
    setNotice(why ?? null);
    setSession(null);
  }, []);
  const hasScope = useCallback((scope: string) => session?.claims?.scopes.includes(scope) ?? false, [session]);

  const value = useMemo(() => ({ session, notice, signIn, enterAnonymously, signOut, hasScope }), [session, notice, signIn, enterAnonymously, signOut, hasScope]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
