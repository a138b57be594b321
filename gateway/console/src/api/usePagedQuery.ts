import { useEffect, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql.ts';
import { RequestFailure, type GraphQLErrorItem, type Outcome } from './client.ts';
import { useExecutor } from './useOperation.ts';
import { usePurpose } from '../purpose/PurposeContext.tsx';

interface Page<N> {
  nodes: readonly N[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  totalCount: number;
}

export interface PagedState<N> {
  loading: boolean;
  nodes: N[];
  totalCount: number | null;
  /** The errors of every page (a withheld field, an agency that is down). */
  outcome: Outcome<unknown> | null;
  failure: RequestFailure | null;
  /** More pages exist than `maxPages` fetched. */
  truncated: boolean;
}

/**
 * Fetches every page of a connection (up to `maxPages`), one after the other:
 * the person view needs the whole timeline for its counts and its graph.
 */
export function usePagedQuery<R, V extends { first?: number | null; after?: string | null }, N>(
  document: TypedDocumentString<R, V>,
  variables: Omit<V, 'first' | 'after'> | null,
  pick: (data: R) => Page<N> | null | undefined,
  options: { pageSize?: number; maxPages?: number } = {},
): PagedState<N> {
  const run = useExecutor();
  const { purpose } = usePurpose();
  const [state, setState] = useState<PagedState<N>>({ loading: false, nodes: [], totalCount: null, outcome: null, failure: null, truncated: false });
  const key = variables && purpose ? JSON.stringify(variables) : null;
  const pageSize = options.pageSize ?? 100;
  const maxPages = options.maxPages ?? 10;

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    const base = JSON.parse(key) as Omit<V, 'first' | 'after'>;
    (async () => {
      setState((s) => ({ ...s, loading: true }));
      const nodes: N[] = [];
      const errors: GraphQLErrorItem[] = [];
      let after: string | null = null;
      let totalCount: number | null = null;
      for (let page = 0; page < maxPages; page++) {
        const outcome: Outcome<R> = await run(document, { ...base, first: pageSize, after } as V, undefined, controller.signal);
        errors.push(...outcome.errors);
        const connection = outcome.data ? pick(outcome.data) : null;
        if (!connection) break;
        nodes.push(...connection.nodes);
        totalCount = connection.totalCount;
        if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) {
          after = null;
          break;
        }
        after = connection.pageInfo.endCursor;
      }
      if (!controller.signal.aborted) {
        setState({ loading: false, nodes, totalCount, outcome: { data: null, errors }, failure: null, truncated: after !== null });
      }
    })().catch((error: unknown) => {
      if (controller.signal.aborted) return;
      const failure = error instanceof RequestFailure ? error : new RequestFailure('UNEXPECTED', '请求未能完成。', 0, String(error));
      setState({ loading: false, nodes: [], totalCount: null, outcome: null, failure, truncated: false });
    });
    return () => controller.abort();
    // `document` and `pick` are module-level constants at every call site.
  }, [key, run, pageSize, maxPages]);

  return state;
}
