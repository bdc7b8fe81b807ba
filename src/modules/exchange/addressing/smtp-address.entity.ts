import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `public_folder` is owned by its account (owner id = the account id). */
export type AddressOwnerType = 'mailbox' | 'distribution_list' | 'contact' | 'public_folder';

/** One SMTP address in use (lower-cased): the primary key makes it unique across all tenants. */
@Entity('smtp_addresses')
export class SmtpAddress {
  @PrimaryColumn({ type: 'varchar', length: 254 }) address!: string;
  @Column({ name: 'account_id', type: 'varchar', length: 64 }) accountId!: string;
  @Column({ name: 'owner_type', type: 'varchar', length: 20 }) ownerType!: AddressOwnerType;
  @Column({ name: 'owner_id', type: 'varchar', length: 64 }) ownerId!: string;
  @Column({ name: 'is_primary', type: 'boolean' }) isPrimary!: boolean;
}
