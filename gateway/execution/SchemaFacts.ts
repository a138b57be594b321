import {
  isCompositeType,
  isCustomScalarType,
  isEnumType,
  isObjectType,
  isSubtype,
  type NamedType,
  type Schema,
} from '@apollo/federation-internals';
import { isAbstractType, isInterfaceType, isObjectType as isGraphQLObjectType, type GraphQLSchema } from 'graphql';

/** A named type of the API schema as the response shaper sees it. */
export interface TypeFacts {
  readonly name: string;
  readonly isObject: boolean;
  readonly isComposite: boolean;
}

const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

/**
 * What execution asks of one supergraph's schemas, answered once and
 * remembered: type lookups, type-condition tests and leaf-value checks.
 * Every answer is the one @apollo/gateway computes per value (its
 * `resultShaping.ts` on the API schema, its `dataRewrites.ts`
 * `isObjectOfType` on the supergraph schema), so results agree exactly.
 * Only names the schema knows are remembered: memory is bounded by the
 * schema, whatever subgraphs send.
 */
export class SchemaFacts {
  private readonly types = new Map<string, TypeFacts>();
  private readonly conditions = new Map<string, Map<string, boolean>>();
  private readonly objectOfType = new Map<string, Map<string, boolean>>();
  private readonly leafChecks = new Map<string, (value: unknown) => boolean>();

  /**
   * @param api the API schema (@apollo/federation-internals), which shapes responses
   * @param supergraph the supergraph schema (graphql-js), which selects fetch inputs
   */
  constructor(
    readonly api: Schema,
    private readonly supergraph: GraphQLSchema,
  ) {}

  /** The API schema's type of that name (`schema.type(name)`). */
  type(name: string): TypeFacts | undefined {
    const known = this.types.get(name);
    if (known) return known;
    const type = this.api.type(name);
    if (!type) return undefined;
    const facts = factsOf(type);
    this.types.set(name, facts);
    return facts;
  }

  /** `isSubtype(condition, type)` in the API schema: does a fragment on `condition` apply to an object of type `typeName`? */
  conditionApplies(condition: string, typeName: string): boolean {
    let byType = this.conditions.get(condition);
    if (!byType) {
      byType = new Map();
      this.conditions.set(condition, byType);
    }
    const known = byType.get(typeName);
    if (known !== undefined) return known;
    const conditionType = this.api.type(condition);
    const type = this.api.type(typeName);
    if (!conditionType || !type) return false;
    const applies = isSubtype(conditionType, type);
    byType.set(typeName, applies);
    return applies;
  }

  /**
   * @apollo/gateway's `isObjectOfType` on the supergraph schema: whether an
   * object (by its `__typename`) is of, or implements, `typeCondition`.
   */
  isObjectOfType(object: Record<string, unknown>, typeCondition: string, defaultOnUnknownObjectType = false): boolean {
    const typename = object['__typename'];
    if (!typename) return defaultOnUnknownObjectType;
    if (typeCondition === typename) return true;
    if (typeof typename !== 'string') return this.computeObjectOfType(String(typename), typeCondition);
    let byType = this.objectOfType.get(typeCondition);
    if (!byType) {
      byType = new Map();
      this.objectOfType.set(typeCondition, byType);
    }
    const known = byType.get(typename);
    if (known !== undefined) return known;
    const result = this.computeObjectOfType(typename, typeCondition);
    if (this.supergraph.getType(typename)) byType.set(typename, result);
    return result;
  }

  private computeObjectOfType(typename: string, typeCondition: string): boolean {
    const type = this.supergraph.getType(typename);
    if (!type) return false;
    const conditionalType = this.supergraph.getType(typeCondition);
    if (!conditionalType) return false;
    if (isAbstractType(conditionalType)) {
      return (isGraphQLObjectType(type) || isInterfaceType(type)) && this.supergraph.isSubType(conditionalType, type);
    }
    return false;
  }

  /** `isValidLeafValue(schema, value, type)` for the API schema's leaf type of that name. */
  leafCheck(typeName: string): (value: unknown) => boolean {
    const known = this.leafChecks.get(typeName);
    if (known) return known;
    const type = this.api.type(typeName);
    if (!type) throw new Error(`Unknown leaf type ${typeName}`);
    const check = leafCheckOf(type, this.api);
    this.leafChecks.set(typeName, check);
    return check;
  }
}

function factsOf(type: NamedType): TypeFacts {
  return { name: type.name, isObject: isObjectType(type), isComposite: isCompositeType(type) };
}

/** @apollo/federation-internals' `isValidLeafValue`, specialised to one type. */
function leafCheckOf(type: NamedType, schema: Schema): (value: unknown) => boolean {
  if (type.kind === 'ScalarType' && isCustomScalarType(type)) return () => true;
  if (isEnumType(type)) {
    const values = new Set(type.values.map((v) => v.name));
    return (value) => typeof value === 'string' && values.has(value);
  }
  if (type === schema.booleanType()) return (value) => typeof value === 'boolean';
  if (type === schema.intType()) return (value) => typeof value === 'number' && isFinite(value) && INTEGER.test(String(value));
  if (type === schema.idType()) {
    return (value) => typeof value === 'string' || (typeof value === 'number' && isFinite(value) && INTEGER.test(String(value)));
  }
  if (type === schema.floatType()) return (value) => typeof value === 'number' && isFinite(value);
  // String (and any other built-in scalar): a string, nothing else.
  return (value) => typeof value === 'string';
}
