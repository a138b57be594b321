import { Kind, parse, print, visit, type ConstDirectiveNode, type DirectiveDefinitionNode, type DocumentNode } from 'graphql';

const COST_NAMES = new Set(['cost', 'listSize']);

/**
 * A supergraph with exactly the given `@cost` / `@listSize` applications
 * (by `Type.field`), as composition would write them had the subgraphs
 * declared them: the cost spec linked, its directives defined. Any the
 * supergraph already has are removed first. For tests, and for computing
 * what a directive list changes before the subgraphs adopt it.
 */
export function withCostDirectives(supergraphSdl: string, applied: Record<string, string>): string {
  const document = visit(parse(supergraphSdl), {
    Directive(node) {
      if (COST_NAMES.has(node.name.value)) return null;
      const url = node.name.value === 'link' ? node.arguments?.find((a) => a.name.value === 'url')?.value : undefined;
      if (url?.kind === Kind.STRING && url.value.startsWith('https://specs.apollo.dev/cost/')) return null;
      return undefined;
    },
    DirectiveDefinition(node) {
      return COST_NAMES.has(node.name.value) ? null : undefined;
    },
  });
  const directivesFor = (coordinate: string): ConstDirectiveNode[] => {
    const text = applied[coordinate];
    if (!text) return [];
    const probe = parse(`type P { f: Int ${text} }`);
    const definition = probe.definitions[0];
    if (definition?.kind !== Kind.OBJECT_TYPE_DEFINITION) return [];
    return [...(definition.fields?.[0]?.directives ?? [])];
  };
  const definitions = parse(`
    directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR
    directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
  `).definitions as DirectiveDefinitionNode[];
  const link = parse(`extend schema @link(url: "https://specs.apollo.dev/cost/v0.1", import: ["@listSize"])`).definitions[0];
  const linkDirective = link?.kind === Kind.SCHEMA_EXTENSION ? link.directives![0]! : undefined;

  const rewritten: DocumentNode = visit(document, {
    SchemaDefinition(node) {
      return { ...node, directives: [...(node.directives ?? []), linkDirective!] };
    },
    ObjectTypeDefinition(node) {
      return { ...node, fields: node.fields?.map((f) => ({ ...f, directives: [...(f.directives ?? []), ...directivesFor(`${node.name.value}.${f.name.value}`)] })) };
    },
    InterfaceTypeDefinition(node) {
      return { ...node, fields: node.fields?.map((f) => ({ ...f, directives: [...(f.directives ?? []), ...directivesFor(`${node.name.value}.${f.name.value}`)] })) };
    },
  });
  return print({ ...rewritten, definitions: [...definitions, ...rewritten.definitions] });
}

/** The directives this project's subgraphs should declare (gateway/README.md "Limits"). */
export const RECOMMENDED_COST_DIRECTIVES: Record<string, string> = {
  'Query.searchPersons': '@cost(weight: 10) @listSize(slicingArguments: ["first"], sizedFields: ["nodes"], assumedSize: 20, requireOneSlicingArgument: false)',
  'Query.disputes': '@listSize(slicingArguments: ["first"], sizedFields: ["nodes"], assumedSize: 20, requireOneSlicingArgument: false)',
  'Query.petitions': '@listSize(slicingArguments: ["first"], sizedFields: ["nodes"], assumedSize: 20, requireOneSlicingArgument: false)',
  'Query.policeIncidents': '@listSize(slicingArguments: ["first"], sizedFields: ["nodes"], assumedSize: 20, requireOneSlicingArgument: false)',
  'Query.courtCases': '@listSize(slicingArguments: ["first"], sizedFields: ["nodes"], assumedSize: 20, requireOneSlicingArgument: false)',
  'Query.legalAidCases': '@listSize(slicingArguments: ["first"], sizedFields: ["nodes"], assumedSize: 20, requireOneSlicingArgument: false)',
  'Query.riskAlerts': '@cost(weight: 20) @listSize(slicingArguments: ["first"], sizedFields: ["nodes"], assumedSize: 20, requireOneSlicingArgument: false)',
  'Query.centerStats': '@cost(weight: 50)',
  'Person.timeline': '@cost(weight: 5) @listSize(slicingArguments: ["first"], sizedFields: ["nodes"], assumedSize: 20, requireOneSlicingArgument: false)',
  'Person.disputes': '@listSize(assumedSize: 20)',
  'Person.petitions': '@listSize(assumedSize: 20)',
  'Person.policeIncidents': '@listSize(assumedSize: 20)',
  'Person.courtCases': '@listSize(assumedSize: 20)',
  'Person.legalAidCases': '@listSize(assumedSize: 20)',
  'Person.petitionAccusations': '@listSize(assumedSize: 20)',
  'Person.policeIncidentsAsSuspect': '@listSize(assumedSize: 20)',
  'Household.members': '@listSize(assumedSize: 8)',
  'Matter.related': '@listSize(assumedSize: 5)',
  'Dispute.related': '@listSize(assumedSize: 5)',
  'Petition.related': '@listSize(assumedSize: 5)',
  'PoliceIncident.related': '@listSize(assumedSize: 5)',
  'CourtCase.related': '@listSize(assumedSize: 5)',
  'LegalAidCase.related': '@listSize(assumedSize: 5)',
  'RiskAlert.matters': '@listSize(assumedSize: 5)',
  'Dispute.parties': '@listSize(assumedSize: 5)',
  'PoliceIncident.parties': '@listSize(assumedSize: 5)',
  'PoliceIncident.suspects': '@listSize(assumedSize: 5)',
  'CourtCase.parties': '@listSize(assumedSize: 5)',
  'LegalAidCase.parties': '@listSize(assumedSize: 5)',
  'Petition.petitioners': '@listSize(assumedSize: 5)',
  'Petition.accusers': '@listSize(assumedSize: 5)',
  'Petition.respondents': '@listSize(assumedSize: 5)',
  'CourtCase.hearings': '@listSize(assumedSize: 5)',
  'CourtCase.enforcedBy': '@listSize(assumedSize: 3)',
  'CourtCase.limitExtensions': '@listSize(assumedSize: 3)',
  'LegalAidCase.links': '@listSize(assumedSize: 5)',
  'CenterStats.byTier': '@listSize(assumedSize: 3)',
  'CenterStats.byCategory': '@listSize(assumedSize: 11)',
};
