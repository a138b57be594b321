import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { purposeProblem, type Purpose } from './purpose.ts';

const STORAGE_KEY = 'onewindow.console.purpose';

interface PurposeState {
  /** The purpose of the current lookups; null until the user states one. */
  purpose: Purpose | null;
  setPurpose(purpose: Purpose | null): void;
}

const PurposeContext = createContext<PurposeState>({ purpose: null, setPurpose: () => undefined });

function stored(): Purpose | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Purpose | null;
    return value && (value.kind === 'CASE' || value.kind === 'REASON') && !purposeProblem(value) ? value : null;
  } catch {
    return null;
  }
}

/** Holds the stated purpose for this browser tab (sessionStorage: gone when the tab closes). */
export function PurposeProvider({ children }: { children: ReactNode }) {
  const [purpose, setState] = useState<Purpose | null>(stored);
  const setPurpose = useCallback((next: Purpose | null) => {
    setState(next);
    if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else sessionStorage.removeItem(STORAGE_KEY);
  }, []);
  const value = useMemo(() => ({ purpose, setPurpose }), [purpose, setPurpose]);
  return <PurposeContext.Provider value={value}>{children}</PurposeContext.Provider>;
}

export function usePurpose(): PurposeState {
  return useContext(PurposeContext);
}
