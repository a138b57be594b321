import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { measureDocument } from '../../../../gateway/limits/measureDocument.ts';
import { PERSON_VIEW } from '../../../e2e/support/expectedPersonView.ts';

const measure = (text: string) => measureDocument(parse(text));

describe('measureDocument', () => {
  it('measures the person view: depth 5, no aliases, one root field', () => {
    expect(measure(PERSON_VIEW)).toEqual({ depth: 5, aliases: 0, rootFields: 1, directives: 0 });
  });

  it('counts depth through inline fragments and fragment spreads, not introspection', () => {
    expect(measure('{ a { b { c } } }').depth).toBe(3);
    expect(measure('{ a { ... on T { b { ...F } } } } fragment F on U { c { d } }').depth).toBe(4);
    expect(measure('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }').depth).toBe(0);
  });

  it('counts aliases and directives once per fragment spread', () => {
    const text = '{ ...F ...F x: a @skip(if: true) } fragment F on Query { y: b z: c @include(if: true) }';
    expect(measure(text)).toMatchObject({ aliases: 1 + 2 * 2, directives: 1 + 2 * 1 });
  });

  it('counts root fields of the largest operation, fragments expanded', () => {
    expect(measure('query A { a b } query B { a ...F } fragment F on Query { b c d }').rootFields).toBe(4);
  });

  it('is linear even for a doubling fragment chain, and survives a cycle', () => {
    const chain = Array.from({ length: 50 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join('\n');
    // Expanding the chain would take 2^50 steps: the test's timeout is the guard.
    const shape = measure(`{ ...F0 } ${chain} fragment F50 on Query { x: a }`);
    expect(shape.aliases).toBe(2 ** 50);
    expect(measure('{ ...A } fragment A on Query { x: a ...B } fragment B on Query { ...A }').aliases).toBe(1);
  });
});
