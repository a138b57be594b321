import { Supergraph } from '@apollo/federation-internals';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { securityFeaturesOf, withoutSecurityPurpose } from '../../../../gateway/supergraph/securityFeatures.ts';

const SUPERGRAPH = readFileSync(new URL('../../../../schema/supergraph.graphql', import.meta.url), 'utf8');
const withLinks = (sdl: string, links: string) => sdl.replace(/^schema\n/m, `schema\n${links}\n`);

describe('security features of a supergraph', () => {
  const sdl = withLinks(
    SUPERGRAPH.replace(/\s*@link\(url: "https:\/\/specs\.apollo\.dev\/requiresScopes\/v0\.1", for: SECURITY\)/, ''),
    '  @link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)',
  ).replace(/^(directive @link)/m, 'directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM\n\n$1');

  it('lists the features linked for SECURITY', () => {
    expect(securityFeaturesOf(sdl)).toEqual(['https://specs.apollo.dev/authenticated/v0.1']);
  });

  it('stock validation refuses them; without the purpose of the accepted ones, it loads', () => {
    expect(() => Supergraph.build(sdl, { validateSupergraph: true })).toThrow(/is for: SECURITY but is unsupported/);
    const rewritten = withoutSecurityPurpose(sdl, new Set(['https://specs.apollo.dev/authenticated/v0.1']));
    expect(securityFeaturesOf(rewritten)).toEqual([]);
    expect(rewritten).toContain('@link(url: "https://specs.apollo.dev/authenticated/v0.1")');
    expect(() => Supergraph.build(rewritten, { validateSupergraph: true })).not.toThrow();
  });

  it('leaves features that are not accepted as they are', () => {
    const rewritten = withoutSecurityPurpose(sdl, new Set(['https://specs.apollo.dev/policy/v0.1']));
    expect(securityFeaturesOf(rewritten)).toEqual(['https://specs.apollo.dev/authenticated/v0.1']);
  });
});
