import {
  Kind,
  isAbstractType,
  parse,
  type ConstDirectiveNode,
  type ConstValueNode,
  type DefinitionNode,
  type GraphQLSchema,
} from 'graphql';

/** `@listSize` as composed into the supergraph (IBM cost directive spec, Federation's cost/v0.1). */
export interface ListSize {
  assumedSize?: number;
  slicingArguments?: readonly string[];
  sizedFields?: readonly string[];
  requireOneSlicingArgument: boolean;
}

const COST_SPEC = /^https:\/\/specs\.apollo\.dev\/cost\/v\d+\.\d+$/;

/**
 * The `@cost` and `@listSize` applications of one supergraph, by schema
 * coordinate (`Type`, `Type.field`, `Type.field(arg:)`, `Input.field`). The
 * directives are read from the supergraph SDL because the API schema Apollo
 * Server validates against no longer carries them. Their names come from the
 * supergraph's `@link` to the cost spec (`@cost` is the spec's own name, so
 * `as:` renames it; `@listSize` is imported, perhaps under another name).
 *
 * On an abstract type's field with no directive of its own, the largest
 * weight and size among the implementations' fields apply: an estimate must
 * not get cheaper by asking through the interface.
 */
export class CostModel {
  private static built = 0;
  /** Distinguishes models (caches key estimates by it without holding the model, and its schema, alive). */
  readonly version = ++CostModel.built;
  private readonly weights = new Map<string, number>();
  private readonly listSizes = new Map<string, ListSize>();
  private readonly inherited = new Map<string, { weight?: number; listSize?: ListSize }>();

  private constructor(readonly schema: GraphQLSchema) {}

  /** Reads the directives of a supergraph whose API schema is `schema`. Throws only if the SDL does not parse. */
  static fromSupergraph(supergraphSdl: string, schema: GraphQLSchema): CostModel {
    const model = new CostModel(schema);
    const document = parse(supergraphSdl, { noLocation: true });
    const names = costDirectiveNames(document.definitions);
    if (!names) return model;
    for (const definition of document.definitions) model.read(definition, names);
    return model;
  }

  /** `@cost(weight:)` on a field, else on the type it returns; undefined: the default (objects 1, scalars and enums 0). */
  fieldWeight(typeName: string, fieldName: string, returnTypeName: string): number | undefined {
    return this.fieldDirectives(typeName, fieldName).weight ?? this.weights.get(returnTypeName);
  }

  listSize(typeName: string, fieldName: string): ListSize | undefined {
    return this.fieldDirectives(typeName, fieldName).listSize;
  }

  /** `@cost` on an argument (`Type.field(arg:)`) or an input field (`Input.field`); for an input object, on its type. */
  inputWeight(coordinate: string, typeName: string): number | undefined {
    return this.weights.get(coordinate) ?? this.weights.get(typeName);
  }

  private fieldDirectives(typeName: string, fieldName: string): { weight?: number; listSize?: ListSize } {
    const coordinate = `${typeName}.${fieldName}`;
    const weight = this.weights.get(coordinate);
    const listSize = this.listSizes.get(coordinate);
    if (weight !== undefined || listSize !== undefined) return { weight, listSize };
    const type = this.schema.getType(typeName);
    if (!type || !isAbstractType(type)) return {};
    let found = this.inherited.get(coordinate);
    if (!found) {
      found = {};
      for (const implementation of this.schema.getPossibleTypes(type)) {
        const w = this.weights.get(`${implementation.name}.${fieldName}`);
        const l = this.listSizes.get(`${implementation.name}.${fieldName}`);
        if (w !== undefined && (found.weight === undefined || w > found.weight)) found.weight = w;
        if (l !== undefined && (found.listSize === undefined || (l.assumedSize ?? 0) > (found.listSize.assumedSize ?? 0))) found.listSize = l;
      }
      this.inherited.set(coordinate, found);
    }
    return found;
  }

  private read(definition: DefinitionNode, names: { cost: string; listSize: string }): void {
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION: {
        const type = definition.name.value;
        this.readWeight(type, definition.directives, names.cost);
        for (const field of definition.fields ?? []) {
          const coordinate = `${type}.${field.name.value}`;
          this.readWeight(coordinate, field.directives, names.cost);
          const listSize = field.directives?.find((d) => d.name.value === names.listSize);
          if (listSize) this.listSizes.set(coordinate, listSizeOf(listSize));
          for (const argument of field.arguments ?? []) {
            this.readWeight(`${coordinate}(${argument.name.value}:)`, argument.directives, names.cost);
          }
        }
        return;
      }
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      case Kind.INPUT_OBJECT_TYPE_EXTENSION: {
        const type = definition.name.value;
        this.readWeight(type, definition.directives, names.cost);
        for (const field of definition.fields ?? []) this.readWeight(`${type}.${field.name.value}`, field.directives, names.cost);
        return;
      }
      case Kind.SCALAR_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_DEFINITION:
        this.readWeight(definition.name.value, definition.directives, names.cost);
        return;
      default:
        return;
    }
  }

  private readWeight(coordinate: string, directives: readonly ConstDirectiveNode[] | undefined, name: string): void {
    const cost = directives?.find((d) => d.name.value === name);
    if (!cost) return;
    const weight = argument(cost, 'weight');
    // cost/v0.1 declares weight as Int!; an older draft used a String.
    const value = weight?.kind === Kind.INT ? Number(weight.value) : weight?.kind === Kind.STRING ? Number(weight.value) : NaN;
    if (Number.isFinite(value)) this.weights.set(coordinate, value);
  }
}

/** The names `@cost` and `@listSize` have in this supergraph, or undefined when it does not link the cost spec. */
function costDirectiveNames(definitions: readonly DefinitionNode[]): { cost: string; listSize: string } | undefined {
  for (const definition of definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      if (link.name.value !== 'link') continue;
      const url = argument(link, 'url');
      if (url?.kind !== Kind.STRING || !COST_SPEC.test(url.value)) continue;
      const as = argument(link, 'as');
      const spec = as?.kind === Kind.STRING ? as.value.replace(/^@/, '') : 'cost';
      let listSize = `${spec}__listSize`;
      const imports = argument(link, 'import');
      for (const item of imports?.kind === Kind.LIST ? imports.values : []) {
        if (item.kind === Kind.STRING && item.value === '@listSize') listSize = 'listSize';
        if (item.kind === Kind.OBJECT) {
          const name = item.fields.find((f) => f.name.value === 'name')?.value;
          const renamed = item.fields.find((f) => f.name.value === 'as')?.value;
          if (name?.kind === Kind.STRING && name.value === '@listSize') {
            listSize = renamed?.kind === Kind.STRING ? renamed.value.replace(/^@/, '') : 'listSize';
          }
        }
      }
      return { cost: spec, listSize };
    }
  }
  return undefined;
}

function listSizeOf(directive: ConstDirectiveNode): ListSize {
  const assumed = argument(directive, 'assumedSize');
  const slicing = argument(directive, 'slicingArguments');
  const sized = argument(directive, 'sizedFields');
  const requireOne = argument(directive, 'requireOneSlicingArgument');
  const strings = (value: ConstValueNode | undefined) =>
    value?.kind === Kind.LIST ? value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : undefined;
  const slicingArguments = strings(slicing);
  const sizedFields = strings(sized);
  return {
    ...(assumed?.kind === Kind.INT ? { assumedSize: Number(assumed.value) } : {}),
    ...(slicingArguments ? { slicingArguments } : {}),
    ...(sizedFields ? { sizedFields } : {}),
    requireOneSlicingArgument: requireOne?.kind === Kind.BOOLEAN ? requireOne.value : true,
  };
}

function argument(directive: ConstDirectiveNode, name: string): ConstValueNode | undefined {
  return directive.arguments?.find((a) => a.name.value === name)?.value;
}
