import type { Principal } from './Principal.ts';

/**
 * Who the subgraphs see when authentication is off (development only): an
 * anonymous user whose jurisdiction is the whole province, the demo world's
 * extent. Frozen, like every verified principal, so the context signer keeps
 * its claims text. The bench's stock gateway speaks for the same user.
 */
export const ANONYMOUS_DEVELOPER: Principal = Object.freeze({
  userId: 'anonymous',
  name: '匿名开发用户',
  agency: '',
  roles: [],
  scopes: [],
  jurisdiction: ['420000'],
  expiresAt: 0,
});
