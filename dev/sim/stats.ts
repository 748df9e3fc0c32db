/**
 * API cost as benchmarks and tests read it from `GET /__sim/stats`: every request the simulated
 * Jira received, faulted ones included, keyed by method plus OpenAPI path template.
 */
export interface SimStats {
  total: number;
  byEndpoint: Record<string, number>;
  injected: { '429': number; '5xx': number };
}

export class StatsCounter {
  private stats: SimStats = StatsCounter.empty();

  private static empty(): SimStats {
    return { total: 0, byEndpoint: {}, injected: { '429': 0, '5xx': 0 } };
  }

  count(endpoint: string): void {
    this.stats.total += 1;
    this.stats.byEndpoint[endpoint] = (this.stats.byEndpoint[endpoint] ?? 0) + 1;
  }

  injected(kind: '429' | '5xx'): void {
    this.stats.injected[kind] += 1;
  }

  snapshot(): SimStats {
    return structuredClone(this.stats);
  }

  reset(): void {
    this.stats = StatsCounter.empty();
  }
}
