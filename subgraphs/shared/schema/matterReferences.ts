import { Directive, Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import { MATTER_TYPENAMES, type MatterTypename } from '../codes/agency.ts';
import { typenameOfCaseCode } from '../codes/caseCode.ts';

/** A reference to any agency's matter: the owner resolves the rest. */
export interface MatterRef {
  __typename: string;
  caseCode: string;
}

/** The reference for a case code; its type comes from the code's agency part. */
export function matterRef(caseCode: string): MatterRef {
  const typename = typenameOfCaseCode(caseCode);
  if (!typename) throw new Error(`not a case code: ${caseCode}`);
  return { __typename: typename, caseCode };
}

/**
 * The `Matter` interface as an agency subgraph declares it (DESIGN.md
 * "Referring to another agency's matter"): key-only and not resolvable here,
 * plus the other four agencies' types as key-only stubs, so a field such as
 * `CourtCase.origin: Matter` can return `{ __typename, caseCode }` and the
 * owner resolves it. The agency's own type implements the returned
 * interface in full. Call once per process (type-graphql keeps global
 * metadata), from the agency's `matter.type.ts`.
 */
export function createMatterReferenceTypes(own: MatterTypename) {
  @InterfaceType('Matter', {
    description: '任一机构的事项。案件编码（一案一码）标明所属机构。',
    resolveType: (value: MatterRef) => value.__typename,
  })
  @Directive('@key(fields: "caseCode", resolvable: false)')
  abstract class Matter {
    @Field(() => ID, { description: '案件编码，如 420923-XF-2025-000123' })
    caseCode!: string;
  }

  const stubs = Object.values(MATTER_TYPENAMES)
    .filter((name) => name !== own)
    .map((name) => {
      @ObjectType(name, { implements: Matter })
      @Directive('@key(fields: "caseCode", resolvable: false)')
      class Stub extends Matter {}
      return Stub;
    });

  return { Matter, stubs };
}
