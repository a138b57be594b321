import { Supergraph } from '@apollo/federation-internals';
import { ErrorCode, type SupergraphRefusal } from '../errors.ts';

export interface SubgraphEndpoint {
  name: string;
  /** The URL the gateway calls: the supergraph's, or the configured override. */
  url: string;
  /** The URL written in the supergraph. */
  declaredUrl: string;
}

/** `supergraph`: the validated supergraph, which the gateway's executor plans with. */
export type SupergraphInspection = { ok: true; subgraphs: SubgraphEndpoint[]; supergraph: Supergraph } | { ok: false; refusal: SupergraphRefusal };

/**
 * The first gate a supergraph passes before it may serve: it must build as a
 * valid supergraph (parse, link/join specs, `Supergraph.build` validation,
 * the checks @apollo/gateway itself runs), and every subgraph must have an
 * http(s) URL once overrides are applied. The second gate is @apollo/gateway
 * loading it (see SupergraphHost). Never throws: a refusal is a value.
 */
export function inspectSupergraph(sdl: string, urlFor: (name: string, declaredUrl: string) => string): SupergraphInspection {
  let supergraph: Supergraph;
  let metadata: readonly { name: string; url: string }[];
  try {
    supergraph = Supergraph.build(sdl, { validateSupergraph: true });
    metadata = supergraph.subgraphsMetadata();
  } catch (error) {
    return { ok: false, refusal: { code: ErrorCode.SUPERGRAPH_INVALID, message: messageOf(error) } };
  }
  const subgraphs = metadata.map(({ name, url }) => ({ name, declaredUrl: url, url: urlFor(name, url) }));
  const unusable = subgraphs.filter((s) => !isHttpUrl(s.url));
  if (unusable.length > 0) {
    return {
      ok: false,
      refusal: {
        code: ErrorCode.SUPERGRAPH_SUBGRAPH_URL_MISSING,
        message: `No usable http(s) URL for subgraph(s) ${unusable.map((s) => `"${s.name}"`).join(', ')}; set it in the supergraph or with SUBGRAPH_URL_<NAME>.`,
      },
    };
  }
  return { ok: true, subgraphs, supergraph };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const causes = (error as { causes?: unknown[] }).causes;
    if (Array.isArray(causes) && causes.length > 0) return causes.map(messageOf).join('\n');
    return error.message;
  }
  return String(error);
}
