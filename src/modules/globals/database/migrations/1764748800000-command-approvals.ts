import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Approval requests for any command: `quorum` (how many distinct approvers it needs) and `decisions` (who
 * approved so far, a JSON array; NULL for none). `account_id` may be empty for a command about no account.
 */
export class CommandApprovals1764748800000 implements MigrationInterface {
  name = 'CommandApprovals1764748800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('approval_requests', [
      new TableColumn({ name: 'quorum', type: 'int', default: 1 }),
      new TableColumn({ name: 'decisions', type: 'text', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('approval_requests', 'decisions');
    await queryRunner.dropColumn('approval_requests', 'quorum');
  }
}
