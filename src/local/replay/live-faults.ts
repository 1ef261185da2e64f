/**
 * The fault configuration in force on a running replay site (faults.ts validates configurations
 * and decides faults; this holds the current one). Replacing it restarts the rate gate and the
 * per-path attempt counts that per-request fault decisions are drawn from.
 */
import type { Logger } from '../../log/logger.ts';
import {
  decideFault,
  type FaultConfig,
  type FaultDecision,
  type NormalisedFaults,
  noFaults,
  normaliseFaults,
} from './faults.ts';
import { RateGate } from './rate-gate.ts';
import type { PageKind } from './routes.ts';

export class LiveFaults {
  readonly #log: Logger;
  #config: NormalisedFaults;
  #gate: RateGate | null;
  #attempts = new Map<string, number>();

  /** Throws RangeError on a bad configuration. */
  constructor(initial: FaultConfig | null, log: Logger) {
    this.#log = log;
    this.#config = normaliseFaults(initial);
    this.#gate = this.#gateFor(this.#config);
  }

  get config(): NormalisedFaults {
    return this.#config;
  }

  /** The rate gate, or null when no rate limit is set. */
  get gate(): RateGate | null {
    return this.#gate;
  }

  /** Replaces the configuration (null = none). Throws RangeError on a bad one, changing nothing. */
  set(next: FaultConfig | null): void {
    this.#config = normaliseFaults(next);
    this.#gate = this.#gateFor(this.#config);
    this.#attempts = new Map();
    this.#log.info({ faults: noFaults(this.#config) ? 'none' : this.#config }, 'faults set');
  }

  /** The fault of this request: the next attempt at `url` since the faults were set. */
  decide(kind: PageKind, url: string): FaultDecision {
    const attempt = (this.#attempts.get(url) ?? 0) + 1;
    // Bounded: a client requesting endless distinct URLs restarts every count (rarely matters).
    if (this.#attempts.size >= 1_000_000) this.#attempts = new Map();
    this.#attempts.set(url, attempt);
    return decideFault(this.#config, kind, url, attempt);
  }

  #gateFor(config: NormalisedFaults): RateGate | null {
    return config.rateLimit ? new RateGate(config.rateLimit, this.#log) : null;
  }
}
