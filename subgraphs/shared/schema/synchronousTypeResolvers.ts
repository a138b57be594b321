import { type GraphQLSchema, type GraphQLTypeResolver, isInterfaceType, isUnionType } from 'graphql';
import { getMetadataStorage, type TypeResolver } from 'type-graphql';

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

/**
 * The type resolver of every interface and union of a type-graphql schema,
 * answering synchronously when the declared `resolveType` does.
 *
 * type-graphql wraps each `resolveType` in an async function, so even
 * `(value) => value.__typename` answers with a promise. graphql-js waits for
 * it; graphql-jit (mercurius `jit`) does not, and would fail to resolve the
 * type. This is type-graphql's own wrapper (a name is kept, a class becomes
 * the name of that possible type, nothing becomes undefined) without the
 * forced promise. Fails the build for an abstract type whose `resolveType`
 * cannot be told apart (none, or two declarations of one name).
 */
export function synchronousTypeResolvers(schema: GraphQLSchema): Map<string, GraphQLTypeResolver<unknown, unknown>> {
  const storage = getMetadataStorage();
  const declared = [...storage.interfaceTypes, ...storage.unions];
  const resolvers = new Map<string, GraphQLTypeResolver<unknown, unknown>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isInterfaceType(type) && !isUnionType(type)) continue;
    const candidates = [...new Set(declared.filter((d) => d.name === type.name).map((d) => d.resolveType))];
    const resolveType = candidates.length === 1 ? candidates[0] : undefined;
    if (!resolveType) throw new Error(`abstract type ${type.name} needs exactly one resolveType (found ${candidates.length}): types are resolved synchronously`);
    const possible = schema.getPossibleTypes(type).map((t) => t.name);
    const nameOf = (resolved: Awaited<ReturnType<TypeResolver<unknown, unknown>>>): string | undefined => {
      if (!resolved || typeof resolved === 'string') return resolved ?? undefined;
      const name = storage.objectTypes.find((o) => o.target === resolved)?.name;
      return name !== undefined && possible.includes(name) ? name : undefined;
    };
    resolvers.set(type.name, (...args) => {
      const resolved = resolveType(...args);
      return isPromiseLike(resolved) ? Promise.resolve(resolved).then(nameOf) : nameOf(resolved);
    });
  }
  return resolvers;
}
