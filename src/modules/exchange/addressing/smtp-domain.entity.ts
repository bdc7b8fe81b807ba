import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MpfSmtpDomainType } from '../../mpf/client/mpf-client.port';

export type SmtpDomainStatus = 'provisioning' | 'active' | 'deleting' | 'failed';

/** An SMTP domain of an organization (lower-cased; unique across tenants). */
@Entity('smtp_domains')
export class SmtpDomain {
  @PrimaryColumn({ type: 'varchar', length: 253 }) domain!: string;
  @Column({ name: 'account_id', type: 'varchar', length: 64 }) accountId!: string;
  @Column({ type: 'varchar', length: 16 }) type!: MpfSmtpDomainType;
  @Column({ type: 'varchar', length: 16 }) status!: SmtpDomainStatus;
  @Column({ name: 'operation_id', type: 'varchar', length: 36, nullable: true }) operationId!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
