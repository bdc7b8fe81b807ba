import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * `pending_verification` (its primary domain awaits its DNS proof) → `pending_approval` → `provisioning` → `active`
 * ⇄ `suspended`; `failed` when provisioning was compensated. `terminating` until its organization is gone from AD;
 * then the account is deleted (the audit log keeps its history).
 */
export const ACCOUNT_STATUSES = [
  'pending_verification',
  'pending_approval',
  'provisioning',
  'active',
  'suspended',
  'failed',
  'terminating',
] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** The number of leading characters HMC compares organization names on (unique within the reseller). */
export const ORG_NAME_KEY_LENGTH = 9;

export function orgNameKey(organizationName: string): string {
  return Array.from(organizationName.toLowerCase()).slice(0, ORG_NAME_KEY_LENGTH).join('');
}

/** A customer account of the panel and its Exchange organization (one per account). */
@Entity('accounts')
export class Account {
  /** The panel's customer account id (`customer:<id>` acts for it). */
  @PrimaryColumn({ type: 'varchar', length: 64 }) id!: string;
  @Column({ name: 'plan_id', type: 'varchar', length: 36 }) planId!: string;
  @Column({ name: 'organization_name', type: 'varchar', length: 55 }) organizationName!: string;
  /** Lower-cased first 9 characters of the organization name: unique (HMC's rule, one reseller per install). */
  @Column({ name: 'org_name_key', type: 'varchar', length: 9 }) orgNameKey!: string;
  @Column({ name: 'org_dn', type: 'varchar', length: 500 }) orgDn!: string;
  /** Lower-cased; unique. */
  @Column({ name: 'primary_domain', type: 'varchar', length: 253 }) primaryDomain!: string;
  @Column({ name: 'admin_upn', type: 'varchar', length: 64 }) adminUpn!: string;
  @Column({ name: 'mailing_plan', type: 'varchar', length: 64 }) mailingPlan!: string;
  @Column({ type: 'varchar', length: 20 }) status!: AccountStatus;
  /** The latest account-level operation (signup, suspension, termination, plan change); busy while it runs. */
  @Column({ name: 'operation_id', type: 'varchar', length: 36, nullable: true }) operationId!: string | null;
  /** The public folder's mailbox name, when the organization has one. */
  @Column({ name: 'public_folder', type: 'varchar', length: 254, nullable: true }) publicFolder!:
    string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
