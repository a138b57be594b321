/**
 * The public half of the gateway's DEVELOPMENT signing key (the private half
 * is in gateway/security/devContextKey.ts). Used only outside production:
 * production refuses to start without ONEWINDOW_CONTEXT_PUBLIC_KEY.
 */
export const DEV_CONTEXT_PUBLIC_JWK = { crv: 'Ed25519', x: 'VjVXg5l2HlNmU3GYttyOCRjFe89gaSoKnhYwV8euwYc', kty: 'OKP' } as const;
