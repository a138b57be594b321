import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context/createGatewayContext.ts';
import type { GatewayMetrics } from '../metrics/createMetrics.ts';

/** ok: data, no errors · partial: data and errors · failed: errors, no data · rejected: never executed (parse, validation, variables). */
export type RequestOutcome = 'ok' | 'partial' | 'failed' | 'rejected';

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Counts and times every GraphQL request by operation name and outcome, and
 * leaves both on the context for the access log. Operation names are chosen
 * by clients, so the label set is bounded: past `maxOperationNames` distinct
 * names, new ones count as `other`.
 */
export function useRequestMetrics(metrics: GatewayMetrics, options: { maxOperationNames?: number } = {}): ApolloServerPlugin<GatewayContext> {
  const maxNames = options.maxOperationNames ?? 500;
  const seen = new Set<string>();
  const label = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (seen.has(name)) return name;
    if (seen.size >= maxNames) return 'other';
    seen.add(name);
    return name;
  };

  return {
    async requestDidStart() {
      const started = performance.now();
      let executed = false;
      return {
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse({ response, operationName, request, contextValue }) {
          let outcome: RequestOutcome;
          if (!executed) outcome = 'rejected';
          else if (response.body.kind === 'single') {
            const { data, errors } = response.body.singleResult;
            outcome = data == null ? 'failed' : errors?.length ? 'partial' : 'ok';
          } else outcome = 'ok';
          const operation = label(operationName ?? request.operationName);
          const seconds = (performance.now() - started) / 1000;
          metrics.requests.inc({ operation, outcome });
          metrics.requestDuration.observe({ operation, outcome }, seconds);
          contextValue.request.graphqlOperation = { name: operationName ?? request.operationName ?? '', outcome };
        },
      };
    },
  };
}
