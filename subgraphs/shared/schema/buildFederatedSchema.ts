import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import {
  type DefinitionNode,
  type DocumentNode,
  type GraphQLSchema,
  Kind,
  isEnumType,
  isObjectType,
  isScalarType,
  parse,
  print,
} from 'graphql';
import { buildSchema, createResolversMap } from 'type-graphql';
import { FEDERATION_LINK, SHARED_SDL } from '../../../schema/sharedSdl.ts';
import { synchronousTypeResolvers } from './synchronousTypeResolvers.ts';

/** Resolvers by type name, then field name (`__resolveReference` included). */
export type ResolverMap = Record<string, Record<string, unknown>>;

export interface FederatedSchemaOptions {
  /** type-graphql resolver classes of the subgraph. */
  resolvers: [Function, ...Function[]];
  /** Types not reachable from a resolver (e.g. another agency's key-only stubs). */
  orphanedTypes?: Function[];
  /** `__resolveReference` (and other) resolvers keyed by type name. */
  referenceResolvers?: ResolverMap;
}

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph's SDL, the input of composition (`_service { sdl }` serves the same schema). */
  sdl: string;
}

const SHARED_DOCUMENT = parse(SHARED_SDL);
const SHARED_NAMES = new Set(
  SHARED_DOCUMENT.definitions.flatMap((d) => ('name' in d && d.name ? [d.name.value] : [])),
);

function definitionName(d: DefinitionNode): string | undefined {
  return 'name' in d && d.name ? d.name.value : undefined;
}

/**
 * Fails the build when a shared type written in TypeScript no longer matches
 * schema/shared.graphql: the SDL is the contract, the classes serve it.
 */
function assertMatchesSharedSdl(schema: GraphQLSchema): void {
  for (const def of SHARED_DOCUMENT.definitions) {
    const name = definitionName(def);
    if (!name) continue;
    const type = schema.getType(name);
    if (!type) continue; // a subgraph that never mentions a shared type still gets its SDL
    if (def.kind === Kind.ENUM_TYPE_DEFINITION && isEnumType(type)) {
      const want = (def.values ?? []).map((v) => v.name.value).join(',');
      const have = type.getValues().map((v) => v.name).join(',');
      if (want !== have) throw new Error(`enum ${name} differs from schema/shared.graphql: [${have}] vs [${want}]`);
    } else if (def.kind === Kind.OBJECT_TYPE_DEFINITION && isObjectType(type)) {
      const want = (def.fields ?? []).map((f) => `${f.name.value}:${print(f.type)}`).join(',');
      const have = Object.values(type.getFields()).map((f) => `${f.name}:${String(f.type)}`).join(',');
      if (want !== have) throw new Error(`type ${name} differs from schema/shared.graphql: ${have} vs ${want}`);
    } else if (def.kind === Kind.SCALAR_TYPE_DEFINITION && !isScalarType(type)) {
      throw new Error(`${name} must be a scalar, as in schema/shared.graphql`);
    }
  }
}

/**
 * The one way a subgraph is built (type-graphql `examples/apollo-federation-2`):
 * build the type-graphql schema, print it with its directives, replace the
 * shared types by schema/shared.graphql verbatim, link Federation 2, and let
 * @apollo/subgraph add `_service` and `_entities`.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<FederatedSchema> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: options.resolvers,
    ...(options.orphanedTypes ? { orphanedTypes: options.orphanedTypes } : {}),
    validate: false,
    skipCheck: true,
  });
  assertMatchesSharedSdl(typeGraphqlSchema);

  const printed = parse(printSchemaWithDirectives(typeGraphqlSchema));
  const own: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: printed.definitions.filter((d) => {
      const name = definitionName(d);
      return !(name && SHARED_NAMES.has(name)) && d.kind !== Kind.SCHEMA_DEFINITION;
    }),
  };
  // Kept as text so the shared SDL stays verbatim in the emitted file.
  const sdl = `${FEDERATION_LINK}\n${SHARED_SDL}\n${print(own)}\n`;
  const typeDefs = parse(sdl);

  // Only behaviour is taken from type-graphql's map for the shared scalars:
  // copying whole scalar objects would overwrite the SDL's descriptions.
  const resolvers = createResolversMap(typeGraphqlSchema) as ResolverMap;
  // Interfaces and unions answer their type without a promise when they can (graphql-jit needs it).
  for (const [name, resolveType] of synchronousTypeResolvers(typeGraphqlSchema)) {
    resolvers[name] = { ...resolvers[name], __resolveType: resolveType };
  }
  for (const name of ['DateTime', 'Date']) {
    const scalar = typeGraphqlSchema.getType(name);
    if (scalar && isScalarType(scalar)) {
      resolvers[name] = {
        __serialize: scalar.serialize,
        __parseValue: scalar.parseValue,
        __parseLiteral: scalar.parseLiteral,
      } as never;
    }
  }
  const schema = buildSubgraphSchema({
    typeDefs,
    resolvers: mergeResolverMaps(resolvers, options.referenceResolvers ?? {}),
  } as Parameters<typeof buildSubgraphSchema>[0]);
  return { schema, sdl };
}

function mergeResolverMaps(a: ResolverMap, b: ResolverMap): ResolverMap {
  const out: ResolverMap = { ...a };
  for (const [typeName, fields] of Object.entries(b)) {
    out[typeName] = { ...(a[typeName] as object | undefined), ...(fields as object) } as never;
  }
  return out;
}
