import { Column, Entity, PrimaryColumn } from 'typeorm';

export type OperationStepStatus = 'pending' | 'done' | 'compensated' | 'failed';

/** One step of an operation; its completion is persisted before the next step starts. */
@Entity('operation_steps')
export class OperationStep {
  @PrimaryColumn({ name: 'operation_id', type: 'varchar', length: 36 }) operationId!: string;
  @PrimaryColumn({ type: 'int' }) seq!: number;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) status!: OperationStepStatus;
  @Column({ type: 'int' }) attempts!: number;
  @Column({ type: 'simple-json', nullable: true }) output!: unknown;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ name: 'started_at', type: 'datetime', precision: 3, nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true }) finishedAt!: Date | null;
}
