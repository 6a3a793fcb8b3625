import type { Clock } from "../clock.js";
import { randomSerialHex } from "../pki/index.js";
import type { EmulatorStore } from "../store/index.js";

/** What every model operation works with: the store, the (shiftable) clock and the serial index. */
export interface ModelContext {
  readonly store: EmulatorStore;
  readonly clock: Clock;
  readonly serials: SerialIndex;
}

/**
 * Serial numbers handed out so far, so no two certificates share one even in the astronomically
 * unlikely event of a random collision. Rebuilt from the store at start and after a reset.
 */
export class SerialIndex {
  readonly #used = new Set<string>();

  rebuild(store: EmulatorStore): void {
    this.#used.clear();
    for (const ca of store.list("authorities")) if (ca.serialNumber) this.#used.add(ca.serialNumber);
    for (const certificate of store.list("certificates")) this.#used.add(certificate.serialNumber);
  }

  fresh(): string {
    for (;;) {
      const serial = randomSerialHex();
      if (!this.#used.has(serial)) {
        this.#used.add(serial);
        return serial;
      }
    }
  }

  /** Records a serial that came from outside (an imported CA certificate). */
  note(serial: string): void {
    this.#used.add(serial);
  }
}
