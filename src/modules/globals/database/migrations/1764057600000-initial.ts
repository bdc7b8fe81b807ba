import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Globals (platform settings) and the audit log. Written with TypeORM's schema API so it runs on SQLite and MariaDB. */
export class Initial1764057600000 implements MigrationInterface {
  name = 'Initial1764057600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'global_settings',
        columns: [
          { name: 'key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'value', type: 'text' },
          { name: 'updated_at', type: 'datetime', precision: 3 },
          { name: 'updated_by', type: 'varchar', length: '160' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'occurred_at', type: 'datetime', precision: 3 },
          { name: 'actor', type: 'varchar', length: '160' },
          { name: 'action', type: 'varchar', length: '100' },
          { name: 'target_type', type: 'varchar', length: '64' },
          { name: 'target_id', type: 'varchar', length: '190' },
          { name: 'before', type: 'text', isNullable: true },
          { name: 'after', type: 'text', isNullable: true },
          { name: 'operation_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'request_id', type: 'varchar', length: '64', isNullable: true },
        ],
        indices: [
          new TableIndex({
            name: 'IDX_audit_target',
            columnNames: ['target_type', 'target_id', 'occurred_at'],
          }),
          new TableIndex({ name: 'IDX_audit_occurred_at', columnNames: ['occurred_at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_log');
    await queryRunner.dropTable('global_settings');
  }
}
