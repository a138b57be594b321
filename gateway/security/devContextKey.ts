/**
 * DEVELOPMENT ONLY. The private half of the gateway's signing key for the
 * user context it forwards to subgraphs (`x-onewindow-context`); the public
 * half is subgraphs/shared/security/devContextPublicKey.ts. It is in the
 * repository, so anyone can sign with it: production refuses to start
 * without `GATEWAY_CONTEXT_PRIVATE_KEY`, and refuses this key there.
 */
export const DEV_CONTEXT_PRIVATE_JWK = {
  crv: 'Ed25519',
  d: '71SF86V7lat9jYrITIt39O5BUtv0_RO9E-jC1szJd7o',
  x: 'VjVXg5l2HlNmU3GYttyOCRjFe89gaSoKnhYwV8euwYc',
  kty: 'OKP',
} as const;
