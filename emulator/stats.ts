import type { Socket } from "node:net";

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

/**
 * TCP connections accepted (the server's 'connection' event, TLS included), so a test or bench can
 * see how many connections a client opened for its calls. Counted as they are accepted, before any
 * request is read, so connections that carry control-plane requests count too. `open` is a gauge
 * of the ones still connected and is not zeroed by a reset.
 */
export class ConnectionCounter {
  #total = 0;
  #open = 0;

  accepted(socket: Socket): void {
    this.#total += 1;
    this.#open += 1;
    socket.once("close", () => {
      this.#open -= 1;
    });
  }

  snapshot(): { total: number; open: number } {
    return { total: this.#total, open: this.#open };
  }

  reset(): void {
    this.#total = 0;
  }
}
