import { Supergraph } from '@apollo/federation-internals';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { securityFeaturesOf, withoutSecurityPurpose } from '../../../../gateway/supergraph/securityFeatures.ts';

// The checked-in supergraph links all three authorization specs for SECURITY.
const SUPERGRAPH = readFileSync(new URL('../../../../schema/supergraph.graphql', import.meta.url), 'utf8');
const AUTHENTICATED = 'https://specs.apollo.dev/authenticated/v0.1';
const POLICY = 'https://specs.apollo.dev/policy/v0.1';
const REQUIRES_SCOPES = 'https://specs.apollo.dev/requiresScopes/v0.1';

describe('security features of a supergraph', () => {
  it('lists the features linked for SECURITY', () => {
    expect([...securityFeaturesOf(SUPERGRAPH)].sort()).toEqual([AUTHENTICATED, POLICY, REQUIRES_SCOPES]);
  });

  it('stock validation refuses them; without the purpose of the accepted ones, it loads', () => {
    expect(() => Supergraph.build(SUPERGRAPH, { validateSupergraph: true })).toThrow(/is for: SECURITY but is unsupported/);
    const rewritten = withoutSecurityPurpose(SUPERGRAPH, new Set([AUTHENTICATED, POLICY, REQUIRES_SCOPES]));
    expect(securityFeaturesOf(rewritten)).toEqual([]);
    expect(rewritten).toContain(`@link(url: "${AUTHENTICATED}")`);
    expect(() => Supergraph.build(rewritten, { validateSupergraph: true })).not.toThrow();
  });

  it('leaves features that are not accepted as they are', () => {
    const rewritten = withoutSecurityPurpose(SUPERGRAPH, new Set([POLICY]));
    expect([...securityFeaturesOf(rewritten)].sort()).toEqual([AUTHENTICATED, REQUIRES_SCOPES]);
  });
});
