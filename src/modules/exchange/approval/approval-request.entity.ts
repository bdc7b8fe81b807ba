import { Column, Entity, PrimaryColumn } from 'typeorm';

export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'expired'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** A change waiting for a manager (today: a signup on a plan that requires approval). */
@Entity('approval_requests')
export class ApprovalRequest {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'account_id', type: 'varchar', length: 64 }) accountId!: string;
  @Column({ type: 'varchar', length: 64 }) kind!: string;
  @Column({ type: 'varchar', length: 16 }) status!: ApprovalStatus;
  @Column({ name: 'requested_by', type: 'varchar', length: 160 }) requestedBy!: string;
  /** What runs once approved (the operation input, without secrets). */
  @Column({ type: 'simple-json' }) payload!: Record<string, unknown>;
  /** The secret the operation will need (the admin password), sealed; wiped once decided. */
  @Column({ name: 'sealed_secret', type: 'text', nullable: true }) sealedSecret!: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) reason!: string | null;
  @Column({ name: 'decided_by', type: 'varchar', length: 160, nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 }) expiresAt!: Date;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
