import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';
import type { ExtraFeature } from './import/extra-feature';
import type { MailingPlanValues } from './mailing-plan';

/** MySQL returns BIGINT as a string; SQLite as a number. */
const BIGINT: ValueTransformer = {
  to: (value: number | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/**
 * The default plan is the one row whose `default_slot` is 1 (all others hold NULL): a unique index on the
 * column lets the database itself refuse a second default.
 */
const DEFAULT_SLOT: ValueTransformer = {
  to: (value: boolean | undefined) => (value === undefined ? undefined : value ? 1 : null),
  from: (value: number | null) => value === 1,
};

/** The kept H-Sphere features as JSON text; NULL when there are none. */
const EXTRA_FEATURES: ValueTransformer = {
  to: (list: ExtraFeature[] | undefined) =>
    list === undefined ? undefined : list.length ? JSON.stringify(list) : null,
  from: (text: string | null): ExtraFeature[] => (text ? (JSON.parse(text) as ExtraFeature[]) : []),
};

/** A mailing plan of the catalogue; never deleted (Hosted Exchange plans refer to it), only archived. */
@Entity('mailing_plans')
export class MailingPlan implements MailingPlanValues {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  /** The name in lower case, unique: names are compared regardless of case. */
  @Column({ name: 'name_key', type: 'varchar', length: 64 })
  nameKey!: string;

  @Column({ type: 'varchar', length: 255 })
  description!: string;

  @Column({ name: 'mailbox_size_mb', type: 'int' })
  mailboxSizeMb!: number;

  @Column({ name: 'pop_enabled', type: 'boolean' })
  pop!: boolean;

  @Column({ name: 'imap_enabled', type: 'boolean' })
  imap!: boolean;

  @Column({ name: 'owa_enabled', type: 'boolean' })
  owa!: boolean;

  @Column({ name: 'active_sync_enabled', type: 'boolean' })
  activeSync!: boolean;

  @Column({ name: 'mapi_enabled', type: 'boolean' })
  mapi!: boolean;

  @Column({ name: 'owa_segmentation', type: 'bigint', transformer: BIGINT })
  owaSegmentation!: number;

  @Column({ name: 'max_send_size_kb', type: 'int' })
  maxSendSizeKb!: number;

  @Column({ name: 'max_receive_size_kb', type: 'int' })
  maxReceiveSizeKb!: number;

  @Column({ name: 'max_recipients', type: 'int' })
  maxRecipients!: number;

  @Column({ name: 'issue_warning_percent', type: 'int' })
  issueWarningPercent!: number;

  @Column({ name: 'prohibit_send_percent', type: 'int' })
  prohibitSendPercent!: number;

  @Column({ name: 'prohibit_send_receive_percent', type: 'int' })
  prohibitSendReceivePercent!: number;

  @Column({ name: 'hidden_from_address_book', type: 'boolean' })
  hiddenFromAddressBook!: boolean;

  @Column({ name: 'default_slot', type: 'int', nullable: true, transformer: DEFAULT_SLOT })
  isDefault!: boolean;

  @Column({ type: 'boolean' })
  archived!: boolean;

  /** Features of an imported H-Sphere file that map to no value, kept as they came (and exported back). */
  @Column({ name: 'extra_features', type: 'text', nullable: true, transformer: EXTRA_FEATURES })
  extraFeatures: ExtraFeature[] = [];

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
