import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { ErrorCode } from '../errors.ts';
import { countTokens } from './countTokens.ts';
import type { CostModel } from './CostModel.ts';
import { estimateCost } from './estimateCost.ts';
import { LruCache } from '../cache/LruCache.ts';
import { measureDocument, type DocumentShape } from './measureDocument.ts';
import type { LimitsConfig } from './parseLimitsConfig.ts';

/** Why an operation was refused: a client error with its code and the numbers behind it. */
export interface LimitRefusal {
  code:
    | typeof ErrorCode.MAX_TOKENS_EXCEEDED
    | typeof ErrorCode.MAX_DEPTH_EXCEEDED
    | typeof ErrorCode.MAX_ALIASES_EXCEEDED
    | typeof ErrorCode.MAX_ROOT_FIELDS_EXCEEDED
    | typeof ErrorCode.MAX_DIRECTIVES_EXCEEDED
    | typeof ErrorCode.COST_LIMIT_EXCEEDED;
  message: string;
  extensions: Record<string, number>;
}

export type Analysis = { ok: true; cost?: number; shape?: DocumentShape } | { ok: false; refusal: LimitRefusal };

interface Entry {
  /** The structural refusal, when the text breaks a structural limit (cached too: a repeated bomb is refused from the cache). */
  refusal?: LimitRefusal;
  /** Undefined when the text does not parse: Apollo Server reports that, with its own code. */
  document?: DocumentNode;
  shape?: DocumentShape;
  /** Costs that read no variable, by operation name, for the cost model they were estimated with. */
  costs: Map<string, { version: number; cost: number }>;
}

/**
 * Texts longer than this are analysed every time, not cached, so the cache
 * stays bounded: at most entries x (this text + the syntax tree of at most
 * `maxTokens` tokens), about 80 MB at the defaults in the worst case. Real
 * operations are a few KB.
 */
const MAX_CACHED_TEXT_LENGTH = 16 * 1024;

/**
 * Checks an operation text against the limits before anything else reads it,
 * cheapest first: tokens (lexer only, stops past the limit), then one parse,
 * then depth, aliases, root fields and directives (one linear walk), then the
 * estimated cost against the supergraph's `@cost`/`@listSize`. The structural
 * analysis is cached per text (bounded LRU); a cost that reads no variable is
 * cached with it, per operation and cost model.
 */
export class OperationAnalyzer {
  private readonly cache: LruCache<string, Entry>;

  constructor(private readonly limits: Omit<LimitsConfig, 'rateLimit' | 'trustedDocuments' | 'maxBodyBytes'>) {
    this.cache = new LruCache(limits.analysisCacheEntries);
  }

  analyze(text: string, operationName: string | undefined, variables: Readonly<Record<string, unknown>>, model: CostModel | undefined): Analysis {
    const entry = this.entryFor(text);
    if (entry.refusal) return { ok: false, refusal: entry.refusal };
    if (!entry.document || !model) return { ok: true, ...(entry.shape ? { shape: entry.shape } : {}) };

    const operations = selectOperations(entry.document, operationName);
    let cost = 0;
    for (const operation of operations) {
      const key = operation.name?.value ?? '';
      const cached = entry.costs.get(key);
      let estimate: number;
      if (cached && cached.version === model.version) {
        estimate = cached.cost;
      } else {
        const result = estimateCost(model, entry.document, operation, variables, this.limits.defaultListSize);
        estimate = result.cost;
        if (!result.readsVariables) entry.costs.set(key, { version: model.version, cost: estimate });
      }
      cost = Math.max(cost, estimate);
    }
    if (cost > this.limits.maxCost) {
      return {
        ok: false,
        refusal: {
          code: ErrorCode.COST_LIMIT_EXCEEDED,
          message: `The operation's estimated cost ${formatCost(cost)} is over the budget of ${this.limits.maxCost}. Ask for fewer items (first:) or fewer nested lists.`,
          extensions: { cost: finite(cost), limit: this.limits.maxCost },
        },
      };
    }
    return { ok: true, cost, ...(entry.shape ? { shape: entry.shape } : {}) };
  }

  private entryFor(text: string): Entry {
    const cached = this.cache.get(text);
    if (cached) return cached;
    const entry = this.analyzeText(text);
    if (text.length <= MAX_CACHED_TEXT_LENGTH) this.cache.set(text, entry);
    return entry;
  }

  private analyzeText(text: string): Entry {
    const { maxTokens, maxDepth, maxAliases, maxRootFields, maxDirectives } = this.limits;
    const tokens = countTokens(text, maxTokens);
    if (tokens.count > maxTokens) {
      return {
        refusal: {
          code: ErrorCode.MAX_TOKENS_EXCEEDED,
          message: `The document has more than ${maxTokens} tokens.`,
          extensions: { limit: maxTokens, actual: tokens.count },
        },
        costs: new Map(),
      };
    }
    if (tokens.unreadable) return { costs: new Map() };
    let document: DocumentNode;
    try {
      document = parse(text, { noLocation: true, maxTokens });
    } catch {
      return { costs: new Map() };
    }
    const shape = measureDocument(document);
    const over = (code: LimitRefusal['code'], what: string, limit: number, actual: number): Entry => ({
      refusal: { code, message: `The operation has ${what} ${actual}; the limit is ${limit}.`, extensions: { limit, actual: finite(actual) } },
      costs: new Map(),
    });
    if (shape.depth > maxDepth) return over(ErrorCode.MAX_DEPTH_EXCEEDED, 'a depth of', maxDepth, shape.depth);
    if (shape.aliases > maxAliases) return over(ErrorCode.MAX_ALIASES_EXCEEDED, 'aliases:', maxAliases, shape.aliases);
    if (shape.rootFields > maxRootFields) return over(ErrorCode.MAX_ROOT_FIELDS_EXCEEDED, 'root fields:', maxRootFields, shape.rootFields);
    if (shape.directives > maxDirectives) return over(ErrorCode.MAX_DIRECTIVES_EXCEEDED, 'directives:', maxDirectives, shape.directives);
    return { document, shape, costs: new Map() };
  }
}

/** The operation `operationName` selects; all of them when it selects none (Apollo Server refuses that later, and the estimate must not be lower meanwhile). */
function selectOperations(document: DocumentNode, operationName: string | undefined): OperationDefinitionNode[] {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) {
    const named = operations.find((o) => o.name?.value === operationName);
    if (named) return [named];
  } else if (operations.length === 1) {
    return operations;
  }
  return operations;
}

/** JSON has no Infinity: a cost past the largest safe number is reported as that number. */
function finite(n: number): number {
  return Number.isFinite(n) && n <= Number.MAX_SAFE_INTEGER ? n : Number.MAX_SAFE_INTEGER;
}

function formatCost(n: number): string {
  return Number.isFinite(n) && n <= Number.MAX_SAFE_INTEGER ? String(Math.ceil(n)) : 'beyond counting';
}
