import type { BreakerConfig, RetryConfig } from '../config/parseGatewayConfig.ts';
import { CircuitBreaker, type CircuitState } from './CircuitBreaker.ts';
import { RetryBudget } from './RetryBudget.ts';

export interface SubgraphState {
  readonly breaker: CircuitBreaker;
  readonly retryBudget: RetryBudget;
}

export interface SubgraphStatesOptions {
  breaker: BreakerConfig;
  retry: RetryConfig;
  onCircuitChange?: (subgraph: string, state: CircuitState, previous: CircuitState) => void;
  now?: () => number;
}

/**
 * The per-subgraph state that outlives a supergraph reload: its circuit
 * breaker and retry budget, by subgraph name. A reload that keeps a subgraph
 * keeps what the gateway learned about it.
 */
export class SubgraphStates {
  private readonly states = new Map<string, SubgraphState>();

  constructor(private readonly options: SubgraphStatesOptions) {}

  for(subgraph: string): SubgraphState {
    let state = this.states.get(subgraph);
    if (!state) {
      state = {
        breaker: new CircuitBreaker({
          ...this.options.breaker,
          ...(this.options.now ? { now: this.options.now } : {}),
          onStateChange: (next, previous) => this.options.onCircuitChange?.(subgraph, next, previous),
        }),
        retryBudget: new RetryBudget({
          ratio: this.options.retry.budgetRatio,
          minPerSecond: this.options.retry.budgetMinPerSecond,
          ...(this.options.now ? { now: this.options.now } : {}),
        }),
      };
      this.states.set(subgraph, state);
    }
    return state;
  }

  entries(): IterableIterator<[string, SubgraphState]> {
    return this.states.entries();
  }
}
