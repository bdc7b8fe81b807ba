import { Column, Entity, PrimaryColumn } from 'typeorm';

export const OPERATION_STATUSES = [
  'pending',
  'running',
  'succeeded',
  'compensating',
  'compensated',
  'failed',
] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];
/** Statuses a worker may still pick up; the others are final. */
export const ACTIVE_STATUSES: OperationStatus[] = ['pending', 'running', 'compensating'];

/**
 * A change to Exchange, persisted before its first external call. `input` may hold sealed secrets
 * (see operation-secrets.ts) and is never returned by the API.
 */
@Entity('operations')
export class Operation {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ type: 'varchar', length: 100 }) kind!: string;
  @Column({ name: 'account_id', type: 'varchar', length: 64, nullable: true }) accountId!: string | null;
  @Column({ name: 'target_type', type: 'varchar', length: 64 }) targetType!: string;
  @Column({ name: 'target_id', type: 'varchar', length: 190 }) targetId!: string;
  @Column({ type: 'varchar', length: 16 }) status!: OperationStatus;
  @Column({ type: 'simple-json' }) input!: Record<string, unknown>;
  /** Index of the step being run (or, while compensating, the next step to undo). */
  @Column({ name: 'current_step', type: 'int' }) currentStep!: number;
  /** Attempts of the current step or compensation; drives the backoff. */
  @Column({ type: 'int' }) attempts!: number;
  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3 }) nextAttemptAt!: Date;
  @Column({ name: 'locked_by', type: 'varchar', length: 100, nullable: true }) lockedBy!: string | null;
  @Column({ name: 'locked_until', type: 'datetime', precision: 3, nullable: true }) lockedUntil!: Date | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @Column({ name: 'progress_done', type: 'int' }) progressDone!: number;
  @Column({ name: 'progress_total', type: 'int', nullable: true }) progressTotal!: number | null;
  @Column({ type: 'varchar', length: 160 }) actor!: string;
  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true }) requestId!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true }) finishedAt!: Date | null;
}
