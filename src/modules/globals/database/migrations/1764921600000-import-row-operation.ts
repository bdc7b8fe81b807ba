import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Finds an import line by its operation in one indexed lookup (each settled line announces its progress). */
export class ImportRowOperation1764921600000 implements MigrationInterface {
  name = 'ImportRowOperation1764921600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'mailbox_import_rows',
      new TableIndex({ name: 'idx_mailbox_import_rows_operation', columnNames: ['operation_id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('mailbox_import_rows', 'idx_mailbox_import_rows_operation');
  }
}
