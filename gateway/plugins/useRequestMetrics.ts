import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyRequest } from 'fastify';
import type { GatewayContext } from '../context/createGatewayContext.ts';
import type { GatewayMetrics } from '../metrics/createMetrics.ts';

/** ok: data, no errors · partial: data and errors · failed: errors, no data · rejected: never executed (parse, validation, variables). */
export type RequestOutcome = 'ok' | 'partial' | 'failed' | 'rejected';

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Counts and times GraphQL requests by operation name and outcome, and
 * leaves both on the request for the access log. Operation names are chosen
 * by clients, so the label set is bounded: past `maxOperationNames` distinct
 * names, new ones count as `other`. Used by the Apollo Server plugin below
 * and by the gateway's own request path (pipeline/createFastPath.ts).
 */
export class RequestMetrics {
  private readonly seen = new Set<string>();
  private readonly maxNames: number;

  constructor(
    private readonly metrics: GatewayMetrics,
    options: { maxOperationNames?: number } = {},
  ) {
    this.maxNames = options.maxOperationNames ?? 500;
  }

  /** The outcome of an executed single answer. */
  static outcomeOf(result: { data?: unknown; errors?: readonly unknown[] }): RequestOutcome {
    return result.data == null ? 'failed' : result.errors?.length ? 'partial' : 'ok';
  }

  record(request: FastifyRequest, operationName: string | null | undefined, outcome: RequestOutcome, seconds: number): void {
    const operation = this.label(operationName);
    this.metrics.requests.inc({ operation, outcome });
    this.metrics.requestDuration.observe({ operation, outcome }, seconds);
    request.graphqlOperation = { name: operationName ?? '', outcome };
  }

  private label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.maxNames) return 'other';
    this.seen.add(name);
    return name;
  }
}

/** The Apollo Server plugin recording every request through `RequestMetrics`. */
export function useRequestMetrics(requestMetrics: RequestMetrics): ApolloServerPlugin<GatewayContext> {
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
          else if (response.body.kind === 'single') outcome = RequestMetrics.outcomeOf(response.body.singleResult);
          else outcome = 'ok';
          requestMetrics.record(contextValue.request, operationName ?? request.operationName, outcome, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
