/**
 * DEVELOPMENT ONLY. The HS256 secret, issuer and audience of the demo users'
 * tokens (`npm run token -- <user>`). The secret is in the repository, so
 * anyone can mint any token with it: production refuses to start without its
 * own JWT keys, and refuses this secret there.
 */
export const DEV_JWT = {
  secret: 'onewindow-development-only-jwt-secret-do-not-deploy',
  issuer: 'onewindow-dev',
  audience: 'onewindow',
} as const;
