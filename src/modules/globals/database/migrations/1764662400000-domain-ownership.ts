import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { domainToUnicode } from 'node:url';
import { skeletonKeyOf } from '../../../exchange/addressing/domain-name/domain-skeleton';

const STATUS = { name: 'status', type: 'varchar' };

/**
 * Domain ownership: each SMTP domain keeps the key of its UTS #39 confusable skeleton (indexed: a new domain whose
 * skeleton equals another tenant's is one lookup) and, while it waits for its DNS proof, its verification token.
 * Existing domains get their skeleton key; they stay as they are (already in Exchange, no token). The status
 * column grows to hold `pending_verification`.
 */
export class DomainOwnership1764662400000 implements MigrationInterface {
  name = 'DomainOwnership1764662400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // 'pending_verification' needs more than the 16 characters the status had.
    await queryRunner.changeColumn('smtp_domains', 'status', new TableColumn({ ...STATUS, length: '24' }));
    await queryRunner.addColumns('smtp_domains', [
      new TableColumn({ name: 'skeleton', type: 'varchar', length: '64', default: "''" }),
      new TableColumn({ name: 'verification_token', type: 'varchar', length: '64', isNullable: true }),
    ]);
    const rows = (await queryRunner.query('SELECT domain FROM smtp_domains')) as { domain: string }[];
    for (const { domain } of rows) {
      await queryRunner.query('UPDATE smtp_domains SET skeleton = ? WHERE domain = ?', [
        skeletonKeyOf(domainToUnicode(domain) || domain),
        domain,
      ]);
    }
    await queryRunner.createIndex(
      'smtp_domains',
      new TableIndex({ name: 'IDX_smtp_domains_skeleton', columnNames: ['skeleton'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('smtp_domains', 'IDX_smtp_domains_skeleton');
    await queryRunner.dropColumn('smtp_domains', 'verification_token');
    await queryRunner.dropColumn('smtp_domains', 'skeleton');
    await queryRunner.query("DELETE FROM smtp_domains WHERE status = 'pending_verification'");
    await queryRunner.changeColumn('smtp_domains', 'status', new TableColumn({ ...STATUS, length: '16' }));
  }
}
