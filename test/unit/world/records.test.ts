import { readFile } from 'node:fs/promises';
import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { labels } from '../../../subgraphs/shared/world/labels.ts';
import { DISPUTE_CATEGORIES, LINK_REASONS, MATTER_STATUSES, PARTY_ROLES } from '../../../subgraphs/shared/world/records.ts';

describe('world record contract', () => {
  it('uses exactly the PartyRole values of the shared schema', async () => {
    const sdl = await readFile(new URL('../../../schema/shared.graphql', import.meta.url), 'utf8');
    const doc = parse(sdl);
    const partyRole = doc.definitions.find(
      (d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'PartyRole',
    );
    expect(partyRole?.values?.map((v) => v.name.value)).toEqual([...PARTY_ROLES]);
  });

  it('has a Chinese label for every code', () => {
    expect(Object.keys(labels.category)).toEqual([...DISPUTE_CATEGORIES]);
    expect(Object.keys(labels.status)).toEqual([...MATTER_STATUSES]);
    expect(Object.keys(labels.linkReason)).toEqual([...LINK_REASONS]);
    expect(Object.keys(labels.partyRole)).toEqual([...PARTY_ROLES]);
  });
});
