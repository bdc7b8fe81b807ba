import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
const accountId = { name: 'account_id', type: 'varchar', length: '64' };
const status = { name: 'status', type: 'varchar', length: '16' };
const operationId = { name: 'operation_id', type: 'varchar', length: '36', isNullable: true };
const timestamps = [
  { name: 'created_at', type: 'datetime', precision: 3 },
  { name: 'updated_at', type: 'datetime', precision: 3 },
];
const byAccount = (table: string) =>
  new TableIndex({ name: `IDX_${table}_account`, columnNames: ['account_id'] });

/**
 * What an organization holds: approval requests, SMTP domains, mailboxes, every SMTP address (unique across all
 * tenants: the primary key), distribution lists with their members, contacts, bulk mailbox imports; the account's
 * public folder.
 */
export class ExchangeObjects1764489600000 implements MigrationInterface {
  name = 'ExchangeObjects1764489600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'accounts',
      new TableColumn({ name: 'public_folder', type: 'varchar', length: '254', isNullable: true }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'approval_requests',
        columns: [
          id,
          accountId,
          { name: 'kind', type: 'varchar', length: '64' },
          status,
          { name: 'requested_by', type: 'varchar', length: '160' },
          { name: 'payload', type: 'text' },
          { name: 'sealed_secret', type: 'text', isNullable: true },
          { name: 'reason', type: 'varchar', length: '500', isNullable: true },
          { name: 'decided_by', type: 'varchar', length: '160', isNullable: true },
          { name: 'decided_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'expires_at', type: 'datetime', precision: 3 },
          ...timestamps,
        ],
        indices: [
          new TableIndex({ name: 'IDX_approval_requests_due', columnNames: ['status', 'expires_at'] }),
          byAccount('approval_requests'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'smtp_domains',
        columns: [
          { name: 'domain', type: 'varchar', length: '253', isPrimary: true },
          accountId,
          { name: 'type', type: 'varchar', length: '16' },
          status,
          operationId,
          ...timestamps,
        ],
        indices: [byAccount('smtp_domains')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'mailboxes',
        columns: [
          id,
          accountId,
          { name: 'upn', type: 'varchar', length: '64', isUnique: true },
          { name: 'user_dn', type: 'varchar', length: '600' },
          { name: 'sam_account_name', type: 'varchar', length: '20', isNullable: true },
          { name: 'display_name', type: 'varchar', length: '256' },
          { name: 'given_name', type: 'varchar', length: '64', isNullable: true },
          { name: 'middle_name', type: 'varchar', length: '64', isNullable: true },
          { name: 'sn', type: 'varchar', length: '64', isNullable: true },
          { name: 'initials', type: 'varchar', length: '6', isNullable: true },
          { name: 'mailing_plan', type: 'varchar', length: '64' },
          { name: 'is_admin', type: 'boolean' },
          { name: 'enabled', type: 'boolean' },
          { name: 'disabled_by_suspension', type: 'boolean' },
          { name: 'forward_to', type: 'varchar', length: '254', isNullable: true },
          { name: 'deliver_and_forward', type: 'boolean' },
          status,
          operationId,
          { name: 'usage_kb', type: 'bigint', isNullable: true },
          { name: 'usage_at', type: 'datetime', precision: 3, isNullable: true },
          ...timestamps,
        ],
        indices: [byAccount('mailboxes')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'smtp_addresses',
        columns: [
          { name: 'address', type: 'varchar', length: '254', isPrimary: true },
          accountId,
          { name: 'owner_type', type: 'varchar', length: '20' },
          { name: 'owner_id', type: 'varchar', length: '64' },
          { name: 'is_primary', type: 'boolean' },
        ],
        indices: [
          byAccount('smtp_addresses'),
          new TableIndex({ name: 'IDX_smtp_addresses_owner', columnNames: ['owner_id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'contacts',
        columns: [
          id,
          accountId,
          { name: 'name', type: 'varchar', length: '64' },
          { name: 'dn', type: 'varchar', length: '600' },
          { name: 'external_address', type: 'varchar', length: '254' },
          status,
          operationId,
          ...timestamps,
        ],
        indices: [
          byAccount('contacts'),
          new TableIndex({ name: 'UQ_contacts_dn', columnNames: ['dn'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'distribution_lists',
        columns: [
          id,
          accountId,
          { name: 'name', type: 'varchar', length: '64' },
          { name: 'address', type: 'varchar', length: '254' },
          { name: 'dn', type: 'varchar', length: '600' },
          { name: 'managed_by', type: 'varchar', length: '36' },
          { name: 'members', type: 'text' },
          status,
          operationId,
          ...timestamps,
        ],
        indices: [
          byAccount('distribution_lists'),
          new TableIndex({ name: 'UQ_distribution_lists_dn', columnNames: ['dn'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'mailbox_imports',
        columns: [
          id,
          accountId,
          { name: 'actor', type: 'varchar', length: '160' },
          { name: 'total', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [byAccount('mailbox_imports')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'mailbox_import_rows',
        columns: [
          { name: 'import_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'line', type: 'int', isPrimary: true },
          { name: 'address', type: 'varchar', length: '254' },
          { name: 'mailbox_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'operation_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'errors', type: 'text', isNullable: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'mailbox_import_rows',
      'mailbox_imports',
      'distribution_lists',
      'contacts',
      'smtp_addresses',
      'mailboxes',
      'smtp_domains',
      'approval_requests',
    ])
      await queryRunner.dropTable(table);
    await queryRunner.dropColumn('accounts', 'public_folder');
  }
}
