import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';

export const MAILBOX_STATUSES = ['provisioning', 'active', 'deleting', 'failed'] as const;
export type MailboxStatus = (typeof MAILBOX_STATUSES)[number];

/** MySQL returns BIGINT as a string; SQLite as a number. */
const BIGINT: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/** A mailbox (an MPF business user `CN=<upn>,OU=<org>,…`) as the product knows it. */
@Entity('mailboxes')
export class Mailbox {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'account_id', type: 'varchar', length: 64 }) accountId!: string;
  /** Lower-cased `local@domain`; also the primary SMTP address and the CN. */
  @Column({ type: 'varchar', length: 64 }) upn!: string;
  @Column({ name: 'user_dn', type: 'varchar', length: 600 }) userDn!: string;
  @Column({ name: 'sam_account_name', type: 'varchar', length: 20, nullable: true })
  samAccountName!: string | null;
  @Column({ name: 'display_name', type: 'varchar', length: 256 }) displayName!: string;
  @Column({ name: 'given_name', type: 'varchar', length: 64, nullable: true }) givenName!: string | null;
  @Column({ name: 'middle_name', type: 'varchar', length: 64, nullable: true }) middleName!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) sn!: string | null;
  @Column({ type: 'varchar', length: 6, nullable: true }) initials!: string | null;
  @Column({ name: 'mailing_plan', type: 'varchar', length: 64 }) mailingPlan!: string;
  @Column({ name: 'is_admin', type: 'boolean' }) isAdmin!: boolean;
  @Column({ type: 'boolean' }) enabled!: boolean;
  /** Disabled by the account's suspension (and to be re-enabled by unsuspension). */
  @Column({ name: 'disabled_by_suspension', type: 'boolean' }) disabledBySuspension!: boolean;
  @Column({ name: 'forward_to', type: 'varchar', length: 254, nullable: true }) forwardTo!: string | null;
  @Column({ name: 'deliver_and_forward', type: 'boolean' }) deliverAndForward!: boolean;
  @Column({ type: 'varchar', length: 16 }) status!: MailboxStatus;
  /** The latest operation on this mailbox; the mailbox is busy while it runs. */
  @Column({ name: 'operation_id', type: 'varchar', length: 36, nullable: true }) operationId!: string | null;
  @Column({ name: 'usage_kb', type: 'bigint', nullable: true, transformer: BIGINT }) usageKb!: number | null;
  @Column({ name: 'usage_at', type: 'datetime', precision: 3, nullable: true }) usageAt!: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
