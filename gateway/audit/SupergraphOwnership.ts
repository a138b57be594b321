import { Kind, parse, type ConstDirectiveNode, type ConstValueNode } from 'graphql';
import { agencyOf } from '../supergraph/agencyOf.ts';

/** Authorization directives that make a field sensitive: served only with a scope or a policy. */
const SENSITIVE_SPECS = ['requiresScopes', 'policy'] as const;

/**
 * Who serves which field, read from a supergraph's join directives, and which
 * fields are sensitive (marked `@requiresScopes` or `@policy`). The API schema
 * Apollo Server validates against has no join directives; the audit needs
 * them to say which agencies' data an answer carried.
 */
export class SupergraphOwnership {
  private constructor(
    private readonly fieldOwners: ReadonlyMap<string, readonly string[]>,
    private readonly typeOwners: ReadonlyMap<string, readonly string[]>,
    private readonly sensitive: ReadonlySet<string>,
  ) {}

  /** Knows nothing: every field is unowned (a schema that is not a supergraph). */
  static readonly EMPTY = new SupergraphOwnership(new Map(), new Map(), new Set());

  /** Reads a supergraph (join spec v0.2 to v0.5, directives renamed by `@link(as:)` or `import:` honoured). */
  static fromSupergraph(sdl: string): SupergraphOwnership {
    const document = parse(sdl, { noLocation: true });
    const names = linkedNames(document.definitions.flatMap((d) => (d.kind === Kind.SCHEMA_DEFINITION || d.kind === Kind.SCHEMA_EXTENSION ? (d.directives ?? []) : [])));
    const joinGraph = `${names.join}__graph`;
    const joinType = `${names.join}__type`;
    const joinField = `${names.join}__field`;

    // join__Graph enum value → subgraph name → agency.
    const agencyByGraph = new Map<string, string>();
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== `${names.join}__Graph`) continue;
      for (const value of definition.values ?? []) {
        const directive = value.directives?.find((d) => d.name.value === joinGraph);
        const name = directive && stringArgument(directive, 'name');
        agencyByGraph.set(value.name.value, agencyOf(name ?? value.name.value));
      }
    }
    const agencyOfGraph = (directive: ConstDirectiveNode): string | undefined => {
      const graph = directive.arguments?.find((a) => a.name.value === 'graph')?.value;
      return graph?.kind === Kind.ENUM ? (agencyByGraph.get(graph.value) ?? graph.value) : undefined;
    };

    const fieldOwners = new Map<string, string[]>();
    const typeOwners = new Map<string, string[]>();
    const sensitive = new Set<string>();
    for (const definition of document.definitions) {
      if (
        definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
        definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
        definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
        definition.kind !== Kind.INTERFACE_TYPE_EXTENSION
      ) {
        continue;
      }
      const typeName = definition.name.value;
      const owners = typeOwners.get(typeName) ?? [];
      for (const directive of definition.directives ?? []) {
        if (directive.name.value !== joinType) continue;
        const agency = agencyOfGraph(directive);
        if (agency !== undefined && !owners.includes(agency)) owners.push(agency);
      }
      typeOwners.set(typeName, owners.sort());
      for (const field of definition.fields ?? []) {
        const coordinate = `${typeName}.${field.name.value}`;
        const resolvedBy: string[] = [];
        for (const directive of field.directives ?? []) {
          const name = directive.name.value;
          if (name === joinField) {
            // An external field is only declared there; an overridden one has moved away.
            if (booleanArgument(directive, 'external') || booleanArgument(directive, 'usedOverridden')) continue;
            const agency = agencyOfGraph(directive);
            if (agency !== undefined && !resolvedBy.includes(agency)) resolvedBy.push(agency);
          } else if (names.sensitive.has(name)) {
            sensitive.add(coordinate);
          }
        }
        if (resolvedBy.length > 0) fieldOwners.set(coordinate, resolvedBy.sort());
      }
    }
    return new SupergraphOwnership(fieldOwners, typeOwners, sensitive);
  }

  /**
   * The agencies that can serve a field: those its `@join__field(graph:)`
   * names, else those of its type's `@join__type` (key fields and value types
   * shared by every subgraph: several, and the caller decides by context).
   */
  ownersOf(typeName: string, fieldName: string): readonly string[] {
    return this.fieldOwners.get(`${typeName}.${fieldName}`) ?? this.typeOwners.get(typeName) ?? [];
  }

  /** Whether a field is marked `@requiresScopes` or `@policy` in the supergraph. */
  isSensitive(coordinate: string): boolean {
    return this.sensitive.has(coordinate);
  }
}

/** The local names of the join spec's prefix and of the sensitive directives, from the schema's `@link`s. */
function linkedNames(directives: readonly ConstDirectiveNode[]): { join: string; sensitive: Set<string> } {
  let join = 'join';
  const sensitive = new Set<string>(SENSITIVE_SPECS);
  for (const directive of directives) {
    if (directive.name.value !== 'link' && directive.name.value !== 'core') continue;
    const url = stringArgument(directive, directive.name.value === 'link' ? 'url' : 'feature');
    const spec = url?.match(/\/([A-Za-z_][A-Za-z0-9_]*)\/v\d+\.\d+\/?$/)?.[1];
    if (!spec) continue;
    const as = stringArgument(directive, 'as');
    if (spec === 'join') {
      if (as) join = as;
    } else if ((SENSITIVE_SPECS as readonly string[]).includes(spec)) {
      sensitive.delete(spec);
      let local = as ?? spec;
      const imports = directive.arguments?.find((a) => a.name.value === 'import')?.value;
      for (const item of imports?.kind === Kind.LIST ? imports.values : []) {
        if (item.kind !== Kind.OBJECT) continue;
        const field = (name: string) => item.fields.find((f) => f.name.value === name)?.value;
        const imported = stringValue(field('name'));
        const renamed = stringValue(field('as'));
        if (imported === `@${spec}` && renamed) local = renamed.replace(/^@/, '');
      }
      sensitive.add(local);
    }
  }
  return { join, sensitive };
}

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  return stringValue(directive.arguments?.find((a) => a.name.value === name)?.value);
}

function stringValue(value: ConstValueNode | undefined): string | undefined {
  return value?.kind === Kind.STRING ? value.value : undefined;
}

function booleanArgument(directive: ConstDirectiveNode, name: string): boolean {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.BOOLEAN && value.value;
}
