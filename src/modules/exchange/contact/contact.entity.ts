import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ObjectStatus = 'provisioning' | 'active' | 'deleting' | 'failed';

/** An external contact of an organization (`CN=<name>,OU=<org>,…`), usable as a distribution list member. */
@Entity('contacts')
export class Contact {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'account_id', type: 'varchar', length: 64 }) accountId!: string;
  @Column({ type: 'varchar', length: 64 }) name!: string;
  @Column({ type: 'varchar', length: 600 }) dn!: string;
  /** Lower-cased external address (its targetAddress). */
  @Column({ name: 'external_address', type: 'varchar', length: 254 }) externalAddress!: string;
  @Column({ type: 'varchar', length: 16 }) status!: ObjectStatus;
  @Column({ name: 'operation_id', type: 'varchar', length: 36, nullable: true }) operationId!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
