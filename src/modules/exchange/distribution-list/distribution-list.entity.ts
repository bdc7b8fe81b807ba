import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ObjectStatus } from '../contact/contact.entity';

/** A member of a distribution list: a mailbox or a contact of the same organization. */
export interface ListMember {
  type: 'mailbox' | 'contact';
  id: string;
  address: string;
}

/** A distribution list (`CN=<name>,OU=<org>,…`, mail-enabled as `<name>@<domain>`). */
@Entity('distribution_lists')
export class DistributionList {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'account_id', type: 'varchar', length: 64 }) accountId!: string;
  @Column({ type: 'varchar', length: 64 }) name!: string;
  @Column({ type: 'varchar', length: 254 }) address!: string;
  @Column({ type: 'varchar', length: 600 }) dn!: string;
  /** The mailbox (id) that manages the list. */
  @Column({ name: 'managed_by', type: 'varchar', length: 36 }) managedBy!: string;
  @Column({ type: 'simple-json' }) members!: ListMember[];
  @Column({ type: 'varchar', length: 16 }) status!: ObjectStatus;
  @Column({ name: 'operation_id', type: 'varchar', length: 36, nullable: true }) operationId!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
