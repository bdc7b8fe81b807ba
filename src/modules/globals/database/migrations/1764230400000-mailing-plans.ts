import { randomUUID } from 'node:crypto';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const MB = 1024;
const ALL_OWA_FEATURES = 0xffffffff;

/** H-Sphere's four classic mailing plans, as a new installation offers them (BaseMail is the default). */
const CLASSIC_PLANS = [
  {
    name: 'BaseMail',
    description: 'Basic mailbox: 250 MB, POP3, IMAP4 and Outlook Web Access',
    mailboxSizeMb: 250,
    activeSyncAndMapi: false,
    messageSizeKb: 10 * MB,
    maxRecipients: 500,
    isDefault: true,
  },
  {
    name: 'GoldMail',
    description: 'Gold mailbox: 1 GB, POP3, IMAP4 and Outlook Web Access',
    mailboxSizeMb: 1 * MB,
    activeSyncAndMapi: false,
    messageSizeKb: 20 * MB,
    maxRecipients: 1000,
    isDefault: false,
  },
  {
    name: 'PlatinumMail',
    description: 'Platinum mailbox: 2 GB, POP3, IMAP4 and Outlook Web Access',
    mailboxSizeMb: 2 * MB,
    activeSyncAndMapi: false,
    messageSizeKb: 25 * MB,
    maxRecipients: 2000,
    isDefault: false,
  },
  {
    name: 'PlatinumPlusMail',
    description:
      'Platinum Plus mailbox: 5 GB, POP3, IMAP4, Outlook Web Access, ActiveSync and Outlook (MAPI)',
    mailboxSizeMb: 5 * MB,
    activeSyncAndMapi: true,
    messageSizeKb: 50 * MB,
    maxRecipients: 5000,
    isDefault: false,
  },
];

/**
 * The mailing-plan catalogue (BaseMail, GoldMail, PlatinumMail, PlatinumPlusMail), seeded with the four
 * classic plans. `name_key` (the name in lower case) is unique; `default_slot` is 1 on the default plan and
 * NULL elsewhere, so its unique index allows exactly one default.
 */
export class MailingPlans1764230400000 implements MigrationInterface {
  name = 'MailingPlans1764230400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'mailing_plans',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '64' },
          { name: 'name_key', type: 'varchar', length: '64' },
          { name: 'description', type: 'varchar', length: '255' },
          { name: 'mailbox_size_mb', type: 'int' },
          { name: 'pop_enabled', type: 'boolean' },
          { name: 'imap_enabled', type: 'boolean' },
          { name: 'owa_enabled', type: 'boolean' },
          { name: 'active_sync_enabled', type: 'boolean' },
          { name: 'mapi_enabled', type: 'boolean' },
          { name: 'owa_segmentation', type: 'bigint' },
          { name: 'max_send_size_kb', type: 'int' },
          { name: 'max_receive_size_kb', type: 'int' },
          { name: 'max_recipients', type: 'int' },
          { name: 'issue_warning_percent', type: 'int' },
          { name: 'prohibit_send_percent', type: 'int' },
          { name: 'prohibit_send_receive_percent', type: 'int' },
          { name: 'hidden_from_address_book', type: 'boolean' },
          { name: 'default_slot', type: 'int', isNullable: true },
          { name: 'archived', type: 'boolean' },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          new TableIndex({ name: 'UQ_mailing_plans_name_key', columnNames: ['name_key'], isUnique: true }),
          new TableIndex({ name: 'UQ_mailing_plans_default', columnNames: ['default_slot'], isUnique: true }),
        ],
      }),
    );

    // UTC 'YYYY-MM-DD HH:MM:SS.mmm', as both drivers store DATETIME(3).
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    for (const plan of CLASSIC_PLANS) {
      const values = [
        randomUUID(),
        plan.name,
        plan.name.toLowerCase(),
        plan.description,
        plan.mailboxSizeMb,
        1,
        1,
        1,
        plan.activeSyncAndMapi ? 1 : 0,
        plan.activeSyncAndMapi ? 1 : 0,
        ALL_OWA_FEATURES,
        plan.messageSizeKb,
        plan.messageSizeKb,
        plan.maxRecipients,
        90,
        95,
        100,
        0,
        plan.isDefault ? 1 : null,
        0,
        now,
        now,
      ];
      await queryRunner.query(
        `INSERT INTO mailing_plans (id, name, name_key, description, mailbox_size_mb, pop_enabled, imap_enabled,
           owa_enabled, active_sync_enabled, mapi_enabled, owa_segmentation, max_send_size_kb, max_receive_size_kb,
           max_recipients, issue_warning_percent, prohibit_send_percent, prohibit_send_receive_percent,
           hidden_from_address_book, default_slot, archived, created_at, updated_at)
         VALUES (${values.map(() => '?').join(', ')})`,
        values,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('mailing_plans');
  }
}
