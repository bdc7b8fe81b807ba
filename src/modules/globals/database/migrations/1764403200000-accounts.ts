import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Customer accounts and their Exchange organizations. `org_name_key` (the lower-cased first 9 characters of the
 * organization name) is unique: HMC refuses two organizations of a reseller that share them.
 */
export class Accounts1764403200000 implements MigrationInterface {
  name = 'Accounts1764403200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'accounts',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'plan_id', type: 'varchar', length: '36' },
          { name: 'organization_name', type: 'varchar', length: '55' },
          { name: 'org_name_key', type: 'varchar', length: '9' },
          { name: 'org_dn', type: 'varchar', length: '500' },
          { name: 'primary_domain', type: 'varchar', length: '253' },
          { name: 'admin_upn', type: 'varchar', length: '64' },
          { name: 'mailing_plan', type: 'varchar', length: '64' },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'operation_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          new TableIndex({ name: 'UQ_accounts_org_name_key', columnNames: ['org_name_key'], isUnique: true }),
          new TableIndex({
            name: 'UQ_accounts_primary_domain',
            columnNames: ['primary_domain'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_accounts_plan', columnNames: ['plan_id'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('accounts');
  }
}
