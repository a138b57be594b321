import { useEffect, useState } from 'react';

/**
 * Routes live in the URL fragment (#/person/…): the fragment never reaches
 * a server log, and the gateway serves one page. No ID number ever goes
 * into a URL; a person is addressed by their pseudonymous token.
 */
export type Route =
  | { page: 'search' }
  | { page: 'person'; id: string }
  | { page: 'matter'; caseCode: string | null }
  | { page: 'tickets' }
  | { page: 'ticket'; caseCode: string }
  | { page: 'dashboard' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map((p) => decodeURIComponent(p));
  switch (parts[0]) {
    case 'person':
      return parts[1] ? { page: 'person', id: parts[1] } : { page: 'search' };
    case 'matter':
      return { page: 'matter', caseCode: parts[1] || null };
    case 'tickets':
      return parts[1] ? { page: 'ticket', caseCode: parts[1] } : { page: 'tickets' };
    case 'dashboard':
      return { page: 'dashboard' };
    default:
      return { page: 'search' };
  }
}

export const href = {
  search: () => '#/search',
  person: (id: string) => `#/person/${encodeURIComponent(id)}`,
  matter: (caseCode?: string) => (caseCode ? `#/matter/${encodeURIComponent(caseCode)}` : '#/matter'),
  tickets: () => '#/tickets',
  ticket: (caseCode: string) => `#/tickets/${encodeURIComponent(caseCode)}`,
  dashboard: () => '#/dashboard',
};

export function navigate(to: string): void {
  window.location.hash = to;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => {
      setRoute(parseRoute(window.location.hash));
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** A matter's page: tickets of the centre open in the ticket cycle, others on the matter page. */
export function matterHref(caseCode: string): string {
  return href.matter(caseCode);
}
