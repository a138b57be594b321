import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../auth/SessionContext.tsx';
import type { TypedDocumentString } from '../gql/graphql.ts';
import { usePurpose } from '../purpose/PurposeContext.tsx';
import type { Purpose } from '../purpose/purpose.ts';
import { execute, RequestFailure, type Outcome } from './client.ts';

export interface QueryState<T> {
  loading: boolean;
  outcome: Outcome<T> | null;
  failure: RequestFailure | null;
  /** The lookup needs a stated purpose and there is none yet. */
  needsPurpose: boolean;
  reload(): void;
}

export interface QueryOptions {
  /** The purpose to send instead of the one the user stated (e.g. the ticket being worked on). */
  purpose?: Purpose | null;
  /** Default true: the operation reads person data, so it is not sent without a purpose. */
  requirePurpose?: boolean;
}

/** Runs the executor with the session's token and purpose; a refused token signs the user out. */
export function useExecutor() {
  const { session, signOut } = useSession();
  const { purpose: stated } = usePurpose();
  return useCallback(
    async <R, V>(document: TypedDocumentString<R, V>, variables: V, purpose: Purpose | null | undefined, signal?: AbortSignal): Promise<Outcome<R>> => {
      try {
        return await execute(document, variables, { token: session?.token ?? null, purpose: purpose === undefined ? stated : purpose, ...(signal ? { signal } : {}) });
      } catch (error) {
        if (error instanceof RequestFailure && error.code === 'UNAUTHENTICATED') signOut('登录已失效或令牌未通过验证，请重新登录。');
        throw error;
      }
    },
    [session, signOut, stated],
  );
}

/**
 * A query that runs when `variables` is not null and again when they change
 * (compared by value). Requests in flight are abandoned when superseded.
 */
export function useQuery<R, V>(document: TypedDocumentString<R, V>, variables: V | null, options: QueryOptions = {}): QueryState<R> {
  const run = useExecutor();
  const { purpose: stated } = usePurpose();
  const purpose = options.purpose === undefined ? stated : options.purpose;
  const needsPurpose = (options.requirePurpose ?? true) && !purpose;
  const [state, setState] = useState<{ loading: boolean; outcome: Outcome<R> | null; failure: RequestFailure | null }>({ loading: false, outcome: null, failure: null });
  const [generation, setGeneration] = useState(0);
  const key = variables === null || needsPurpose ? null : JSON.stringify(variables);
  const purposeKey = purpose ? JSON.stringify(purpose) : '';
  const latest = useRef({ document, variables, purpose });
  latest.current = { document, variables, purpose };

  useEffect(() => {
    if (key === null) {
      setState({ loading: false, outcome: null, failure: null });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const { document: doc, variables: vars, purpose: p } = latest.current;
    run(doc, vars as V, p, controller.signal).then(
      (outcome) => {
        if (!controller.signal.aborted) setState({ loading: false, outcome, failure: null });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const failure = error instanceof RequestFailure ? error : new RequestFailure('UNEXPECTED', '请求未能完成。', 0, String(error));
        setState({ loading: false, outcome: null, failure });
      },
    );
    return () => controller.abort();
  }, [key, purposeKey, generation, run]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, needsPurpose, reload };
}

export interface MutationState {
  running: boolean;
  failure: RequestFailure | null;
}

/** A mutation run on demand; resolves with its outcome, or undefined when it failed (then `failure` says why). */
export function useMutation<R, V>(document: TypedDocumentString<R, V>, options: QueryOptions = {}) {
  const run = useExecutor();
  const [state, setState] = useState<MutationState>({ running: false, failure: null });
  const mutate = useCallback(
    async (variables: V, purpose?: Purpose): Promise<Outcome<R> | undefined> => {
      setState({ running: true, failure: null });
      try {
        const outcome = await run(document, variables, purpose ?? options.purpose);
        const error = outcome.errors[0];
        if (!outcome.data && error) {
          setState({ running: false, failure: new RequestFailure(error.extensions?.code ?? 'ERROR', '操作未能完成。', 200, error.message) });
          return undefined;
        }
        setState({ running: false, failure: null });
        return outcome;
      } catch (error) {
        setState({ running: false, failure: error instanceof RequestFailure ? error : new RequestFailure('UNEXPECTED', '操作未能完成。', 0, String(error)) });
        return undefined;
      }
    },
    [run, document, options.purpose],
  );
  return { ...state, mutate };
}
