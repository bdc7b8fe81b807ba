import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MpfSmtpDomainType } from '../../mpf/client/mpf-client.port';

/**
 * `pending_verification` (a customer's claim waiting for its DNS record; nothing in Exchange yet) → `provisioning`
 * → `active`; `deleting`; `failed` when adding it was compensated and failed too.
 */
export const SMTP_DOMAIN_STATUSES = [
  'pending_verification',
  'provisioning',
  'active',
  'deleting',
  'failed',
] as const;
export type SmtpDomainStatus = (typeof SMTP_DOMAIN_STATUSES)[number];

/** An SMTP domain of an organization in ASCII form (IDNA, lower case; unique across tenants). */
@Entity('smtp_domains')
export class SmtpDomain {
  @PrimaryColumn({ type: 'varchar', length: 253 }) domain!: string;
  @Column({ name: 'account_id', type: 'varchar', length: 64 }) accountId!: string;
  @Column({ type: 'varchar', length: 16 }) type!: MpfSmtpDomainType;
  @Column({ type: 'varchar', length: 24 }) status!: SmtpDomainStatus;
  /** The key of its UTS #39 confusable skeleton (see domain-skeleton.ts), indexed. */
  @Column({ type: 'varchar', length: 64 }) skeleton!: string;
  /** While `pending_verification`: the token of the TXT record `exchange-verify=<token>` that proves the claim. */
  @Column({ name: 'verification_token', type: 'varchar', length: 64, nullable: true })
  verificationToken!: string | null;
  @Column({ name: 'operation_id', type: 'varchar', length: 36, nullable: true }) operationId!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
