import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What consumers learn without polling: an operation or an approval ended, an approval was requested, a line of
 * a bulk import was settled.
 */
export const EVENT_TYPES = [
  'operation.succeeded',
  'operation.failed',
  'approval.requested',
  'approval.decided',
  'approval.expired',
  'import.progress',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * One event, written in the transaction that made it true (so it exists exactly when its change committed). Its
 * id is taken at insert, so ids may commit out of order or never (a rolled-back transaction): the stream waits at
 * a missing id (see GAP_WAIT_MS). A subscriber that was down resumes after the last id it saw.
 */
@Entity('outbox_events')
export class OutboxEvent {
  @PrimaryGeneratedColumn('increment') id!: number;
  @Column({ type: 'varchar', length: 64 }) type!: EventType;
  @Column({ type: 'simple-json' }) payload!: Record<string, unknown>;
  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 }) occurredAt!: Date;
}
