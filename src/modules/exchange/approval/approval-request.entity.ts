import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `failed`: approved, but the command it held was then refused (its reason says why). */
export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'expired', 'failed'] as const;

/** The kind of a request that holds a command (a signup's holds its provisioning operation's kind). */
export const COMMAND_APPROVAL = 'command';
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** One approver's decision on a request that needs several (quorum). */
export interface ApprovalVote {
  by: string;
  at: string;
  reason: string | null;
}

/**
 * A change waiting for managers: a signup on a plan that requires approval (`kind` organization.provision, the
 * operation input as payload), or any command (`kind` command, payload `{ command, input }`) that the approval
 * rules hold for its requester's role. Secrets the change needs stay sealed until it is decided.
 */
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
  /** How many distinct approvers the request needs. */
  @Column({ type: 'int', default: 1 }) quorum!: number;
  /** The approvals given so far (the last one that reaches the quorum decides). */
  @Column({ type: 'simple-json', nullable: true }) decisions!: ApprovalVote[] | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
