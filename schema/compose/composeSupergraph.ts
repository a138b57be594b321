import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

export interface CompositionProblem {
  code: string;
  message: string;
  /** The subgraphs the problem comes from (empty when composition does not say). */
  subgraphs: string[];
}

export type SupergraphResult = { ok: true; supergraphSdl: string; hints: string[] } | { ok: false; errors: CompositionProblem[] };

/**
 * Composes subgraph SDLs into a supergraph in process (no external binary).
 * Errors come back as values, every one of them, each with its subgraphs.
 */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[]): SupergraphResult {
  const parseErrors: CompositionProblem[] = [];
  const services = subgraphs.flatMap((s) => {
    try {
      return [{ name: s.name, url: s.url, typeDefs: parse(s.sdl) }];
    } catch (error) {
      parseErrors.push({ code: 'INVALID_GRAPHQL', message: (error as Error).message, subgraphs: [s.name] });
      return [];
    }
  });
  if (parseErrors.length > 0) return { ok: false, errors: parseErrors };

  const result = composeServices(services);
  if (result.errors) {
    return {
      ok: false,
      errors: result.errors.map((e) => {
        const fromNodes = (e.nodes ?? []).flatMap((n) => {
          const subgraph = (n as { subgraph?: unknown }).subgraph;
          return typeof subgraph === 'string' ? [subgraph] : [];
        });
        const fromMessage = [...e.message.matchAll(/\[([a-z]+)\]/g)].map((m) => m[1] ?? '');
        const names = new Set([...fromNodes, ...fromMessage].filter((n) => subgraphs.some((s) => s.name === n)));
        return { code: String(e.extensions?.code ?? 'COMPOSITION_ERROR'), message: e.message, subgraphs: [...names].sort() };
      }),
    };
  }
  return { ok: true, supergraphSdl: result.supergraphSdl, hints: result.hints.map((h) => h.toString()) };
}
