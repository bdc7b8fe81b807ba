import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** `outbox_events`: events written with the change that made them true, numbered for subscribers to resume. */
export class OutboxEvents1764835200000 implements MigrationInterface {
  name = 'OutboxEvents1764835200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'outbox_events',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'type', type: 'varchar', length: '64' },
          { name: 'payload', type: 'text' },
          { name: 'occurred_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('outbox_events');
  }
}
