import type { EntityManager } from 'typeorm';

/** What a step sees: the operation's input and earlier outputs, never the database. */
export interface StepContext<I = Record<string, unknown>> {
  readonly operationId: string;
  readonly kind: string;
  readonly accountId: string | null;
  readonly target: { type: string; id: string };
  /** The input given to enqueue; sealed secret fields are read with `secret()`. */
  readonly input: Readonly<I>;
  /** 1 on the first try of this step (or compensation), 2 on the first retry, ... */
  readonly attempt: number;
  /** The output a step saved (this step's own, when resuming after a crash); undefined when none. */
  output<T = unknown>(stepName: string): T | undefined;
  /** Persists this step's output now, so a re-run after a crash can see what was already done. */
  saveOutput(value: unknown): Promise<void>;
  /** Opens a secret field sealed at enqueue (`secretFields`). */
  secret(field: string): string;
  /** Reports progress of long work (bulk import, termination); also renews the worker's lease. */
  progress(done: number, total?: number): Promise<void>;
}

export interface StepDefinition<I = Record<string, unknown>> {
  name: string;
  /**
   * Does the step's work. MUST be idempotent: check the real system (MPF/AD) before acting, because a
   * crash after the effect but before its completion is persisted makes it run again. The value returned
   * (if not undefined) becomes the step's output.
   */
  run(ctx: StepContext<I>): Promise<unknown>;
  /** Undoes a done step after a later step failed permanently; also idempotent. */
  compensate?(ctx: StepContext<I>): Promise<void>;
}

/** How an operation ended, as its `onFinished` hook sees it. */
export interface OperationOutcome<I = Record<string, unknown>> {
  readonly operationId: string;
  readonly accountId: string | null;
  readonly target: { type: string; id: string };
  /** The input with its secrets already wiped. */
  readonly input: Readonly<I>;
  /** `succeeded`; `compensated` (a step failed, done steps undone); `failed` (compensation failed too). */
  readonly status: 'succeeded' | 'compensated' | 'failed';
  readonly error: string | null;
  output<T = unknown>(stepName: string): T | undefined;
}

/** A kind of operation (e.g. `mailbox.create`) and its ordered steps. */
export interface OperationDefinition<I = Record<string, unknown>> {
  kind: string;
  steps: StepDefinition<I>[];
  /**
   * Brings the database in line with the outcome (a created mailbox becomes active, a compensated one is
   * removed), in the same transaction that records the operation as finished.
   */
  onFinished?(outcome: OperationOutcome<I>, manager: EntityManager): Promise<void>;
}
