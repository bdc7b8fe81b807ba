import {
  Table,
  TableForeignKey,
  type MigrationInterface,
  type QueryRunner,
  type TableColumnOptions,
} from 'typeorm';

const pricedUnits: TableColumnOptions[] = [
  { name: 'max_units', type: 'int' },
  { name: 'free_units', type: 'int' },
  { name: 'setup_fee_cents', type: 'int' },
  { name: 'recurring_fee_cents', type: 'int' },
];

/** Hosted Exchange plans, the mailing plans they offer and their priced resources. */
export class Plans1764230500000 implements MigrationInterface {
  name = 'Plans1764230500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'plans',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'name_key', type: 'varchar', length: '100', isUnique: true },
          { name: 'description', type: 'varchar', length: '500' },
          { name: 'currency', type: 'varchar', length: '3' },
          { name: 'billing_period_months', type: 'int' },
          { name: 'signup_enabled', type: 'boolean' },
          { name: 'requires_approval', type: 'boolean' },
          { name: 'public_folder_enabled', type: 'boolean' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'plan_mailing_plans',
        columns: [
          { name: 'plan_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'mailing_plan_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'position', type: 'int' },
          ...pricedUnits,
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['plan_id'],
            referencedTableName: 'plans',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            columnNames: ['mailing_plan_id'],
            referencedTableName: 'mailing_plans',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'plan_resources',
        columns: [
          { name: 'plan_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '32', isPrimary: true },
          ...pricedUnits,
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['plan_id'],
            referencedTableName: 'plans',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('plan_resources');
    await queryRunner.dropTable('plan_mailing_plans');
    await queryRunner.dropTable('plans');
  }
}
