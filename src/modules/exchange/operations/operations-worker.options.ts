/** Tuning of the provisioning worker; every field has a production default. */
export interface OperationsWorkerOptions {
  /** Start the polling loop on application bootstrap (false: only explicit `start()` / `runOnce()`). */
  autoStart: boolean;
  /** Idle wait between polls when nothing was due, in ms. */
  pollIntervalMs: number;
  /** How long a claim is valid without renewal; an expired lease is reclaimed by another worker. */
  leaseMs: number;
  /** First retry delay; doubles with each attempt up to `backoffMaxMs`. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Attempts of one step (or compensation) before its failure counts as permanent. */
  maxAttempts: number;
}

export const OPERATIONS_WORKER_OPTIONS = Symbol('OPERATIONS_WORKER_OPTIONS');

export const DEFAULT_OPERATIONS_WORKER_OPTIONS: OperationsWorkerOptions = {
  autoStart: true,
  pollIntervalMs: 1000,
  leaseMs: 60_000,
  backoffBaseMs: 5_000,
  backoffMaxMs: 15 * 60_000,
  maxAttempts: 6,
};

/** Delay before attempt `attempts + 1`, after `attempts` failed ones: base · 2^(attempts-1), capped. */
export function backoffDelayMs(options: OperationsWorkerOptions, attempts: number): number {
  return Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
}
