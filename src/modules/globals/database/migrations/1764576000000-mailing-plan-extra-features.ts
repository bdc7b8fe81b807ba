import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * `mailing_plans.extra_features`: the features of an imported H-Sphere file that map to no plan value, kept as
 * they came (a JSON array; NULL for none). At most 20 per plan of bounded length, well within TEXT's 64 KB.
 */
export class MailingPlanExtraFeatures1764576000000 implements MigrationInterface {
  name = 'MailingPlanExtraFeatures1764576000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'mailing_plans',
      new TableColumn({ name: 'extra_features', type: 'text', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('mailing_plans', 'extra_features');
  }
}
