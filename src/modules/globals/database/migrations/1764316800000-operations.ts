import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Provisioning operations and their ordered steps, persisted before the first external call so a crashed
 * worker's operation is resumed by another one. `IDX_operations_claim` serves the worker's claim query.
 */
export class Operations1764316800000 implements MigrationInterface {
  name = 'Operations1764316800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'operations',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '100' },
          { name: 'account_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'target_type', type: 'varchar', length: '64' },
          { name: 'target_id', type: 'varchar', length: '190' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'input', type: 'text' },
          { name: 'current_step', type: 'int' },
          { name: 'attempts', type: 'int' },
          { name: 'next_attempt_at', type: 'datetime', precision: 3 },
          { name: 'locked_by', type: 'varchar', length: '100', isNullable: true },
          { name: 'locked_until', type: 'datetime', precision: 3, isNullable: true },
          { name: 'last_error', type: 'text', isNullable: true },
          { name: 'progress_done', type: 'int' },
          { name: 'progress_total', type: 'int', isNullable: true },
          { name: 'actor', type: 'varchar', length: '160' },
          { name: 'request_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
          { name: 'finished_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'IDX_operations_claim', columnNames: ['status', 'next_attempt_at'] }),
          new TableIndex({ name: 'IDX_operations_target', columnNames: ['target_type', 'target_id'] }),
          new TableIndex({ name: 'IDX_operations_created_at', columnNames: ['created_at'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'operation_steps',
        columns: [
          { name: 'operation_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'seq', type: 'int', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'int' },
          { name: 'output', type: 'text', isNullable: true },
          { name: 'error', type: 'text', isNullable: true },
          { name: 'started_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'finished_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['operation_id'],
            referencedTableName: 'operations',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('operation_steps');
    await queryRunner.dropTable('operations');
  }
}
