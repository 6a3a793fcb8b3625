/**
 * API request counts, by route template ("POST /v1/private-certificates"), so a test can prove
 * that an operation made no API calls. Control-plane requests are never counted.
 */
export class RequestCounter {
  #total = 0;
  #byRoute = new Map<string, number>();

  count(route: string): void {
    this.#total += 1;
    this.#byRoute.set(route, (this.#byRoute.get(route) ?? 0) + 1);
  }

  snapshot(): { total: number; by_route: Record<string, number> } {
    return {
      total: this.#total,
      by_route: Object.fromEntries([...this.#byRoute].sort(([a], [b]) => a.localeCompare(b))),
    };
  }

  reset(): void {
    this.#total = 0;
    this.#byRoute.clear();
  }
}
