import {
  Kind,
  parse,
  print,
  validate,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { CostModel } from '../limits/CostModel.ts';
import { countTokens } from '../limits/countTokens.ts';
import { estimateCost } from '../limits/estimateCost.ts';
import { measureDocument } from '../limits/measureDocument.ts';
import type { LimitsConfig } from '../limits/parseLimitsConfig.ts';
import { operationId } from './operationId.ts';
import { MANIFEST_FORMAT, type PersistedOperation, type PersistedQueryManifest } from './PersistedOperations.ts';

/**
 * The folders whose `.graphql` operations the project ships (relative to the
 * repository): ours, and the console's. A folder that does not exist is
 * skipped.
 */
export const SHIPPED_OPERATION_FOLDERS = ['gateway/production/operations', 'gateway/console/src/operations'] as const;

export interface OperationSource {
  /** Shown in errors (a path relative to the repository). */
  file: string;
  text: string;
}

export interface ManifestOptions {
  /** The API schema every operation must validate against. */
  schema: GraphQLSchema;
  /** The limits a registered operation must pass (else production would refuse it), and the cost model to estimate with. */
  limits?: { config: Pick<LimitsConfig, 'maxDepth' | 'maxAliases' | 'maxRootFields' | 'maxTokens' | 'maxDirectives' | 'maxCost' | 'defaultListSize'>; costModel?: CostModel };
}

export type ManifestResult =
  | { ok: true; manifest: PersistedQueryManifest; costs: Map<string, number> }
  | { ok: false; errors: string[] };

/**
 * Builds the trusted-documents manifest from `.graphql` files, as Apollo's
 * `generate-persisted-query-manifest` does: one entry per operation, its body
 * the printed operation followed by the fragments it uses (by name), its id
 * the SHA-256 of the body. Fragments are shared across files. Every
 * operation must be named (names are unique), validate against the schema,
 * and pass the structural limits and, with its variables' defaults, the
 * cost budget. Errors are returned, all of them; nothing is thrown.
 */
export function buildPersistedManifest(sources: readonly OperationSource[], options: ManifestOptions): ManifestResult {
  const errors: string[] = [];
  const operations: { file: string; node: OperationDefinitionNode }[] = [];
  const fragments = new Map<string, { file: string; node: FragmentDefinitionNode }>();

  for (const source of sources) {
    let document: DocumentNode;
    try {
      document = parse(source.text, { noLocation: true });
    } catch (error) {
      errors.push(`${source.file}: ${(error as Error).message}`);
      continue;
    }
    for (const definition of document.definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION) {
        if (!definition.name) errors.push(`${source.file}: every operation needs a name (an anonymous ${definition.operation}).`);
        else operations.push({ file: source.file, node: definition });
      } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        const name = definition.name.value;
        const other = fragments.get(name);
        if (other) errors.push(`${source.file}: fragment ${name} is also defined in ${other.file}.`);
        else fragments.set(name, { file: source.file, node: definition });
      } else {
        errors.push(`${source.file}: only operations and fragments belong in an operation file.`);
      }
    }
  }

  const entries: PersistedOperation[] = [];
  const costs = new Map<string, number>();
  const names = new Map<string, string>();
  for (const { file, node } of operations) {
    const name = node.name!.value;
    const where = `${file}: ${name}`;
    const first = names.get(name);
    if (first) {
      errors.push(`${where}: the name is also used in ${first}.`);
      continue;
    }
    names.set(name, file);
    const used = fragmentsUsedBy(node, fragments);
    if (used.missing.length > 0) {
      errors.push(`${where}: unknown fragment(s) ${used.missing.join(', ')}.`);
      continue;
    }
    const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [node, ...used.fragments] };
    const invalid = validate(options.schema, document);
    if (invalid.length > 0) {
      errors.push(...invalid.map((e) => `${where}: ${e.message}`));
      continue;
    }
    const body = print(document);
    if (options.limits) {
      const problems = overLimits(body, document, node, options.limits);
      if (problems.errors.length > 0) {
        errors.push(...problems.errors.map((p) => `${where}: ${p}`));
        continue;
      }
      if (problems.cost !== undefined) costs.set(name, problems.cost);
    }
    entries.push({ id: operationId(body), name, type: node.operation, body });
  }
  if (errors.length > 0) return { ok: false, errors };
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ok: true, manifest: { format: MANIFEST_FORMAT, version: 1, operations: entries }, costs };
}

/** The fragments an operation uses, transitively, sorted by name. */
function fragmentsUsedBy(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, { node: FragmentDefinitionNode }>,
): { fragments: FragmentDefinitionNode[]; missing: string[] } {
  const found = new Map<string, FragmentDefinitionNode>();
  const missing = new Set<string>();
  const pending = [operation as OperationDefinitionNode | FragmentDefinitionNode];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (found.has(name) || missing.has(name)) return;
        const fragment = fragments.get(name)?.node;
        if (!fragment) {
          missing.add(name);
          return;
        }
        found.set(name, fragment);
        pending.push(fragment);
      },
    });
  }
  return { fragments: [...found.values()].sort((a, b) => (a.name.value < b.name.value ? -1 : 1)), missing: [...missing] };
}

function overLimits(
  body: string,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  limits: NonNullable<ManifestOptions['limits']>,
): { errors: string[]; cost?: number } {
  const { config, costModel } = limits;
  const errors: string[] = [];
  // The gateway counts tokens of the text it receives: the body.
  const tokens = countTokens(body, Number.MAX_SAFE_INTEGER).count;
  if (tokens > config.maxTokens) errors.push(`${tokens} tokens, over the limit of ${config.maxTokens}.`);
  const shape = measureDocument(document);
  if (shape.depth > config.maxDepth) errors.push(`depth ${shape.depth}, over the limit of ${config.maxDepth}.`);
  if (shape.aliases > config.maxAliases) errors.push(`${shape.aliases} aliases, over the limit of ${config.maxAliases}.`);
  if (shape.rootFields > config.maxRootFields) errors.push(`${shape.rootFields} root fields, over the limit of ${config.maxRootFields}.`);
  if (shape.directives > config.maxDirectives) errors.push(`${shape.directives} directives, over the limit of ${config.maxDirectives}.`);
  if (!costModel) return { errors };
  const { cost } = estimateCost(costModel, document, operation, {}, config.defaultListSize);
  if (cost > config.maxCost) errors.push(`estimated cost ${cost} with its variables' defaults, over the budget of ${config.maxCost}.`);
  return { errors, cost };
}
